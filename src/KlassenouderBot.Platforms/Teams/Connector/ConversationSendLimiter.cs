using KlassenouderBot.Platforms.Http;

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

    private readonly Dictionary<string, SlidingWindow> _conversations = new(StringComparer.Ordinal);
    private readonly SlidingWindow _app = new(AppWindows);
    private readonly Lock _gate = new();
    private DateTimeOffset _lastSweep;

    /// <summary>Waits until a send to this conversation is within every limit, then books it.</summary>
    public ValueTask WaitAsync(string conversationId, CancellationToken cancellationToken) =>
        SlotWaiter.WaitAsync(() => TryBook(conversationId), timeProvider, cancellationToken);

    /// <summary>Books a slot and returns zero, or returns how long to wait before trying again.</summary>
    internal TimeSpan TryBook(string conversationId)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            SweepIdle(now);
            if (!_conversations.TryGetValue(conversationId, out var conversation))
            {
                conversation = new SlidingWindow(ConversationWindows);
                _conversations[conversationId] = conversation;
            }

            var conversationWait = conversation.WaitFor(now);
            var appWait = _app.WaitFor(now);
            var wait = conversationWait > appWait ? conversationWait : appWait;
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            conversation.Book(now);
            _app.Book(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>Forgets conversations without a send in the last hour, so memory follows active chats only.</summary>
    private void SweepIdle(DateTimeOffset now)
    {
        if (now - _lastSweep < TimeSpan.FromMinutes(5))
        {
            return;
        }

        _lastSweep = now;
        foreach (var key in _conversations.Where(pair => pair.Value.IsIdle(now)).Select(pair => pair.Key).ToList())
        {
            _conversations.Remove(key);
        }
    }
}
