using KlassenouderBot.Moderation;
using KlassenouderBot.Moderation.Azure;

namespace KlassenouderBot.Tests.Moderation.Azure;

public sealed class SecondOpinionCombineTests
{
    private static readonly AzureOpinion NegativeAboutTheTeacher = new("negative", 0.95, 0.01, ["juf"]);
    private static readonly AzureOpinion PlainlyPositive = new("positive", 0.02, 0.9, []);

    [Fact]
    public void Combine_NothingLocal_AzureAloneMovesNothingButIsShown()
    {
        var local = new ToneAssessment(ToneLabel.Ok, 0, [], "nl");

        var combined = SecondOpinion.Combine(local, NegativeAboutTheTeacher);

        combined.Label.Should().Be(ToneLabel.Ok);
        combined.Score.Should().Be(0);
        combined.Signals.Should().Contain(s => s.Kind == SignalKind.NegativeSentiment && s.Source == "azure" && s.Weight == 0)
            .And.Contain(s => s.Kind == SignalKind.TargetTeacher && s.Evidence == "juf");
    }

    [Fact]
    public void Combine_LocalDoubtAndAzureNegativeAboutTheTeacher_BecomesAConcern()
    {
        var local = new ToneAssessment(ToneLabel.Ok, 0.2, [new ToneSignal(SignalKind.Criticism, "slecht", 0.3)], "nl");

        var combined = SecondOpinion.Combine(local, NegativeAboutTheTeacher);

        combined.Label.Should().Be(ToneLabel.Concern);
        combined.Score.Should().BeGreaterThan(0.35);
    }

    [Fact]
    public void Combine_LocalDoubtWithoutACriticalTone_StaysOk()
    {
        // "Wat vervelend dat de juf ziek is, beterschap!": sad, about the teacher, and kind.
        var local = new ToneAssessment(ToneLabel.Ok, 0.175, [new ToneSignal(SignalKind.NegativeSentiment, "vervelend", 0.2), new ToneSignal(SignalKind.TargetTeacher, "", 0)], "nl");

        var combined = SecondOpinion.Combine(local, NegativeAboutTheTeacher);

        combined.Label.Should().Be(ToneLabel.Ok);
        combined.Score.Should().BeGreaterThan(local.Score).And.BeLessThan(0.35);
        combined.Signals.Should().Contain(s => s.Kind == SignalKind.NegativeSentiment && s.Source == "azure");
    }

    [Fact]
    public void Combine_CriticalToneButAzureNegativeAboutNoPerson_StaysOk()
    {
        // "Balen, de gymtas is alweer kwijt": Azure is negative about the bag, not about anyone.
        var local = new ToneAssessment(ToneLabel.Ok, 0.262, [new ToneSignal(SignalKind.Criticism, "alweer", 0.3)], "nl");

        var combined = SecondOpinion.Combine(local, new AzureOpinion("negative", 0.95, 0.01, ["gymtas"]));

        combined.Label.Should().Be(ToneLabel.Ok);
    }

    [Fact]
    public void Combine_Concern_NeverBecomesHurtfulThroughAzure()
    {
        var local = new ToneAssessment(ToneLabel.Concern, 0.6, [new ToneSignal(SignalKind.Criticism, "onduidelijk", 0.8)], "nl");

        var combined = SecondOpinion.Combine(local, NegativeAboutTheTeacher);

        combined.Label.Should().Be(ToneLabel.Concern);
        combined.Score.Should().BeLessThan(0.65).And.BeGreaterThan(0.6);
    }

    [Theory]
    [InlineData(ToneLabel.Hurtful, 0.8)]
    [InlineData(ToneLabel.Concern, 0.4)]
    public void Combine_AzurePlainlyDisagreesInTheOkDirection_TheLocalVerdictStandsAndSaysSo(ToneLabel label, double score)
    {
        var local = new ToneAssessment(label, score, [new ToneSignal(SignalKind.Insult, "trut", 1.2)], "nl");

        var combined = SecondOpinion.Combine(local, PlainlyPositive);

        combined.Label.Should().Be(label);
        combined.Score.Should().Be(score);
        combined.Signals.Should().Contain(s => s.Kind == SignalKind.SecondOpinionDisagrees && s.Evidence == "positive 0.90");
    }

    [Fact]
    public void Combine_HurtfulAndAzureAgrees_ScoreRisesWithinTheLabel()
    {
        var local = new ToneAssessment(ToneLabel.Hurtful, 0.95, [new ToneSignal(SignalKind.Insult, "trut", 1.2)], "nl");

        var combined = SecondOpinion.Combine(local, NegativeAboutTheTeacher);

        combined.Label.Should().Be(ToneLabel.Hurtful);
        combined.Score.Should().Be(1.0);
    }
}
