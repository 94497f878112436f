using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace KlassenouderBot.LoadTest;

/// <summary>Everything a run measured, as written to the JSON file.</summary>
internal sealed record RunReport
{
    public const double ThroughputTarget = 0.40;
    public const double LatencyTargetMs = 20;
    public const double MemoryTargetMb = 200;
    public const int MemoryTargetConversations = 10_000;

    public required DateTimeOffset FinishedAt { get; init; }

    public required string Mode { get; init; }

    public required RunMachine Machine { get; init; }

    public required RunSettings Settings { get; init; }

    public required ServerReport App { get; init; }

    public required ServerReport Bare { get; init; }

    /// <summary>The bare endpoint validating each request's token, at peak.</summary>
    public required PhaseReport TokenCeiling { get; init; }

    /// <summary>The app's drained messages/s over the bare endpoint's requests/s at peak.</summary>
    public required double ThroughputRatio { get; init; }

    /// <summary>The token-validating bare endpoint's requests/s over the bare endpoint's: the most the ratio can be here.</summary>
    public required double TokenCeilingRatio { get; init; }

    /// <summary>How long the help replies of a drain take with nothing queued before them.</summary>
    public required double ProbeOverheadSeconds { get; init; }

    public required IReadOnlyList<TargetResult> Targets { get; init; }

    /// <summary>Failed requests and drains; any makes the exit code 1.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    public static RunReport Create(LoadOptions options, ServerReport app, ServerReport bare, PhaseReport tokenCeiling, double probeOverhead, IReadOnlyList<string> problems)
    {
        var drained = app.Peak.Drain?.DrainedPerSecond ?? 0;
        var ratio = OfBare(drained, bare);
        var ceilingRatio = OfBare(tokenCeiling.RequestsPerSecond, bare);
        var p99 = app.HalfPeak.Latency.P99;
        var memory = app.Memory;
        var fullMemory = memory is { NewConversations: >= MemoryTargetConversations };
        return new RunReport
        {
            FinishedAt = TimeProvider.System.GetUtcNow(),
            Mode = options.Short ? "short" : "full",
            Machine = new RunMachine(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription),
            Settings = new RunSettings(
                options.Duration.TotalSeconds,
                options.WarmUp.TotalSeconds,
                options.Concurrency,
                options.Conversations,
                options.MemoryConversations,
                options.Postgres is null ? "SQLite" : "PostgreSQL"),
            App = app,
            Bare = bare,
            TokenCeiling = tokenCeiling,
            ThroughputRatio = ratio,
            TokenCeilingRatio = ceilingRatio,
            ProbeOverheadSeconds = Math.Round(probeOverhead, 2),
            Targets =
            [
                new("/api/messages (drained) >= 40 % of the bare endpoint's throughput", $"{ratio * 100:0.0} % (token ceiling {ceilingRatio * 100:0.0} %)", ratio >= ThroughputTarget),
                new($"p99 <= {LatencyTargetMs:0} ms at half the peak rate", $"{p99:0.0} ms", p99 <= LatencyTargetMs),
                new(
                    $"{MemoryTargetConversations:N0} active conversations in <= {MemoryTargetMb:0} MB working set",
                    memory is null ? "-" : $"{memory.After.RssMegabytes:0.0} MB with {memory.ConversationsHeld:N0} ({app.AfterLoad.RssMegabytes:0} after the peak)",
                    fullMemory ? memory!.After.RssMegabytes <= MemoryTargetMb : null),
            ],
            Problems = problems,
        };
    }

    private static double OfBare(double perSecond, ServerReport bare) =>
        bare.Peak.RequestsPerSecond > 0 ? Math.Round(perSecond / bare.Peak.RequestsPerSecond, 4) : 0;
}

internal sealed record RunMachine(int ProcessorCount, string OperatingSystem, string Runtime);

internal sealed record RunSettings(double PhaseSeconds, double WarmUpSeconds, int Concurrency, int Conversations, int MemoryConversations, string Database);

/// <summary>One server's figures: memory after start and after the load, and its phases.</summary>
internal sealed record ServerReport(
    MemoryReading AfterStart,
    MemoryReading AfterLoad,
    IReadOnlyList<PhaseReport> WarmUps,
    PhaseReport Peak,
    PhaseReport HalfPeak,
    MemoryReport? Memory,
    IReadOnlyDictionary<string, int> LogProblems,
    string OutputLog,
    string ErrorLog);

/// <summary>One load phase; <see cref="Drain"/> only for the app, whose work goes on after it answers.</summary>
internal sealed record PhaseReport(
    string Name,
    double Seconds,
    int Requests,
    int Errors,
    IReadOnlyDictionary<string, int> Statuses,
    double RequestsPerSecond,
    double? OfferedRate,
    LatencySummary Latency,
    LatencySummary? DispatchLag,
    DrainReport? Drain,
    double ServerCpuSeconds,
    double GeneratorCpuSeconds);

/// <summary>How long after the load the last help reply came, and the messages/s counted up to that moment.</summary>
internal sealed record DrainReport(double SecondsAfterLoad, double DrainedPerSecond, BotTraffic BotTraffic, bool TimedOut, int Unanswered);

/// <summary>The memory phase: new chats after the warm-up, the working set before them and once all are answered.</summary>
internal sealed record MemoryReport(int NewConversations, int ConversationsHeld, double SendSeconds, double Seconds, MemoryReading Before, MemoryReading After, BotTraffic BotTraffic);

/// <summary>A target of issue 8, its figure, and whether it was met (null: not measured at the target's size).</summary>
internal sealed record TargetResult(string Target, string Figure, bool? Met);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
