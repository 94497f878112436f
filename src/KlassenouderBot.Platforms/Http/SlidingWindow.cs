namespace KlassenouderBot.Platforms.Http;

/// <summary>
/// At most <c>limit</c> events in any <c>window</c>: remembers the recent event times and says how long to
/// wait for the next free slot. Not thread-safe; owners lock around it.
/// </summary>
internal sealed class SlidingWindow(TimeSpan window, int limit)
{
    private readonly Queue<DateTimeOffset> _events = new();

    /// <summary>Zero when an event may happen now, else how long until the oldest counted one leaves the window.</summary>
    public TimeSpan WaitFor(DateTimeOffset now, int reserve = 0)
    {
        while (_events.Count > 0 && now - _events.Peek() >= window)
        {
            _events.Dequeue();
        }

        var allowed = limit - reserve;
        return _events.Count < allowed ? TimeSpan.Zero : _events.ElementAt(_events.Count - allowed) + window - now;
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
}
