using KlassenouderBot.Faq;
using KlassenouderBot.School;

namespace KlassenouderBot.Tests.Faq;

/// <summary>Answering from the bundled sample school: the right entry or passage, abstention, language and class.</summary>
public sealed class FaqEngineTests
{
    private static readonly Lazy<FaqEngine> Sample = new(() => FaqEngineFactory.Create(SchoolConfigurationLoader.Load(SchoolOptions.DefaultConfigPath)));

    [Theory]
    [InlineData("hoe laat is school uit op woensdag?", "schooltijden")]
    [InlineData("wanneer is de herfstvakanite?", "herfstvakantie")]
    [InlineData("hoe meld ik mijn kind ziek", "ziekmelden")]
    [InlineData("moet ik die ouderbijdrage echt betalen?", "ouderbijdrage")]
    [InlineData("kan ik de ouderbijdrage in termijnen betalen", "ouderbijdrage-niet-betalen")]
    [InlineData("wanneer heeft groep 5 gym?", "gymdagen")]
    public void Ask_SampleQuestions_AnswerFromTheRightEntry(string question, string faqId)
    {
        var result = Sample.Value.Ask(question);

        result.Answered.Should().BeTrue($"confidence was {result.Confidence:0.00}, nearest {result.NearestFaqId}");
        result.FaqId.Should().Be(faqId);
        result.Confidence.Should().BeInRange(Sample.Value.Options.Threshold, 1);
    }

    [Theory]
    [InlineData("wat is de hoofdstad van Frankrijk?")]
    [InlineData("who won the football match last night?")]
    [InlineData("weet iemand al wanneer de herfstvakantie in 2030 valt?")]
    [InlineData("hoe duur zijn de schoolfoto's dit jaar?")]
    [InlineData("wanneer is de sportdag dit jaar?")]
    public void Ask_QuestionsTheSchoolDoesNotAnswer_Abstains(string question) =>
        Sample.Value.Ask(question).Answered.Should().BeFalse();

    [Fact]
    public void Ask_WhenQuestion_EntryThatOnlyListsTheSubject_DoesNotLendItsDates()
    {
        // The contribution entry names "de sportdag" among what it pays for, next to dates about the contribution.
        var result = Sample.Value.Ask("wanneer is de sportdag?");

        result.Candidates.Should().Contain(c => c.Name == "ouderbijdrage").Which.Confidence.Should().Be(0);
    }

    [Fact]
    public void Ask_MostlyWordsNoSchoolTextUses_Abstains()
    {
        var result = Sample.Value.Ask("who won the football match last night?");

        result.Answered.Should().BeFalse();
        result.Candidates.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Can I bring my bike to school?", "fietsen-en-parkeren")]
    [InlineData("My son has head lice, what should I do?", "hoofdluis-gevonden")]
    public void Ask_EnglishQuestion_MeetsTheDutchWordingsThroughTheGlossary(string question, string faqId) =>
        Sample.Value.Ask(question).FaqId.Should().Be(faqId);

    [Fact]
    public void Ask_EntryAndPassage_CompeteOnOneScale_TheMoreLikelyWins()
    {
        var result = Sample.Value.Ask("moeten de kinderen na de gymles douchen?");

        result.Candidates.Should().Contain(c => !c.IsPassage).And.Contain(c => c.IsPassage);
        result.Confidence.Should().Be(result.Candidates.Max(c => c.Confidence));
        result.Candidates.Should().OnlyContain(c => c.Confidence >= 0 && c.Confidence <= 1);
    }

    [Fact]
    public void Ask_EntryCitingAPassage_AgreesAsStronglyAsThatPassageRanks()
    {
        // Both entries cite a section among the best passages; only the one citing the best passage has full agreement.
        var guide = SchoolGuide.FromMarkdown("""
            # Ouderportaal
            Inloggen in Ouderportaal gaat met de code uit de welkomstbrief. Lukt inloggen niet, mail dan de administratie.

            # Ouderraad
            De ouderraad helpt bij feesten. Ouders die willen helpen, melden zich bij de ouderraad.
            """);
        var engine = FaqEngine.Create(
            [
                new FaqEntry("portaal", "Hoe werkt Ouderportaal?", "Met de code uit de welkomstbrief.") { Source = "Ouderportaal" },
                new FaqEntry("ouderraad", "Kan ik helpen bij de ouderraad?", "Graag, meld u bij de ouderraad.") { Source = "Ouderraad" },
            ],
            guide);

        var candidates = engine.Assess("ik kan niet inloggen in ouderportaal, wie kan me helpen?").Candidates;

        var citingBest = candidates.Single(c => c.Name == "portaal").Features.Agrees;
        var citingOther = candidates.Single(c => c.Name == "ouderraad").Features.Agrees;
        citingBest.Should().Be(1);
        citingOther.Should().BeGreaterThan(0).And.BeLessThan(1);
        citingOther.Should().Be(candidates.Single(c => c.Name == "Ouderraad").Features.Relative);
    }

    [Fact]
    public void Ask_GuideOnlyQuestion_AnswersFromThePassageWithItsHeading()
    {
        var result = Sample.Value.Ask("moeten de kinderen na de gymles douchen?");

        result.Answered.Should().BeTrue();
        result.FaqId.Should().BeNull();
        result.Source.Should().Be("Omkleden en douchen");
        result.Answer.Should().Contain("Douchen na de gymles is niet verplicht");
    }

    [Fact]
    public void Ask_LinkedGroep_LeadsWithThatGroepsRow()
    {
        var result = Sample.Value.Ask("op welke dagen heeft mijn kind gym?", groep: "5");

        result.Answer.Should().StartWith("Voor groep 5: maandag en donderdag, 8:45 - 9:30");
    }

    [Fact]
    public void Ask_English_UsesTheEnglishAnswer()
    {
        var result = Sample.Value.Ask("What are the school hours on Wednesday?");

        result.English.Should().BeTrue();
        result.FaqId.Should().Be("schooltijden");
        result.Answer.Should().Contain("Wednesday");
    }
}
