using KlassenouderBot.Moderation.Analysis;

namespace KlassenouderBot.Moderation;

/// <summary>
/// Heat per conversation: it rises with concern and hurtful messages, with several parents joining in,
/// bursts, us-versus-them talk and late-night messages, and decays with a half-life. Levels need more than
/// heat: "escalated" means at least two hurtful contributions from two parents, or a gang-up, so one
/// sharp remark that others calm down never reaches the class parent.
/// </summary>
public static class EscalationTracker
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(60);
    private static readonly TimeSpan JoinWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan BurstGap = TimeSpan.FromMinutes(2);

    internal static (EscalationLevel Level, MessageRecord Record) Update(
        ConversationState state,
        string authorId,
        string text,
        ToneAssessment assessment,
        DateTimeOffset time,
        bool lateNight,
        string? excerpt)
    {
        Decay(state, time);
        state.Recent.RemoveAll(r => time - r.Time > Window + Window);

        var previous = state.Recent.Count > 0 ? state.Recent[^1] : null;
        // Agreeing joins in only when it answers the hurtful message itself: "Eens" after a calming reply
        // agrees with the calm, not with the insult before it.
        var joined = assessment.Label != ToneLabel.Hurtful
            && previous is not null
            && (previous.Label == ToneLabel.Hurtful || previous.GangUp || previous.Joined)
            && previous.AuthorId != authorId
            && time - previous.Time <= JoinWindow
            && JoinsIn(TextNormalizer.Normalize(text), assessment);
        var gangUp = assessment.Has(SignalKind.GangUp);
        var severe = assessment.IsSevere;

        var add = assessment.Label switch
        {
            ToneLabel.Hurtful => severe ? 3.5 : 2.5,
            ToneLabel.Concern => 1.0,
            _ => joined ? 2.0 : 0,
        };

        if (gangUp)
        {
            add += 1.5;
        }

        if (assessment.Has(SignalKind.TargetGroup))
        {
            add += 0.5;
        }

        if (add > 0 && previous is not null && time - previous.Time <= BurstGap && previous.Label != ToneLabel.Ok)
        {
            add += 0.5;
        }

        if (add > 0 && lateNight)
        {
            add *= 1.25;
        }

        if (assessment.Has(SignalKind.CounterSpeech) && assessment.Label == ToneLabel.Ok)
        {
            state.Heat = Math.Max(0, state.Heat - 1.0);
        }

        state.Heat += add;
        var signals = assessment.Label == ToneLabel.Ok && !joined ? [] : assessment.Signals.Select(s => s.Kind).Distinct().ToArray();
        var record = new MessageRecord(time, authorId, assessment.Label, joined, gangUp, severe, Topics.Detect(text), signals, excerpt);
        state.Recent.Add(record);
        state.Level = LevelOf(state, time);
        return (state.Level, record);
    }

    /// <summary>The level as time passes without messages (for display and for ending an alert episode).</summary>
    public static EscalationLevel CurrentLevel(ConversationState state, DateTimeOffset now)
    {
        Decay(state, now);
        return LevelOf(state, now);
    }

    private static void Decay(ConversationState state, DateTimeOffset time)
    {
        if (state.HeatUpdatedAt is { } last && time > last)
        {
            state.Heat *= Math.Pow(0.5, (time - last) / HalfLife);
        }

        state.HeatUpdatedAt = time;
    }

    private static EscalationLevel LevelOf(ConversationState state, DateTimeOffset now)
    {
        var hurtfulMessages = 0;
        var hurtfulAuthors = new HashSet<string>(StringComparer.Ordinal);
        var negativeAuthors = new HashSet<string>(StringComparer.Ordinal);
        var gangUp = false;
        foreach (var record in state.Recent)
        {
            if (now - record.Time > Window)
            {
                continue;
            }

            if (record.Label == ToneLabel.Hurtful || record.Joined)
            {
                hurtfulMessages++;
                hurtfulAuthors.Add(record.AuthorId);
            }

            if (record.Label != ToneLabel.Ok || record.Joined)
            {
                negativeAuthors.Add(record.AuthorId);
            }

            gangUp |= record.GangUp;
        }

        if ((hurtfulMessages >= 2 && hurtfulAuthors.Count >= 2)
            || (hurtfulMessages >= 1 && gangUp && negativeAuthors.Count >= 2)
            || state.Heat >= 9)
        {
            return EscalationLevel.Escalated;
        }

        if (state.Heat >= 4.5 || (hurtfulMessages >= 1 && negativeAuthors.Count >= 2))
        {
            return EscalationLevel.Heated;
        }

        return state.Heat >= 1.5 ? EscalationLevel.Warming : EscalationLevel.Calm;
    }

    /// <summary>
    /// Agreeing ("precies", "ik doe mee") or laughing along at someone ("haha die directeur …"), the message
    /// normalised once for both checks.
    /// </summary>
    private static bool JoinsIn(NormalizedText normalized, ToneAssessment assessment)
    {
        if (normalized.Joined.Length <= 120 && TonePatterns.Agreement().IsMatch(normalized.Joined))
        {
            return true;
        }

        var tokens = normalized.Tokens;
        return tokens.Count > 0
            && tokens[0].Text.StartsWith("haha", StringComparison.Ordinal)
            && (assessment.Has(SignalKind.TargetTeacher) || assessment.Has(SignalKind.TargetSchool) || assessment.Label != ToneLabel.Ok);
    }
}
