namespace KlassenouderBot.Platforms;

/// <summary>One message in a group conversation, translated from the platform at the edge.</summary>
public sealed record ChatMessage
{
    /// <summary>The platform's message id (Teams activity id, Discord message id).</summary>
    public required string Id { get; init; }

    /// <summary>Where the message was posted.</summary>
    public required ConversationRef Conversation { get; init; }

    /// <summary>Who wrote it.</summary>
    public required ChatUser Author { get; init; }

    /// <summary>The text as the author wrote it, with the bot's own mention removed.</summary>
    public required string Text { get; init; }

    /// <summary>When the platform says it was sent; the engine measures time by this.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Other users mentioned in the message.</summary>
    public IReadOnlyList<ChatUser> Mentions { get; init; } = [];

    /// <summary>True when the message addressed the bot (mention, slash command, reply to the bot).</summary>
    public bool AddressesBot { get; init; }

    /// <summary>The message this one replies to, when the platform says so.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>True for an edit of an earlier message with the same <see cref="Id"/>.</summary>
    public bool IsEdit { get; init; }

    /// <summary>True when this arrived in a private (1:1) chat with the bot rather than the group.</summary>
    public bool IsPrivate { get; init; }
}
