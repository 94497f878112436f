using System.Text.Json;
using System.Text.Json.Serialization;
using KlassenouderBot.Moderation;

namespace KlassenouderBot.Cli;

/// <summary>The JSON shapes of the contract (README, "Command line"), in snake_case.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = CliJsonContext.Default,
    };

    public static string Label(ToneLabel label) => SignalNames.Label(label);

    public static string Signal(SignalKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public static AnalyzeOutput ToOutput(ToneAssessment assessment) => new(
        Label(assessment.Label),
        assessment.Score,
        [.. assessment.Signals.Select(s => new SignalOutput(Signal(s.Kind), s.Evidence, s.Source == "local" ? null : s.Source))],
        assessment.Language);
}

internal sealed record AnalyzeOutput(string Label, double Score, IReadOnlyList<SignalOutput> Signals, string Language);

/// <summary>One signal of <c>analyze</c>'s output.</summary>
/// <param name="Kind">The signal kind in snake_case.</param>
/// <param name="Evidence">The words (or, from Azure, the sentiment) that showed it.</param>
/// <param name="Source">Absent for the local analyser's signals; <c>azure</c> for the second opinion's.</param>
internal sealed record SignalOutput(string Kind, string Evidence, string? Source = null);

internal sealed record ReplayAction(int Index, string Action, string To, string Text)
{
    public string? Thread { get; init; }

    public string? Level { get; init; }
}

internal sealed record LabelScores(double Precision, double Recall, double F1, int Support);

internal sealed record ToneEvaluation(
    int N,
    double MacroF1,
    double Accuracy,
    IReadOnlyDictionary<string, LabelScores> PerLabel,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion);

internal sealed record ThreadEvaluation(int Threads, int Escalating, int Calm, int DetectedInTime, int Missed, int FalseAlerts, double MeanLeadMessages)
{
    public IReadOnlyList<ThreadResult>? Details { get; init; }
}

internal sealed record ThreadResult(string Id, int? EscalatesAt, int? FirstAlert, string Outcome);

[JsonSerializable(typeof(AnalyzeOutput))]
[JsonSerializable(typeof(ReplayAction))]
[JsonSerializable(typeof(ToneEvaluation))]
[JsonSerializable(typeof(ThreadEvaluation))]
[JsonSerializable(typeof(TranscriptLine))]
[JsonSerializable(typeof(AskOutput))]
[JsonSerializable(typeof(FaqEvaluation))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
