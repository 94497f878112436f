namespace KlassenouderBot.Platforms.Teams.Connector;

/// <summary>
/// Keeps the bot inside Teams' documented per-conversation limits for sends and conversation creation
/// (7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour) and the per-app 50 per second, by waiting for the
/// next free slot rather than collecting 429s. Sliding windows over recent send times, on the injected clock.
/// </summary>
internal sealed class ConversationSendLimiter(TimeProvider timeProvider)
{
    private static readonly (TimeSpan Window, int Limit)[] ConversationWindows =
    [
        (TimeSpan.FromSeconds(1), 7),
        (TimeSpan.FromSeconds(2), 8),
        (TimeSpan.FromSeconds(30), 60),
        (TimeSpan.FromHours(1), 1800),
    ];

    private static readonly (TimeSpan Window, int Limit)[] AppWindows = [(TimeSpan.FromSeconds(1), 50)];

    private const string AppKey = "\0app";

    private readonly Dictionary<string, Queue<DateTimeOffset>> _history = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _lastSweep;

    /// <summary>Waits until a send to this conversation is within every limit, then books it.</summary>
    public async ValueTask WaitAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryBook(conversationId);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    /// <summary>Books a slot and returns zero, or returns how long to wait before trying again.</summary>
    internal TimeSpan TryBook(string conversationId)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            SweepIdle(now);
            var conversation = History(conversationId);
            var app = History(AppKey);
            var wait = TimeSpan.Zero;
            foreach (var (window, limit) in ConversationWindows)
            {
                wait = Max(wait, WaitFor(conversation, window, limit, now));
            }

            foreach (var (window, limit) in AppWindows)
            {
                wait = Max(wait, WaitFor(app, window, limit, now));
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            conversation.Enqueue(now);
            app.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    private Queue<DateTimeOffset> History(string key)
    {
        if (!_history.TryGetValue(key, out var queue))
        {
            queue = new Queue<DateTimeOffset>();
            _history[key] = queue;
        }

        return queue;
    }

    private static TimeSpan WaitFor(Queue<DateTimeOffset> sends, TimeSpan window, int limit, DateTimeOffset now)
    {
        var longest = ConversationWindows[^1].Window;
        while (sends.Count > 0 && now - sends.Peek() >= longest)
        {
            sends.Dequeue();
        }

        // The limit-th most recent send inside the window decides when the window frees a slot.
        var inWindow = sends.Count(t => now - t < window);
        if (inWindow < limit)
        {
            return TimeSpan.Zero;
        }

        var oldestCounted = sends.Where(t => now - t < window).ElementAt(inWindow - limit);
        return oldestCounted + window - now;
    }

    /// <summary>Forgets conversations without a send in the last hour, so memory follows active chats only.</summary>
    private void SweepIdle(DateTimeOffset now)
    {
        if (now - _lastSweep < TimeSpan.FromMinutes(5))
        {
            return;
        }

        _lastSweep = now;
        var idle = _history.Where(pair => pair.Value.Count == 0 || now - pair.Value.Last() >= ConversationWindows[^1].Window).Select(pair => pair.Key).ToList();
        foreach (var key in idle)
        {
            _history.Remove(key);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
