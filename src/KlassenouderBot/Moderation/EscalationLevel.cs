namespace KlassenouderBot.Moderation;

/// <summary>How heated a conversation is. Ordered: a higher value is hotter.</summary>
public enum EscalationLevel
{
    Calm,
    Warming,
    Heated,
    Escalated,
}
