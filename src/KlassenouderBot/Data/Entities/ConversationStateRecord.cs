namespace KlassenouderBot.Data.Entities;

/// <summary>
/// A conversation's escalation state, shared by the instances: verdicts, heat and cooldowns as JSON, authors as
/// pseudonyms, no text (excerpts only where the school allows them). Deleted a day after the conversation went quiet.
/// </summary>
public sealed class ConversationStateRecord
{
    /// <summary><c>Platform:ConversationId</c>.</summary>
    public required string ConversationKey { get; set; }

    public required string State { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }
}
