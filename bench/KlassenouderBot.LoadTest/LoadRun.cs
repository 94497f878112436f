using System.Diagnostics;

namespace KlassenouderBot.LoadTest;

/// <summary>
/// One run: the app under load (warm-up, memory, peak, half-peak), then the bare endpoint under the same
/// load, then the report. Each server runs alone, so neither competes with the other for the two cores.
/// </summary>
internal sealed class LoadRun(LoadOptions options, string appDll, string folder, TextWriter log)
{
    /// <summary>Warm-up ends once the bot sends fewer than this many messages a second: well inside its limit of 50.</summary>
    public const double SettledSendsPerSecond = 10;

    /// <summary>Between phases: the bot's one-second send window empties, so no phase starts with the last one's sends.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1.1);

    private readonly List<string> _problems = [];

    public async Task<RunReport> RunAsync()
    {
        await using var teams = await FakeTeams.StartAsync();
        var chats = new ClassChats(new ActivityBodies(teams.Connector.ServiceUrl), options.Conversations + options.MemoryConversations);
        var (app, halfRate, probeOverhead) = await RunAppAsync(teams, chats);
        var bare = await RunBareAsync(teams, chats, halfRate);
        var tokenCeiling = await RunTokenCeilingAsync(teams, chats);
        return RunReport.Create(options, app, bare, tokenCeiling, probeOverhead, _problems);
    }

    private byte[] NextBody(ClassChats chats, Random random) => chats.Message(random.Next(options.Conversations), random.Next(chats.TextCount));

    private async Task<(ServerReport App, double HalfRate, double ProbeOverhead)> RunAppAsync(FakeTeams teams, ClassChats chats)
    {
        var probe = new DrainProbe(teams.Connector);
        ServerReport app;
        double halfRate;
        double probeOverhead;
        await using (var server = AppUnderTest.Start(appDll, teams, options.Postgres, folder))
        {
            log.WriteLine($"app: starting {appDll} (logs in {folder})");
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(120), "/healthz", "/readyz");
            var afterStart = server.ReadMemory();
            using var poster = new ActivityPoster(server.BaseAddress, teams.ChannelToken, options.Concurrency);
            using var openPoster = new ActivityPoster(server.BaseAddress, teams.ChannelToken, 512);
            var all = Enumerable.Range(0, options.Conversations).ToList();
            Task<DrainResult> DrainAll() => probe.DrainAsync(chats, all, poster, options.Concurrency, DrainTimeout(all.Count));
            Task<LoadResult> Closed(TimeSpan duration) => LoadPhase.ClosedLoopAsync(poster, random => NextBody(chats, random), options.Concurrency, duration);

            // A new chat first gets the bot's FAQ answers, nudges and a group message; once those are said,
            // cooldowns keep it quiet. Until then the bot's 50 sends/s limit, not the engine, sets the pace.
            // The first round is mostly the app's cold start (JIT, signing keys, first queries).
            var warmUps = new List<PhaseReport>();
            do
            {
                warmUps.Add(await PhaseAsync($"app warm-up {warmUps.Count + 1}", server, () => Closed(options.WarmUp), DrainAll));
                await Task.Delay(Settle, TimeProvider.System);
            }
            while ((warmUps.Count < 2 || SendsPerSecond(warmUps[^1]) > SettledSendsPerSecond) && warmUps.Count < options.MaxWarmUpRounds);

            // What the help replies alone take, with nothing queued before them.
            var started = TimeProvider.System.GetUtcNow();
            var calibration = await DrainAll();
            CheckDrain("probe calibration", calibration);
            probeOverhead = ((calibration.LastReply ?? started) - started).TotalSeconds;
            await Task.Delay(Settle, TimeProvider.System);

            // The conversations target is about the state 10,000 chats keep, so it is read before the peak: after
            // it, the working set also holds the heap the garbage collector grew for thousands of messages a
            // second. The reading after the load, with the same chats, shows that part.
            var memory = await MemoryPhaseAsync(server, chats, probe, poster);
            await Task.Delay(Settle, TimeProvider.System);

            var peak = await PhaseAsync("app peak", server, () => Closed(options.Duration), DrainAll);
            halfRate = Math.Max(1, Math.Round((peak.Drain?.DrainedPerSecond ?? peak.RequestsPerSecond) / 2));
            await Task.Delay(Settle, TimeProvider.System);
            var halfPeak = await PhaseAsync("app half-peak", server, () => LoadPhase.OpenLoopAsync(openPoster, random => NextBody(chats, random), halfRate, options.Duration), DrainAll);
            var afterLoad = server.ReadMemory();
            app = new ServerReport(afterStart, afterLoad, warmUps, peak, halfPeak, memory, new Dictionary<string, int>(), server.OutputPath, server.ErrorPath);
        }

