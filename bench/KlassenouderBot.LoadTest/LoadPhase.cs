using System.Diagnostics;

namespace KlassenouderBot.LoadTest;

/// <summary>The two ways of offering load: as fast as the server answers, or on a fixed schedule.</summary>
internal static class LoadPhase
{
    /// <summary>
    /// Closed loop: <paramref name="concurrency"/> senders, each posting its next activity as soon as the
    /// previous one was answered, for <paramref name="duration"/>: the most the server takes.
    /// </summary>
    public static async Task<LoadResult> ClosedLoopAsync(ActivityPoster poster, Func<Random, byte[]> nextBody, int concurrency, TimeSpan duration)
    {
        var latencies = new LatencyRecorder(Capacity(duration, 200_000));
        var statuses = new StatusCounts();
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var senders = Enumerable.Range(0, concurrency).Select(sender => Task.Run(async () =>
        {
            var random = new Random(7919 * (sender + 1));
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var body = nextBody(random);
                var sent = Stopwatch.GetTimestamp();
                var status = await poster.PostAsync(body, CancellationToken.None);
                latencies.Record(Stopwatch.GetTimestamp() - sent);
                statuses.Add(status);
            }
        }));
        await Task.WhenAll(senders);
        return new LoadResult(statuses, Stopwatch.GetElapsedTime(started), latencies.Summarize(), null, null);
    }

    /// <summary>
    /// Open loop: one activity every 1/<paramref name="rate"/> seconds whatever the server does, each
    /// request's latency counted from the time it was due, not from when it went out: a server that stalls
    /// is charged for every request that waited behind the stall (no coordinated omission).
    /// </summary>
    public static async Task<LoadResult> OpenLoopAsync(ActivityPoster poster, Func<Random, byte[]> nextBody, double rate, TimeSpan duration)
    {
        var total = Math.Max(1, (int)(rate * duration.TotalSeconds));
        var latencies = new LatencyRecorder(total);
        var lag = new LatencyRecorder(total);
        var statuses = new StatusCounts();
        var requests = new List<Task>(total);
        var dispatched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = Stopwatch.GetTimestamp();

        // A thread of its own that sleeps a millisecond at a time: awaiting Task.Delay(1 ms) woke up only every
        // 4 ms or so here (timer queue, then a thread-pool hop), which the latencies would have carried.
        var dispatcher = new Thread(() =>
        {
            try
            {
                Dispatch();
                dispatched.SetResult();
            }
            catch (Exception exception)
            {
                dispatched.SetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = "open-loop dispatcher",
        };
        dispatcher.Start();
        await dispatched.Task;
        await Task.WhenAll(requests);
        return new LoadResult(statuses, Stopwatch.GetElapsedTime(started), latencies.Summarize(), lag.Summarize(), rate);

        void Dispatch()
        {
            var random = new Random(17);
            var interval = Stopwatch.Frequency / rate;
            var next = 0;
            while (next < total)
            {
                // Everything due by now goes out. The generator's own lateness is part of the latency, and is
                // reported on its own as the dispatch lag.
                var now = Stopwatch.GetTimestamp();
                while (next < total && started + (long)(next * interval) <= now)
                {
                    var due = started + (long)(next * interval);
                    lag.Record(now - due);
                    requests.Add(SendAsync(nextBody(random), due));
                    next++;
                }

#pragma warning disable RS0030 // Real time is what a load generator keeps; nothing here is under test.
                Thread.Sleep(1);
#pragma warning restore RS0030
            }
        }

        async Task SendAsync(byte[] body, long due)
        {
            var status = await poster.PostAsync(body, CancellationToken.None);
            latencies.Record(Stopwatch.GetTimestamp() - due);
            statuses.Add(status);
        }
    }

    private static int Capacity(TimeSpan duration, int perSecond) => (int)Math.Min(50_000_000, Math.Ceiling(duration.TotalSeconds + 5) * perSecond);
}

/// <summary>What one load phase got back.</summary>
internal sealed record LoadResult(StatusCounts Statuses, TimeSpan Elapsed, LatencySummary Latency, LatencySummary? DispatchLag, double? OfferedRate)
{
    public int Requests => Statuses.Total;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>Responses by status code; 0 is "no response" (connection error or timeout).</summary>
internal sealed class StatusCounts
{
    private readonly int[] _counts = new int[600];

    public int Total => _counts.Sum();

    /// <summary>Everything but 2xx.</summary>
    public int Errors => Total - _counts.AsSpan(200, 100).ToArray().Sum();

    public void Add(int status) => Interlocked.Increment(ref _counts[status is >= 0 and < 600 ? status : 0]);

    public IReadOnlyDictionary<string, int> ByCode() =>
        Enumerable.Range(0, _counts.Length).Where(code => _counts[code] > 0).ToDictionary(code => code == 0 ? "no response" : code.ToString(System.Globalization.CultureInfo.InvariantCulture), code => _counts[code]);
}
