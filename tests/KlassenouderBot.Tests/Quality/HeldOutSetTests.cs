using System.Text.Json;

namespace KlassenouderBot.Tests.Quality;

// Regression guards on our own held-out sets (TestData/README.md): generalisation must not quietly slip.
public sealed class HeldOutSetTests
{
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    private static Task<JsonElement> CreateSut(string verb, string file) => EvaluationRun.JsonAsync(verb, DataFile(file));

    [Theory]
    [InlineData("tone-holdout.tsv")]
    [InlineData("tone-holdout2.tsv")]
    public async Task EvalTone_HeldOutSet_MeetsTheIssueBars(string file)
    {
        var result = await CreateSut("eval-tone", file);

        result.GetProperty("macro_f1").GetDouble().Should().BeGreaterThanOrEqualTo(0.85);
        result.GetProperty("per_label").GetProperty("hurtful").GetProperty("recall").GetDouble().Should().BeGreaterThanOrEqualTo(0.90);
        var okSupport = result.GetProperty("per_label").GetProperty("ok").GetProperty("support").GetInt32();
        result.GetProperty("confusion").GetProperty("ok").GetProperty("hurtful").GetInt32().Should().BeLessThanOrEqualTo((int)Math.Floor(okSupport * 0.02));
    }

    [Fact]
    public async Task EvalThreads_FirstHeldOutSet_DetectsAllWithoutFalseAlerts()
    {
        var result = await CreateSut("eval-threads", "threads-holdout.jsonl");

        result.GetProperty("detected_in_time").GetInt32().Should().Be(result.GetProperty("escalating").GetInt32());
        result.GetProperty("false_alerts").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task EvalThreads_SecondHeldOutSet_NeverAlertsACalmThread()
    {
        var result = await CreateSut("eval-threads", "threads-holdout2.jsonl");

        result.GetProperty("false_alerts").GetInt32().Should().Be(0);
    }
}
