namespace KlassenouderBot.Moderation;

/// <summary>
/// What the engine remembers about one conversation, in memory only: recent verdicts (no text unless the
/// school allows excerpts), the heat, and when it last spoke, so it never nags.
/// </summary>
public sealed class ConversationState
{
    internal Lock Gate { get; } = new();

    internal List<MessageRecord> Recent { get; } = [];

    internal double Heat { get; set; }

    internal DateTimeOffset? HeatUpdatedAt { get; set; }

    public EscalationLevel Level { get; internal set; }

    internal DateTimeOffset? LastGroupMessageAt { get; set; }

    internal DateTimeOffset? LastAlertAt { get; set; }

    /// <summary>True from an escalation alert until the conversation has cooled down again.</summary>
    internal bool AlertedThisEpisode { get; set; }

    internal Dictionary<(string Author, string Topic), DateTimeOffset> LastNudges { get; } = [];

    internal Dictionary<string, int> NudgesPerAuthorPerDay { get; } = [];

    internal DateOnly NudgeDay { get; set; }

    internal HashSet<string> ParentNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The analyser's view of the names in this conversation, rebuilt when a new parent speaks.</summary>
    internal AnalysisContext? Context { get; set; }

    internal DateTimeOffset LastActivity { get; set; }
}

/// <summary>One assessed message as the escalation window keeps it.</summary>
internal sealed record MessageRecord(
    DateTimeOffset Time,
    string AuthorId,
    ToneLabel Label,
    bool Joined,
    bool GangUp,
    bool Severe,
    string Topic,
    IReadOnlyList<SignalKind> Signals,
    string? Excerpt);
