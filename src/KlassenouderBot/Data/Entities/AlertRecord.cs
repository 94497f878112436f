using KlassenouderBot.Moderation;

namespace KlassenouderBot.Data.Entities;

/// <summary>An alert as the class parent received it, and what they did with it.</summary>
public sealed class AlertRecord
{
    public required Guid Id { get; set; }

    public required string ConversationKey { get; set; }

    public string? Groep { get; set; }

    public required EscalationLevel Level { get; set; }

    public required bool Severe { get; set; }

    public required int ParentCount { get; set; }

    public required string Topic { get; set; }

    public required DateTimeOffset WindowStart { get; set; }

    public required DateTimeOffset WindowEnd { get; set; }

    /// <summary>The bot's own description of the situation, not a quote.</summary>
    public required string Summary { get; set; }

    public required string SuggestedStep { get; set; }

    /// <summary>Comma-separated snake_case signal kinds, e.g. <c>insult,gang_up</c>.</summary>
    public required string Signals { get; set; }

    /// <summary>A JSON array of quotes; null unless the school allows excerpts and the alert had some.</summary>
    public string? Excerpts { get; set; }

    public required string RecipientLabel { get; set; }

    /// <summary>The role it was addressed to (<c>klassenouder</c>, <c>leerkracht</c>, <c>directeur</c>); empty for alerts stored before roles were kept.</summary>
    public string RecipientRole { get; set; } = "";

    public AlertStatus Status { get; set; } = AlertStatus.Open;

    public string? HandledBy { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? FailureReason { get; set; }
}
