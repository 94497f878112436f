using KlassenouderBot.Faq;

namespace KlassenouderBot.Tests.Faq;

/// <summary>The built-in word lists load and say what they should.</summary>
public sealed class WordListTests
{
    [Fact]
    public void BuiltInSynonyms_IncludeTheEmbeddedParentsVocabulary()
    {
        FaqText.BuiltInSynonyms.Should().HaveCountGreaterThan(300);
        FaqText.BuiltInSynonyms.Should().Contain(group => group[0] == "huwelijk" && group.Contains("bruiloft"));
        FaqText.BuiltInSynonyms.Should().OnlyContain(group => group.Count >= 2);
    }

    [Fact]
    public void BuiltInSynonyms_CoreListComesFirst_SoItsCanonicalFormsWin() =>
        FaqText.BuiltInSynonyms[0][0].Should().Be("ziekmelden");

    [Fact]
    public void EnglishGlossary_LongestPhraseWins()
    {
        var words = new[] { "teacher", "training", "day" };

        EnglishGlossary.Longest(words, 0).Should().BeEquivalentTo(((int Length, string[] Dutch)?)(3, ["studiedag"]));
        EnglishGlossary.Longest(["pick", "up"], 0)!.Value.Dutch.Should().Contain("ophalen");
        EnglishGlossary.Longest(["zzzunknown"], 0).Should().BeNull();
    }

    [Fact]
    public void SynonymForms_WithMeaningInBothTopics_AreNotMerged()
    {
        // "lunch" belongs to the lunch break (overblijven); the parents' list must not move it elsewhere.
        var analyzer = new FaqAnalyzer(FaqText.BuiltInSynonyms);
        analyzer.Freeze();

        analyzer.Words("lunch").Should().Equal("overblijven");
    }
}
