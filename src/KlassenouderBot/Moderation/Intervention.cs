using KlassenouderBot.Platforms;

namespace KlassenouderBot.Moderation;

/// <summary>What the bot does about a message.</summary>
public enum InterventionKind
{
    /// <summary>A private, warm pointer to the author.</summary>
    PrivateNudge,

    /// <summary>One calm, inclusive message to the whole group: no names, no blame, no quotes.</summary>
    GroupMessage,

    /// <summary>An alert to the class parent (and others per school configuration).</summary>
    Alert,
}

/// <summary>One decided action. The engine decides; an <see cref="IInterventionSink"/> carries it out.</summary>
public sealed record Intervention(InterventionKind Kind, string Text)
{
    /// <summary>For private nudges: the parent who wrote the message.</summary>
    public ChatUser? Recipient { get; init; }

    /// <summary>For alerts: the configured person to alert.</summary>
    public School.AlertRecipient? AlertRecipient { get; init; }

    /// <summary>A name or role, as the replay output shows it in <c>to</c>.</summary>
    public required string RecipientLabel { get; init; }

    /// <summary>The topic the nudge or alert is about (for cooldowns and alert summaries).</summary>
    public required string Topic { get; init; }

    /// <summary>For alerts: what the class parent needs to act.</summary>
    public AlertDetails? Alert { get; init; }
}

/// <summary>The context an alert carries, so a class parent can act without reading the chat.</summary>
public sealed record AlertDetails
{
    public required EscalationLevel Level { get; init; }

    /// <summary>True when a single severe message (threat, shaming a child) triggered the alert.</summary>
    public required bool Severe { get; init; }

    /// <summary>How many different parents took part in the heated stretch.</summary>
    public required int ParentCount { get; init; }

    public required string Topic { get; init; }

    public required DateTimeOffset WindowStart { get; init; }

    public required DateTimeOffset WindowEnd { get; init; }

    public required string Summary { get; init; }

    public required string SuggestedStep { get; init; }

    /// <summary>Signal kinds seen in the window, never message text.</summary>
    public required IReadOnlyList<SignalKind> Signals { get; init; }

    /// <summary>Quotes from the chat, only when the school allows excerpts.</summary>
    public IReadOnlyList<string> Excerpts { get; init; } = [];

    public string? Groep { get; init; }
}
