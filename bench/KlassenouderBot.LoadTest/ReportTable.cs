using System.Globalization;

namespace KlassenouderBot.LoadTest;

/// <summary>The run as a plain table: bare endpoint against the app, the ratio, and each target's verdict.</summary>
internal static class ReportTable
{
    private const int Label = 46;
    private const int Column = 20;

    public static void Write(RunReport report, TextWriter output)
    {
        var app = report.App;
        var bare = report.Bare;
        var settings = report.Settings;
        output.WriteLine();
        output.WriteLine($"KlassenouderBot load test ({report.Mode} run): {report.Machine.ProcessorCount} cores, {report.Machine.Runtime}, {settings.Database}");
        output.WriteLine($"{settings.Conversations:N0} class chats, {settings.Concurrency} senders, {settings.PhaseSeconds:0.#} s phases after {settings.WarmUpSeconds:0.#} s warm-up.");
        output.WriteLine("One channel token is signed for the whole run: the Bot Connector reuses its token for up to an hour.");
        output.WriteLine();
        Row(output, "", "bare endpoint", "/api/messages");
        output.WriteLine($"peak, closed loop, {settings.Concurrency} senders");
        Row(output, "  requests/s answered", Number(bare.Peak.RequestsPerSecond), Number(app.Peak.RequestsPerSecond));
        Row(output, "  messages/s drained by the engine", "-", Number(app.Peak.Drain?.DrainedPerSecond));
        Row(output, "  latency p50 / p99 (ms)", Pair(bare.Peak.Latency.P50, bare.Peak.Latency.P99), Pair(app.Peak.Latency.P50, app.Peak.Latency.P99));
        Row(output, "  CPU seconds: server / generator", Pair(bare.Peak.ServerCpuSeconds, bare.Peak.GeneratorCpuSeconds), Pair(app.Peak.ServerCpuSeconds, app.Peak.GeneratorCpuSeconds));
        Row(output, "  server CPU per request (ms, drain included)", CpuPerRequest(bare.Peak), CpuPerRequest(app.Peak));
        output.WriteLine($"half the app's peak, open loop at {Number(app.HalfPeak.OfferedRate)}/s (latency from the scheduled send time)");
        Row(output, "  latency p50 / p90 (ms)", Pair(bare.HalfPeak.Latency.P50, bare.HalfPeak.Latency.P90), Pair(app.HalfPeak.Latency.P50, app.HalfPeak.Latency.P90));
        Row(output, "  latency p99 / max (ms)", Pair(bare.HalfPeak.Latency.P99, bare.HalfPeak.Latency.Max), Pair(app.HalfPeak.Latency.P99, app.HalfPeak.Latency.Max));
        Row(output, "  generator's dispatch lag p99 (ms)", Number(bare.HalfPeak.DispatchLag?.P99, "0.0"), Number(app.HalfPeak.DispatchLag?.P99, "0.0"));
        output.WriteLine("memory in MB: working set (VmRSS), in brackets its peak (VmHWM) / its own part, without mapped files (RssAnon)");
        Row(output, "  after start", Resident(bare.AfterStart), Resident(app.AfterStart));
        if (app.Memory is { } memory)
        {
            Row(output, "  after the warm-up", "-", Resident(memory.Before));
            Row(output, $"  holding {memory.ConversationsHeld:N0} chats ({memory.NewConversations:N0} new)", "-", Resident(memory.After));
        }

        Row(output, "  after the load (peak and half-peak)", Resident(bare.AfterLoad), Resident(app.AfterLoad));

        output.WriteLine();
        output.WriteLine($"ratio, /api/messages drained / bare answered: {report.ThroughputRatio * 100:0.0} %");
        var ceiling = report.TokenCeiling;
        output.WriteLine($"ceiling: the bare endpoint validating each token (RS256, issuer, audience, lifetime) answered {Number(ceiling.RequestsPerSecond)} requests/s,");
        output.WriteLine($"       {report.TokenCeilingRatio * 100:0.0} % of the bare endpoint, at {CpuPerRequest(ceiling)} ms server CPU per request: no endpoint that checks every token gets further here.");
        output.WriteLine($"drain: the last help reply came {Seconds(app.Peak.Drain?.SecondsAfterLoad)} after the peak load and {Seconds(app.HalfPeak.Drain?.SecondsAfterLoad)} after the half-peak load;");
        output.WriteLine($"       the help replies alone take {Seconds(report.ProbeOverheadSeconds)} (the bot sends at most 50 messages a second), and count against the drained rate.");
        if (app.Memory is { } held)
        {
            output.WriteLine($"memory phase: {held.NewConversations:N0} messages sent in {Seconds(held.SendSeconds)}, all processed and answered after {Seconds(held.Seconds)};");
            output.WriteLine($"       the app's own memory (RssAnon) went from {Number(held.Before.AnonymousMegabytes, "0")} to {Number(held.After.AnonymousMegabytes, "0")} MB meanwhile (no collection forced);");
            output.WriteLine("       it ran after the warm-up and before the peak, whose heap growth the reading after the load shows.");
        }

        var lastWarmUp = app.WarmUps[^1];
        var settled = LoadRun.SendsPerSecond(lastWarmUp) <= LoadRun.SettledSendsPerSecond;
        output.WriteLine($"warm-up: {app.WarmUps.Count} round(s) of {settings.WarmUpSeconds:0.#} s, "
            + (settled ? $"until the bot sent under {LoadRun.SettledSendsPerSecond:0} messages/s (its first nudges, FAQ answers and group messages said)"
                : $"not settled: the bot still sent {LoadRun.SendsPerSecond(lastWarmUp):0} messages/s, so its send limit weighs on the peak figures"));
        output.WriteLine($"bot traffic besides help replies: {Traffic("peak", app.Peak.Drain?.BotTraffic)}; {Traffic("half-peak", app.HalfPeak.Drain?.BotTraffic)}; {Traffic("memory", app.Memory?.BotTraffic)}");
        output.WriteLine($"app log: {app.LogProblems.Values.Sum()} warning/error line(s) in {app.OutputLog} and {app.ErrorLog}");
        foreach (var (line, count) in app.LogProblems.Take(4))
        {
            output.WriteLine($"  {count,6} x {line}");
        }

        output.WriteLine();
        output.WriteLine($"{"target",-70} {"figure",-42} verdict");
        foreach (var target in report.Targets)
        {
            var verdict = target.Met switch
            {
                true => "met",
                false => "not met",
                null => "not measured at this size",
            };
            output.WriteLine($"{target.Target,-70} {target.Figure,-42} {verdict}");
        }

        output.WriteLine();
        output.WriteLine(report.Problems.Count == 0 ? "errors: none" : $"errors ({report.Problems.Count}):");
        foreach (var problem in report.Problems)
        {
            output.WriteLine($"  {problem}");
        }
    }

    private static void Row(TextWriter output, string label, string bare, string app) =>
        output.WriteLine($"{label,-Label}{bare,Column}{app,Column}");

    private static string Number(double? value, string format = "#,##0.0") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    /// <summary>The server's CPU milliseconds per request of a phase.</summary>
    private static string CpuPerRequest(PhaseReport phase) => Number(phase.ServerCpuSeconds * 1000 / Math.Max(1, phase.Requests), "0.000");

    private static string Pair(double first, double second) => $"{Number(first, "0.0")} / {Number(second, "0.0")}";

    private static string Resident(MemoryReading reading) =>
        $"{Number(reading.RssMegabytes, "0")} ({Number(reading.PeakRssMegabytes, "0")} / {Number(reading.AnonymousMegabytes, "0")})";

    private static string Seconds(double? value) => value is { } v ? $"{v.ToString("0.0", CultureInfo.InvariantCulture)} s" : "-";

    private static string Traffic(string phase, BotTraffic? traffic) =>
        traffic is null ? $"{phase} -" : $"{phase} {traffic.Messages} messages, {traffic.ChatsOpened} 1:1 chats opened, {traffic.RosterReads} roster reads, {traffic.Failed} failed";
}
