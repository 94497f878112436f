namespace KlassenouderBot.Platforms.Http;

/// <summary>
/// At most <c>limit</c> events in any <c>window</c>, for one or more (window, limit) pairs over the same
/// events: remembers the recent event times and says how long to wait for the next free slot. Not
/// thread-safe; owners lock around it.
/// </summary>
internal sealed class SlidingWindow
{
    private readonly (TimeSpan Window, int Limit)[] _limits;
    private readonly TimeSpan _longest;
    private readonly Queue<DateTimeOffset> _events = new();

    public SlidingWindow(TimeSpan window, int limit)
        : this([(window, limit)])
    {
    }

    public SlidingWindow(IReadOnlyList<(TimeSpan Window, int Limit)> limits)
    {
        _limits = [.. limits];
        _longest = _limits.Max(l => l.Window);
    }

    /// <summary>
    /// Zero when an event may happen now, else how long until the oldest counted one leaves its window.
    /// <paramref name="reserve"/> slots of every limit are kept free (for events that pass it as 0).
    /// </summary>
    public TimeSpan WaitFor(DateTimeOffset now, int reserve = 0)
    {
        Forget(now);
        var wait = TimeSpan.Zero;
        foreach (var (window, limit) in _limits)
        {
            var allowed = limit - reserve;
            var inWindow = _events.Count(t => now - t < window);
            if (inWindow >= allowed)
            {
                // The events inside a window are the newest ones; the allowed-th newest decides when a slot frees.
                var freesAt = _events.ElementAt(_events.Count - allowed) + window;
                wait = freesAt - now > wait ? freesAt - now : wait;
            }
        }

        return wait;
    }

    /// <summary>Counts an event at <paramref name="now"/>.</summary>
    public void Book(DateTimeOffset now) => _events.Enqueue(now);

    /// <summary>Books a slot when one is free (returns zero) or returns the wait.</summary>
    public TimeSpan TryBook(DateTimeOffset now, int reserve = 0)
    {
        var wait = WaitFor(now, reserve);
        if (wait <= TimeSpan.Zero)
        {
            Book(now);
        }

        return wait;
    }

    /// <summary>True when no event is within the longest window any more (the owner may drop this window).</summary>
    public bool IsIdle(DateTimeOffset now)
    {
        Forget(now);
        return _events.Count == 0;
    }

    private void Forget(DateTimeOffset now)
    {
        while (_events.Count > 0 && now - _events.Peek() >= _longest)
        {
            _events.Dequeue();
        }
    }
}

/// <summary>The loop every limiter shares: try to book a slot, and if the answer is a wait, wait it and try again.</summary>
internal static class SlotWaiter
{
    public static async ValueTask WaitAsync(Func<TimeSpan> tryBook, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = tryBook();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }
}
