using KlassenouderBot.Faq;

namespace KlassenouderBot.Tests.Faq;

public sealed class FaqAnalyzerTests
{
    private static FaqAnalyzer Analyzer()
    {
        var analyzer = new FaqAnalyzer([["luizenmoeder", "luizenouder", "pluisouder"], ["sporten", "gym"]]);
        analyzer.Learn("De vrijwillige ouderbijdrage is een bijdrage van de ouders voor het schoolreisje.");
        analyzer.Learn("Wanneer is de herfstvakantie? De vakantie begint op zaterdag.");
        analyzer.Learn("Gymkleding: een sportbroek en gymschoenen.");
        analyzer.Learn("Wij zorgen voor toezicht. Het overzicht van elke schoolvakantie staat in Ouderportaal.");
        analyzer.Freeze();
        return analyzer;
    }

    private static List<string> Terms(string text) => [.. Analyzer().QueryTerms(text, FaqText.LooksEnglish(text)).Select(t => t.Term)];

    [Fact]
    public void QueryTerms_StopWordsGone_WordsStemmed() =>
        Terms("Wanneer is de herfstvakantie?").Should().Contain(DutchStemmer.Stem("herfstvakantie")).And.NotContain("de").And.NotContain("wanneer");

    [Fact]
    public void QueryTerms_CompoundWrittenApart_IsReadAsTheCompound() =>
        Terms("hoeveel is de ouder bijdrage").Should().Contain(DutchStemmer.Stem("ouderbijdrage"));

    [Fact]
    public void QueryTerms_Compound_AlsoCountsItsParts()
    {
        var terms = Analyzer().QueryTerms("ouderbijdrage", english: false);

        terms.Should().Contain(new WeightedTerm(DutchStemmer.Stem("ouderbijdrage"), 1.0));
        terms.Should().Contain(t => t.Term == DutchStemmer.Stem("bijdrage") && t.Weight < 1.0);
    }

    [Fact]
    public void DocumentTerms_SynonymReplacedCompound_KeepsThePartASynonymListNames()
    {
        // "vakantieoverzicht" is read as its group's "vakantierooster"; its "overzicht" is what "lijstje" means.
        var terms = Analyzer().DocumentTerms("Heeft iemand het vakantieoverzicht?");

        terms.Should().Contain(new WeightedTerm(DutchStemmer.Stem("vakantierooster"), 1.0));
        terms.Should().Contain(t => t.Term == DutchStemmer.Stem("overzicht") && t.Weight < 1.0);
        Terms("een lijstje van de vakanties").Should().Contain(DutchStemmer.Stem("overzicht"));
    }

    [Fact]
    public void DocumentTerms_SynonymReplacedCompound_DoesNotAddPartsNoSynonymListNames()
    {
        // "lesbezoek" is this school's "kijkochtend"; "bezoek" is a word of its texts, but no synonym list names it.
        var analyzer = new FaqAnalyzer([["kijkochtend", "lesbezoek"]]);
        analyzer.Learn("Op de kijkochtend is uw bezoek welkom in de les.");
        analyzer.Freeze();

        var terms = analyzer.DocumentTerms("het lesbezoek").Select(t => t.Term).ToList();

        terms.Should().Contain(DutchStemmer.Stem("kijkochtend")).And.NotContain(DutchStemmer.Stem("bezoek"));
    }

    [Theory]
    [InlineData("ziek melden", "ziekmelden")]
    [InlineData("afmelden", "ziekmelden")]
    [InlineData("bewegingsonderwijs", "gym")]
    [InlineData("krokus vakantie", "voorjaarsvakantie")]
    [InlineData("pluisouder", "luizenmoeder")]
    public void QueryTerms_Synonyms_BecomeOneForm(string written, string canonical) =>
        Terms(written).Should().Contain(DutchStemmer.Stem(canonical));

    [Theory]
    [InlineData("herfstvakanite", "herfstvakantie")]
    [InlineData("gymkleeding", "gymkleding")]
    public void QueryTerms_Misspelt_CorrectedToAWordOfTheTexts(string written, string meant) =>
        Terms(written).Should().Contain(DutchStemmer.Stem(meant));

    [Theory]
    [InlineData("bewegingsonderwjis", "gym")]
    [InlineData("pluisoudre", "luizenmoeder")]
    [InlineData("sportbroke", "sportbroek")]
    public void QueryTerms_Misspelt_CorrectedThroughTheSharedAndTheSchoolsSpellingIndex(string written, string meant)
    {
        // A built-in synonym form, a form of the school's own synonyms, and a word only the school's texts use.
        Terms(written).Should().Contain(DutchStemmer.Stem(meant));
    }

    [Fact]
    public void Synonyms_TheSchoolsGroup_DoesNotTakeOverABuiltInForm() =>
        Terms("gym").Should().Contain(DutchStemmer.Stem("gym")).And.NotContain(DutchStemmer.Stem("sporten"));

    [Fact]
    public void QueryTerms_ShortWords_AreNotCorrected() =>
        Terms("niks met de klacht").Should().NotContain(DutchStemmer.Stem("luizen"), "'niks' must not become 'nits'");

    [Fact]
    public void QueryTerms_ARealDutchWord_IsNotCorrectedIntoAnotherWordOfTheTexts() =>
        Terms("niet borgen").Should().Contain(DutchStemmer.Stem("borgen")).And.NotContain(DutchStemmer.Stem("zorgen"));

    [Fact]
    public void QueryTerms_ARealDutchWord_IsStillReadAsAnotherFormOfAWordOfTheTexts() =>
        Terms("alle schoolvakanties").Should().Contain(DutchStemmer.Stem("schoolvakantie"));

    [Fact]
    public void QueryTerms_EnglishPlural_IsTranslatedLikeTheSingularTheGlossaryLists() =>
        Terms("are there any teacher training days coming up").Should().Contain(DutchStemmer.Stem("studiedag"));

    [Fact]
    public void QueryTerms_TwoWordsMakingASynonym_WinOverTheFirstWordsOwnSynonym() =>
        Terms("wat moet er in de gym tas").Should().Contain(DutchStemmer.Stem("gymkleding")).And.NotContain(DutchStemmer.Stem("tas"));

    [Fact]
    public void QueryTerms_EnglishQuestion_BringsTheGlossarysDutchWords()
    {
        var terms = Terms("what clothes should my son wear");

        terms.Should().Contain(DutchStemmer.Stem("kleding")).And.Contain(DutchStemmer.Stem("dragen"));
        terms.Should().NotContain("clothes", "an English word the school's texts never use only dilutes the question");
    }

    [Fact]
    public void QueryTerms_DutchQuestion_IsNotTranslated() =>
        Terms("de bijdrage voor het schoolreisje").Should().NotContain(DutchStemmer.Stem("dragen"));

    [Fact]
    public void QueryTerms_EnglishQuestion_IsNotSpellCorrectedIntoDutch() =>
        Terms("what should my kid wear for gym").Should().NotContain("year");

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("herfstvakanite", "herfstvakantie", 1)]
    [InlineData("gym", "gym", 0)]
    public void EditDistance_CountsSwapsAsOne(string a, string b, int distance) =>
        FaqAnalyzer.EditDistance(a, b, 5).Should().Be(distance);
}
