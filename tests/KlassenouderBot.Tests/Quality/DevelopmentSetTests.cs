using System.Text.Json;

namespace KlassenouderBot.Tests.Quality;

// Quality bars on the development data, measured through the CLI exactly as a script would.
public sealed class DevelopmentSetTests
{
    private static Task<JsonElement> CreateSut(string verb, string file) => EvaluationRun.JsonAsync(verb, file);

    [DevDataFact]
    public async Task EvalTone_DevelopmentSet_MacroF1AtLeast085()
    {
        var result = await CreateSut("eval-tone", DevelopmentData.ToneFile);

        result.GetProperty("n").GetInt32().Should().Be(180);
        result.GetProperty("macro_f1").GetDouble().Should().BeGreaterThanOrEqualTo(0.85);
    }

    [DevDataFact]
    public async Task EvalTone_DevelopmentSet_HurtfulRecallAtLeast090()
    {
        var result = await CreateSut("eval-tone", DevelopmentData.ToneFile);

        result.GetProperty("per_label").GetProperty("hurtful").GetProperty("recall").GetDouble().Should().BeGreaterThanOrEqualTo(0.90);
    }

    [DevDataFact]
    public async Task EvalTone_DevelopmentSet_AtMostTwoPercentOfOkCalledHurtful()
    {
        var result = await CreateSut("eval-tone", DevelopmentData.ToneFile);

        var okSupport = result.GetProperty("per_label").GetProperty("ok").GetProperty("support").GetInt32();
        var okAsHurtful = result.GetProperty("confusion").GetProperty("ok").GetProperty("hurtful").GetInt32();
        okAsHurtful.Should().BeLessThanOrEqualTo((int)Math.Floor(okSupport * 0.02));
    }

    [DevDataFact]
    public async Task EvalThreads_DevelopmentSet_DetectsAtLeastSevenOfEightInTime()
    {
        var result = await CreateSut("eval-threads", DevelopmentData.ThreadsFile);

        result.GetProperty("escalating").GetInt32().Should().Be(8);
        result.GetProperty("detected_in_time").GetInt32().Should().BeGreaterThanOrEqualTo(7);
    }

    [DevDataFact]
    public async Task EvalThreads_DevelopmentSet_AtMostOneFalseAlert()
    {
        var result = await CreateSut("eval-threads", DevelopmentData.ThreadsFile);

        result.GetProperty("calm").GetInt32().Should().Be(8);
        result.GetProperty("false_alerts").GetInt32().Should().BeLessThanOrEqualTo(1);
    }
}
