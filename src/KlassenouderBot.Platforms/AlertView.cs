namespace KlassenouderBot.Platforms;

/// <summary>Where a class parent is with an alert, as platforms show it on a card.</summary>
public enum AlertViewStatus
{
    /// <summary>Nobody has acted yet.</summary>
    Open,

    /// <summary>Someone said "Ik pak het op".</summary>
    Claimed,

    /// <summary>Handled and closed (from the admin app).</summary>
    Resolved,

    /// <summary>Someone said "Geen probleem": the bot was wrong to alert.</summary>
    FalseAlarm,
}

/// <summary>
/// An alert as a class parent sees it: the bot's own description, never a quote unless the school allows
/// excerpts. Platforms render it (a Teams Adaptive Card, a Discord embed with buttons).
/// </summary>
public sealed record AlertView
{
    /// <summary>The stored alert's id; card actions carry it back.</summary>
    public required string Id { get; init; }

    /// <summary>The escalation level in words, e.g. "Escalatie" or "Direct gemeld".</summary>
    public required string LevelLabel { get; init; }

    /// <summary>The groep the conversation is linked to, when known.</summary>
    public string? Groep { get; init; }

    /// <summary>What is going on, in the bot's words.</summary>
    public required string Summary { get; init; }

    /// <summary>What the class parent could do next.</summary>
    public required string SuggestedStep { get; init; }

    /// <summary>The stretch of conversation the alert is about.</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>The end of that stretch.</summary>
    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>Quotes, only when the school allows excerpts.</summary>
    public IReadOnlyList<string> Excerpts { get; init; } = [];

    /// <summary>Where the alert is now.</summary>
    public AlertViewStatus Status { get; init; } = AlertViewStatus.Open;

    /// <summary>Who acted on it, as shown to others.</summary>
    public string? HandledBy { get; init; }

    /// <summary>When they acted.</summary>
    public DateTimeOffset? HandledAt { get; init; }
}
