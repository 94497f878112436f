namespace KlassenouderBot.Moderation;

/// <summary>
/// The part of a <see cref="ConversationState"/> that must be the same on every instance: the verdicts in the
/// window (labels and signals, authors as pseudonyms, excerpts only where the school allows them), the heat and
/// the bot's own cooldowns. Not the parents' names the analyser looks for: each instance learns those itself.
/// </summary>
internal sealed record ConversationSnapshot(
    List<MessageRecord> Recent,
    double Heat,
    DateTimeOffset? HeatUpdatedAt,
    EscalationLevel Level,
    DateTimeOffset? LastGroupMessageAt,
    DateTimeOffset? LastAlertAt,
    bool AlertedThisEpisode,
    List<NudgeMark> LastNudges,
    Dictionary<string, int> NudgesPerAuthorPerDay,
    DateOnly NudgeDay,
    DateTimeOffset LastActivity)
{
    public static ConversationSnapshot Of(ConversationState state) => new(
        [.. state.Recent],
        state.Heat,
        state.HeatUpdatedAt,
        state.Level,
        state.LastGroupMessageAt,
        state.LastAlertAt,
        state.AlertedThisEpisode,
        [.. state.LastNudges.Select(n => new NudgeMark(n.Key.Author, n.Key.Topic, n.Value))],
        new Dictionary<string, int>(state.NudgesPerAuthorPerDay, StringComparer.Ordinal),
        state.NudgeDay,
        state.LastActivity);

    /// <summary>Makes <paramref name="state"/> this snapshot (an empty snapshot for a conversation nobody has seen).</summary>
    public void ApplyTo(ConversationState state)
    {
        state.Recent.Clear();
        state.Recent.AddRange(Recent);
        state.Heat = Heat;
        state.HeatUpdatedAt = HeatUpdatedAt;
        state.Level = Level;
        state.LastGroupMessageAt = LastGroupMessageAt;
        state.LastAlertAt = LastAlertAt;
        state.AlertedThisEpisode = AlertedThisEpisode;
        state.LastNudges.Clear();
        foreach (var mark in LastNudges)
        {
            state.LastNudges[(mark.Author, mark.Topic)] = mark.At;
        }

        state.NudgesPerAuthorPerDay.Clear();
        foreach (var (author, count) in NudgesPerAuthorPerDay)
        {
            state.NudgesPerAuthorPerDay[author] = count;
        }

        state.NudgeDay = NudgeDay;
        state.LastActivity = LastActivity;
    }

    public static ConversationSnapshot Empty { get; } = Of(new ConversationState());
}

/// <summary>When an author was last nudged about a topic.</summary>
internal sealed record NudgeMark(string Author, string Topic, DateTimeOffset At);
