using KlassenouderBot.Privacy;
using KlassenouderBot.Moderation;
using KlassenouderBot.Moderation.Azure;
using KlassenouderBot.School;

namespace KlassenouderBot.Tests.Privacy;

public sealed class PersonalDataRedactorTests
{
    private static readonly PersonalDataRedactor Sut = new(["juf Sanne de Vries", "meester Jesse Brouwer", "Noor"]);

    [Theory]
    [InlineData("Sanne heeft het weer verpest", "[naam] heeft het weer verpest")]
    [InlineData("Ik vind juf Sanne de Vries niet eerlijk", "Ik vind juf [naam] de [naam] niet eerlijk")]
    [InlineData("noor is weer gepest", "[naam] is weer gepest")]
    [InlineData("Gisteren heeft Daan mijn zoon geslagen", "Gisteren heeft [naam] mijn zoon geslagen")]
    [InlineData("Mail naar jan.de.boer@gmail.com", "Mail naar [e-mail]")]
    [InlineData("bel me op 06-12345678 of 0599 123456.", "bel me op [telefoon] of [telefoon].")]
    [InlineData("of +31 6 1234 5678 morgen", "of [telefoon] morgen")]
    public void Redact_ReplacesNamesAddressesAndNumbers(string text, string expected) =>
        Sut.Redact(text, AnalysisContext.None).Should().Be(expected);

    [Fact]
    public void Redact_ParentsInTheChat_AreReplacedToo() =>
        Sut.Redact("Eens met Kim, kim heeft gelijk", new AnalysisContext { ParentNames = new HashSet<string>(["kim"], StringComparer.Ordinal) })
            .Should().Be("Eens met [naam], [naam] heeft gelijk");

    [Theory]
    [InlineData("Wat een waardeloze juf is dat zeg")]
    [InlineData("De AVG geldt ook voor de BSO.")]
    [InlineData("Schandalig. Echt schandalig!")]
    public void Redact_OrdinaryWordsAndAbbreviations_StayAsTheyAre(string text) =>
        Sut.Redact(text, AnalysisContext.None).Should().Be(text);

    [Fact]
    public void For_SchoolFile_KnowsStaffTeachersClassParentsAndListedChildren()
    {
        var school = SchoolConfigurationLoader.Load(SchoolOptions.DefaultConfigPath) with { };
        school = school with { Classes = [.. school.Classes.Select((c, i) => i == 0 ? c with { Children = ["Floor", "Mees"] } : c)] };
        var classParent = school.Classes.First(c => c.ClassParent is not null).ClassParent!.Name;

        var redacted = PersonalDataRedactor.For(school).Redact($"floor en mees zeiden dat {classParent.ToLowerInvariant()} gelijk had", AnalysisContext.None);

        redacted.Should().Be("[naam] en [naam] zeiden dat [naam] gelijk had");
    }

    [Fact]
    public void Cut_LongerThanAzureTakes_KeepsTheFirst5120TextElements()
    {
        var text = string.Concat(Enumerable.Repeat("👍🏽", 6000));

        var cut = AzureSentimentBatcher.Cut(text);

        new System.Globalization.StringInfo(cut).LengthInTextElements.Should().Be(5120);
        text.Should().StartWith(cut);
    }
}
