using KlassenouderBot.Faq;

namespace KlassenouderBot.Tests.Faq;

/// <summary>
/// The stemmer against Snowball's published Dutch (Porter) vocabulary: every one of its 45,670 words must
/// stem exactly as Snowball's own output says (TestData/stemmer, BSD licence in TestData/stemmer/COPYING).
/// </summary>
public sealed class DutchStemmerTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "stemmer", "dutch_porter");

    [Fact]
    public void Stem_SnowballVocabulary_MatchesEveryExpectedStem()
    {
        var words = File.ReadAllLines(Path.Combine(Folder, "voc.txt"));
        var expected = File.ReadAllLines(Path.Combine(Folder, "output.txt"));
        words.Should().HaveCount(expected.Length).And.HaveCountGreaterThan(45_000);

        var mismatches = words.Select((word, i) => (Word: word, Expected: expected[i], Actual: DutchStemmer.Stem(word)))
            .Where(r => r.Actual != r.Expected)
            .Take(20)
            .Select(r => $"{r.Word}: expected {r.Expected}, got {r.Actual}")
            .ToList();

        mismatches.Should().BeEmpty();
    }

    [Theory]
    [InlineData("lichamelijkheden", "licham")]
    [InlineData("opglimpende", "opglimp")]
    [InlineData("ophalen", "ophal")]
    [InlineData("vakanties", "vakanties")]
    [InlineData("kinderen", "kinder")]
    [InlineData("maan", "man")]
    [InlineData("", "")]
    [InlineData("a", "a")]
    public void Stem_Examples(string word, string stem) => DutchStemmer.Stem(word).Should().Be(stem);
}
