using System.Diagnostics;

namespace KlassenouderBot.LoadTest;

/// <summary>
/// Every latency of a phase in one preallocated array (Stopwatch ticks), so recording allocates nothing
/// while the load runs and the percentiles afterwards are exact, not bucketed.
/// </summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _ticks = new long[capacity];
    private int _count;
    private long _dropped;

    public void Record(long ticks)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _ticks.Length)
        {
            _ticks[index] = ticks;
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public LatencySummary Summarize()
    {
        var count = Math.Min(Volatile.Read(ref _count), _ticks.Length);
        var sorted = _ticks.AsSpan(0, count).ToArray();
        Array.Sort(sorted);
        return new LatencySummary(
            count,
            Interlocked.Read(ref _dropped),
            Percentile(sorted, 50),
            Percentile(sorted, 90),
            Percentile(sorted, 99),
            count == 0 ? 0 : Milliseconds(sorted[^1]),
            count == 0 ? 0 : Milliseconds((long)sorted.Average()));
    }

    /// <summary>Nearest rank: the smallest latency that at least <paramref name="percent"/> % of requests did not exceed.</summary>
    private static double Percentile(long[] sorted, double percent) =>
        sorted.Length == 0 ? 0 : Milliseconds(sorted[Math.Max(0, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)]);

    private static double Milliseconds(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 3);
}

/// <summary>Latencies of one phase in milliseconds; <see cref="Dropped"/> requests did not fit the recorder.</summary>
internal sealed record LatencySummary(int Count, long Dropped, double P50, double P90, double P99, double Max, double Mean);
