using KlassenouderBot.Platforms;

namespace KlassenouderBot.Playground;

/// <summary>A message a parent typed into a playground room.</summary>
public sealed record PlaygroundChatEntry(long Sequence, string MessageId, string Author, string Text, DateTimeOffset Time);

/// <summary>Something the bot sent: into the room (<see cref="Recipient"/> is null) or privately to one person.</summary>
public sealed record PlaygroundBotEntry(long Sequence, OutboundKind Kind, string? Recipient, string Text, DateTimeOffset Time)
{
    public string? AlertId { get; init; }

    public bool IsPrivate => Recipient is not null;
}

/// <summary>
/// One simulated group chat, kept in memory only: this is a simulator, and a restart should start clean.
/// Each list keeps the newest <c>capacity</c> items so a long session cannot grow without bound.
/// </summary>
public sealed class PlaygroundRoom(string id, int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<PlaygroundChatEntry> _chat = new();
    private readonly Queue<PlaygroundBotEntry> _group = new();
    private readonly Queue<PlaygroundBotEntry> _private = new();
    private long _sequence;
    private DateTimeOffset? _lastChatTime;

    public string Id { get; } = id;

    public ConversationRef Conversation { get; } =
        new(Platform.Playground, id) { Title = id, Bot = PlaygroundRooms.BotUser };

    public PlaygroundChatEntry AddChat(string author, string text, DateTimeOffset time)
    {
        lock (_gate)
        {
            var entry = new PlaygroundChatEntry(++_sequence, Guid.NewGuid().ToString("N"), author, text, time);
            Enqueue(_chat, entry);
            _lastChatTime = time;
            return entry;
        }
    }

    /// <summary>Records a bot send. Its time is never before the message that triggered it.</summary>
    /// <remarks>
    /// The bot answers in the same turn as the message it reacts to, so when a parent "sends at 23:30"
    /// the bot's reply belongs at 23:30 too, not at the real clock's afternoon.
    /// </remarks>
    public PlaygroundBotEntry AddBot(OutboundMessage message, string? recipient, DateTimeOffset now)
    {
        lock (_gate)
        {
            var time = _lastChatTime is { } last && last > now ? last : now;
            var entry = new PlaygroundBotEntry(++_sequence, message.Kind, recipient, message.Text, time) { AlertId = message.AlertId };
            Enqueue(recipient is null ? _group : _private, entry);
            return entry;
        }
    }

    public PlaygroundRoomSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new PlaygroundRoomSnapshot([.. _chat], [.. _group], [.. _private]);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _chat.Clear();
            _group.Clear();
            _private.Clear();
            _lastChatTime = null;
        }
    }

    private void Enqueue<T>(Queue<T> queue, T item)
    {
        queue.Enqueue(item);
        while (queue.Count > capacity)
        {
            queue.Dequeue();
        }
    }
}

/// <summary>A consistent copy of a room's contents, oldest first.</summary>
public sealed record PlaygroundRoomSnapshot(
    IReadOnlyList<PlaygroundChatEntry> Chat,
    IReadOnlyList<PlaygroundBotEntry> GroupMessages,
    IReadOnlyList<PlaygroundBotEntry> PrivateMessages);
