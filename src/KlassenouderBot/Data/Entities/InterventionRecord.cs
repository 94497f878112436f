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

    /// <summary>For an alert held through the school's quiet hours: when it may be sent.</summary>
    public DateTimeOffset? SendAfter { get; set; }

    /// <summary>For a held alert: the conversation's address and the alert as JSON, cleared once sent.</summary>
    public string? HeldDelivery { get; set; }
}