        return (app with { LogProblems = await LogProblemsAsync(app) }, halfRate, probeOverhead);
    }

    private async Task<ServerReport> RunBareAsync(FakeTeams teams, ClassChats chats, double halfRate)
    {
        ServerReport bare;
        await using (var server = BareServer.Start(AppUnderTest.UsesServerGc(appDll), folder))
        {
            log.WriteLine("bare: starting the bare endpoint");
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), "/healthz");
            var afterStart = server.ReadMemory();
            using var poster = new ActivityPoster(server.BaseAddress, teams.ChannelToken, options.Concurrency);
            using var openPoster = new ActivityPoster(server.BaseAddress, teams.ChannelToken, 512);
            Task<LoadResult> Closed(TimeSpan duration) => LoadPhase.ClosedLoopAsync(poster, random => NextBody(chats, random), options.Concurrency, duration);
            var warmUp = await PhaseAsync("bare warm-up", server, () => Closed(options.WarmUp));
            var peak = await PhaseAsync("bare peak", server, () => Closed(options.Duration));
            var sameRate = await PhaseAsync("bare at the app's half-peak rate", server, () => LoadPhase.OpenLoopAsync(openPoster, random => NextBody(chats, random), halfRate, options.Duration));
            bare = new ServerReport(afterStart, server.ReadMemory(), [warmUp], peak, sameRate, null, new Dictionary<string, int>(), server.OutputPath, server.ErrorPath);
        }

        return bare with { LogProblems = await LogProblemsAsync(bare) };
    }

    /// <summary>
    /// The bare endpoint again, now validating each request's token as the bot does: how far anything that
    /// checks a signature per request can get on this machine, whatever it does with the message after.
    /// </summary>
    private async Task<PhaseReport> RunTokenCeilingAsync(FakeTeams teams, ClassChats chats)
    {
        await using var server = BareServer.Start(AppUnderTest.UsesServerGc(appDll), folder, validateAgainst: teams);
        log.WriteLine("bare + token: starting the bare endpoint that validates tokens");
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), "/healthz");
        using var poster = new ActivityPoster(server.BaseAddress, teams.ChannelToken, options.Concurrency);
        Task<LoadResult> Closed(TimeSpan duration) => LoadPhase.ClosedLoopAsync(poster, random => NextBody(chats, random), options.Concurrency, duration);
        await PhaseAsync("bare + token warm-up", server, () => Closed(options.WarmUp));
        return await PhaseAsync("bare + token peak", server, () => Closed(options.Duration));
    }

    /// <summary>Runs a load and then, for the app, a drain; the servers' and the generator's CPU time is taken around both.</summary>
    private async Task<PhaseReport> PhaseAsync(string name, ServerProcess server, Func<Task<LoadResult>> load, Func<Task<DrainResult>>? drain = null)
    {
        log.WriteLine($"{name}: running");
        var serverCpu = server.CpuTime;
        var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = TimeProvider.System.GetUtcNow();
        var result = await load();
        DrainReport? drained = null;
        if (drain is not null)
        {
            var outcome = await drain();
            CheckDrain(name, outcome);
            var loadEnd = started + result.Elapsed;
            var last = outcome.LastReply ?? loadEnd;
            var delivered = result.Requests - result.Statuses.Errors;
            drained = new DrainReport(
                Math.Round((last - loadEnd).TotalSeconds, 2),
                Math.Round(delivered / (last - started).TotalSeconds, 1),
                outcome.Traffic,
                outcome.TimedOut,
                outcome.Unanswered);
        }

        if (result.Statuses.Errors > 0)
        {
            _problems.Add($"{name}: {result.Statuses.Errors} of {result.Requests} requests failed ({Describe(result.Statuses)})");
        }

        return new PhaseReport(
            name,
            Math.Round(result.Elapsed.TotalSeconds, 2),
            result.Requests,
            result.Statuses.Errors,
            result.Statuses.ByCode(),
            Math.Round(result.RequestsPerSecond, 1),
            result.OfferedRate,
            result.Latency,
            result.DispatchLag,
            drained,
            Math.Round((server.CpuTime - serverCpu).TotalSeconds, 1),
            Math.Round((Process.GetCurrentProcess().TotalProcessorTime - generatorCpu).TotalSeconds, 1));
    }

    /// <summary>One calm message in each of many new chats, drained, then the app's working set.</summary>
    private async Task<MemoryReport> MemoryPhaseAsync(ServerProcess server, ClassChats chats, DrainProbe probe, ActivityPoster poster)
    {
        var count = options.MemoryConversations;
        log.WriteLine($"app memory: one message in each of {count:N0} new chats, then a help command in each (the bot replies at most 50 times a second, so this takes at least {count / 50.0:0} s)");
        var before = server.ReadMemory();
        var fresh = Enumerable.Range(options.Conversations, count).ToList();
        var statuses = new StatusCounts();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (chat, cancellationToken) =>
            statuses.Add(await poster.PostAsync(chats.Message(chat, chats.CalmTexts[chat % chats.CalmTexts.Count]), cancellationToken)));
        var sent = Stopwatch.GetElapsedTime(started);
        if (statuses.Errors > 0)
        {
            _problems.Add($"app memory: {statuses.Errors} of {statuses.Total} messages failed ({Describe(statuses)})");
        }

        var drained = await probe.DrainAsync(chats, fresh, poster, options.Concurrency, DrainTimeout(count));
        CheckDrain("app memory", drained);
        var reading = server.ReadMemory();
        return new MemoryReport(
            count,
            options.Conversations + count,
            Math.Round(sent.TotalSeconds, 2),
            Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 2),
            before,
            reading,
            drained.Traffic);
    }

    public static double SendsPerSecond(PhaseReport phase) =>
        phase.Drain is { } drain ? drain.BotTraffic.Sends / (phase.Seconds + drain.SecondsAfterLoad) : 0;

    private void CheckDrain(string name, DrainResult drained)
    {
        if (drained.TimedOut)
        {
            _problems.Add($"{name}: drain timed out, {drained.Unanswered} help command(s) unanswered");
        }
        else if (drained.Unanswered > 0)
        {
            _problems.Add($"{name}: {drained.Unanswered} help command(s) refused");
        }
    }

    /// <summary>The help replies alone need N/50 s (the bot's send limit); twice that and a minute for a backlog.</summary>
    private static TimeSpan DrainTimeout(int conversations) => TimeSpan.FromSeconds(60 + (conversations / 25.0));

    private static string Describe(StatusCounts statuses) =>
        string.Join(", ", statuses.ByCode().Where(s => !s.Key.StartsWith('2')).Select(s => $"{s.Key}: {s.Value}"));

    /// <summary>The server's warnings and errors by logger and event ("warn: Some.Category[12]"), most frequent first.</summary>
    private static async Task<IReadOnlyDictionary<string, int>> LogProblemsAsync(ServerReport server)
    {
        var lines = new List<string>();
        foreach (var path in new[] { server.OutputLog, server.ErrorLog })
        {
            if (File.Exists(path))
            {
                lines.AddRange((await File.ReadAllLinesAsync(path)).Where(ServerProcess.IsProblemLine));
            }
        }

        return lines.GroupBy(line => line.Trim()).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
    }
}
