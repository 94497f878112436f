using KlassenouderBot.Moderation;

namespace KlassenouderBot.Data.Entities;

/// <summary>
/// That the bot intervened, not what anyone said: no parent's text and not the bot's own wording are
/// kept, so a record cannot be read back into a profile of what a parent wrote.
/// </summary>
public sealed class InterventionRecord
{
    /// <summary>For alerts the same id as the <see cref="AlertRecord"/>.</summary>
    public required Guid Id { get; set; }

    public required InterventionKind Kind { get; set; }

    /// <summary><c>Platform:ConversationId</c>, as <see cref="Platforms.ConversationRef.Key"/>.</summary>
    public required string ConversationKey { get; set; }

    public string? Groep { get; set; }

    /// <summary>A role or a contact's name; for private nudges only the role, never the parent's name.</summary>
    public required string RecipientLabel { get; set; }

    public required string Topic { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>What the platform said, or the exception type; never message content.</summary>
    public string? FailureReason { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the next attempt is due: now, after a failed attempt's back-off, or when the quiet hours end.</summary>
    public DateTimeOffset? SendAfter { get; set; }

    /// <summary>What is needed to send it (the conversation's address and the intervention, as JSON); cleared once sent.</summary>
    public string? PendingDelivery { get; set; }

    /// <summary>The instance sending it owns it until then; after that, another instance may take it.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Set just before a send and cleared with its outcome: still set after a crash means it may have arrived.</summary>
    public DateTimeOffset? AttemptStartedAt { get; set; }

    /// <summary>When the outbox gave up on it (shown in the admin app).</summary>
    public DateTimeOffset? DeadLetteredAt { get; set; }

    /// <summary>When a school admin dismissed the dead letter instead of sending it again.</summary>
    public DateTimeOffset? DismissedAt { get; set; }
}
