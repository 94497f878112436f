namespace KlassenouderBot.Platforms;

/// <summary>Why the bot sends something; platforms may render kinds differently (an alert as a card).</summary>
public enum OutboundKind
{
    /// <summary>A private, gentle pointer to a parent.</summary>
    PrivateNudge,

    /// <summary>A calm message to the whole group.</summary>
    GroupMessage,

    /// <summary>An alert to a class parent or teacher.</summary>
    Alert,

    /// <summary>An answer from the school guide.</summary>
    FaqAnswer,

    /// <summary>A welcome or privacy notice.</summary>
    Notice,
}

/// <summary>
/// Something the bot sends. Mentions are suppressed unless <see cref="AllowMentions"/> is set:
/// a bot that pings a whole parent group causes the escalation it is meant to calm.
/// </summary>
public sealed record OutboundMessage(OutboundKind Kind, string Text)
{
    /// <summary>Reply to this message id in the group (threads in Teams, message reference in Discord).</summary>
    public string? ReplyToMessageId { get; init; }

    /// <summary>Explicit opt-in to let the text ping users; off by default.</summary>
    public bool AllowMentions { get; init; }

    /// <summary>For alerts: the alert id, so platforms can attach "Ik pak het op" / "Geen probleem" actions.</summary>
    public string? AlertId { get; init; }

    /// <summary>
    /// The same for every attempt at one delivery (the outbox's id for it), so a platform that can
    /// deduplicate resends does; at most 25 characters.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>For alerts: what a platform needs to render the alert as a card with actions.</summary>
    public AlertView? Alert { get; init; }
}
