using KlassenouderBot.Faq;
using KlassenouderBot.School;

namespace KlassenouderBot.Tests.Faq;

/// <summary>Questions the first version of the answerer got wrong: English "When …?" questions, and a holiday question won by another holiday.</summary>
public sealed class FaqAnswererRegressionTests
{
    private static readonly Lazy<FaqAnswerer> Sample = new(() => new FaqAnswerer(SchoolConfigurationLoader.Load(SchoolOptions.DefaultConfigPath).Faq));

    // "when" is an English marker but not a stop word: as a word no FAQ entry uses it gets the highest
    // weight, so an English "When …?" question can never reach the threshold ("What is the …?" can).
    [Theory]
    [InlineData("When is the herfstvakantie?", "herfstvakantie")]
    [InlineData("When is the kerstvakantie?", "kerstvakantie")]
    [InlineData("When is the voorjaarsvakantie?", "voorjaarsvakantie")]
    public void Match_EnglishWhenQuestion_FindsTheEntry(string question, string id)
    {
        FaqAnswerer.LooksEnglish(question).Should().BeTrue();

        (Sample.Value.Match(question).Entry?.Id).Should().Be(id);
    }

    // The entry that shares "hoe lang duurt" wins although the question names another holiday: the
    // holiday's own word is not in the winning wording, which costs it nothing. The bot then posts the
    // summer holiday's dates to the whole channel as the answer about the autumn holiday.
    [Theory]
    [InlineData("Hoe lang duurt de herfstvakantie?", "herfstvakantie")]
    [InlineData("Hoe lang duurt de kerstvakantie?", "kerstvakantie")]
    [InlineData("Hoe lang duurt de voorjaarsvakantie?", "voorjaarsvakantie")]
    public void Match_QuestionNamingOneHoliday_NeverAnswersAboutAnother(string question, string id)
    {
        var answered = Sample.Value.Match(question).Entry?.Id ?? "(abstained)";

        new[] { id, "(abstained)" }.Should().Contain(answered, "a wrong holiday is worse than no answer");
    }
}
