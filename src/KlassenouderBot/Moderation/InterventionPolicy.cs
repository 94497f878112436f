using KlassenouderBot.Platforms;

using KlassenouderBot.School;

namespace KlassenouderBot.Moderation;

/// <summary>
/// Decides what the bot does, in the spirit of the school–parent partnership: trust parents, speak
/// privately first, never name or quote anyone in the group, and never nag.
/// </summary>
public static class InterventionPolicy
{
    /// <summary>A hurtful message earns one private nudge per parent per topic in this time.</summary>
    public static readonly TimeSpan HurtfulNudgeCooldown = TimeSpan.FromHours(2);

    /// <summary>The bot posts at most one calm group message per conversation in this time.</summary>
    public static readonly TimeSpan GroupMessageCooldown = TimeSpan.FromHours(3);

    /// <summary>A severe message alerts at once, unless the class parent was alerted this recently.</summary>
    public static readonly TimeSpan SevereAlertCooldown = TimeSpan.FromMinutes(30);

    /// <summary>No parent gets more than this many private nudges a day, however heated the chat.</summary>
    public const int MaxNudgesPerParentPerDay = 3;

    internal static IReadOnlyList<Intervention> Decide(PolicyInput input)
    {
        var state = input.State;
        var decisions = new List<Intervention>(3);
        var assessment = input.Assessment;
        var time = input.Message.Timestamp;

        if (input.Level <= EscalationLevel.Warming && input.PreviousLevel <= EscalationLevel.Warming)
        {
            state.AlertedThisEpisode = false;
        }

        if (assessment.IsSevere && (state.LastAlertAt is null || time - state.LastAlertAt > SevereAlertCooldown))
        {
            var roles = assessment.Has(SignalKind.Threat) ? input.School.Escalation.SevereThreatRoles : input.School.Escalation.SevereShamingChildRoles;
            decisions.AddRange(Alerts(input, roles, severe: true));
            state.LastAlertAt = time;
            state.AlertedThisEpisode = true;
        }
        else if (input.Level >= input.School.Escalation.AlertFromLevel && input.Level >= EscalationLevel.Heated && !state.AlertedThisEpisode)
        {
            // An escalated conversation alerts everyone on the groep's alert list (school configuration).
            IReadOnlyList<string> everyone = input.Class is { AlertRecipients.Count: > 0 } linked
                ? [.. linked.AlertRecipients.Select(r => r.Role).Distinct()]
                : [AlertRoles.ClassParent, AlertRoles.Teacher];
            decisions.AddRange(Alerts(input, everyone, severe: false));
            state.LastAlertAt = time;
            state.AlertedThisEpisode = true;
        }

        if (input.Level >= EscalationLevel.Heated && (state.LastGroupMessageAt is null || time - state.LastGroupMessageAt > GroupMessageCooldown))
        {
            state.LastGroupMessageAt = time;
            decisions.Insert(0, new Intervention(InterventionKind.GroupMessage, Text(input, "group.heated", input.GroupLanguage))
            {
                RecipientLabel = "group",
                Topic = input.Record.Topic,
            });
        }

        if (Nudge(input) is { } nudge)
        {
            decisions.Insert(0, nudge);
        }

        return decisions;
    }

    private static Intervention? Nudge(PolicyInput input)
    {
        var assessment = input.Assessment;
        if (assessment.Label == ToneLabel.Ok)
        {
            return null;
        }

        var state = input.State;
        var time = input.Message.Timestamp;
        var today = DateOnly.FromDateTime(input.LocalTime.DateTime);
        if (state.NudgeDay != today)
        {
            state.NudgeDay = today;
            state.NudgesPerAuthorPerDay.Clear();
        }

        // The state's stand-in for the author (a pseudonym when the state is kept in a database).
        var author = input.Record.AuthorId;
        var key = (author, input.Record.Topic);
        if (state.LastNudges.TryGetValue(key, out var last))
        {
            var stillQuiet = assessment.Label == ToneLabel.Hurtful
                ? time - last < HurtfulNudgeCooldown
                : DateOnly.FromDateTime(input.ToLocal(last).DateTime) == today;
            if (stillQuiet)
            {
                return null;
            }
        }

        if (state.NudgesPerAuthorPerDay.GetValueOrDefault(author) >= MaxNudgesPerParentPerDay)
        {
            return null;
        }

        state.LastNudges[key] = time;
        state.NudgesPerAuthorPerDay[author] = state.NudgesPerAuthorPerDay.GetValueOrDefault(author) + 1;

        var aboutChild = assessment.Has(SignalKind.ShamingChild);
        var textKey = assessment.Label == ToneLabel.Hurtful ? (aboutChild ? "nudge.child" : "nudge.hurtful") : "nudge.concern";
        var text = Text(input, textKey, assessment.Language);
        if (input.LateNight)
        {
            text += " " + Text(input, "nudge.latenight", assessment.Language);
        }

        return new Intervention(InterventionKind.PrivateNudge, text)
        {
            Recipient = input.Message.Author,
            RecipientLabel = input.Message.Author.DisplayName,
            Topic = input.Record.Topic,
        };
    }

    private static IEnumerable<Intervention> Alerts(PolicyInput input, IReadOnlyList<string> roles, bool severe)
    {
        var window = Window(input, severe);
        var details = new AlertDetails
        {
            Level = severe ? EscalationLevel.Escalated : input.Level,
            Severe = severe,
            ParentCount = window.Parents,
            Topic = WindowTopic(input, severe),
            WindowStart = window.Start,
            WindowEnd = input.Message.Timestamp,
            Summary = "",
            SuggestedStep = "",
            Signals = window.Signals,
            Excerpts = input.School.Escalation.IncludeExcerpts ? window.Excerpts : [],
            Groep = input.Class?.Groep,
        };

        foreach (var recipient in Recipients(input, roles))
        {
            var language = "nl";
            var step = Text(input, severe ? (input.Assessment.Has(SignalKind.Threat) ? "step.threat" : "step.child") : "step.escalated", language);
            var values = AlertValues(input, details, window, step, language);
            var summary = input.Texts.Pick(severe ? "alert.severe" : "alert.escalated", language, input.Seed, values);
            if (details.Excerpts.Count > 0)
            {
                summary += " Fragmenten: " + string.Join(" | ", details.Excerpts.Select(e => $"“{e}”"));
            }

            yield return new Intervention(InterventionKind.Alert, summary)
            {
                AlertRecipient = recipient,
                RecipientLabel = recipient.Name,
                Topic = details.Topic,
                Alert = details with { Summary = summary, SuggestedStep = step },
            };
        }
    }

    /// <summary>What the heated stretch is mostly about, so the alert names it without quoting anyone.</summary>
    private static string WindowTopic(PolicyInput input, bool severe) =>
        (severe ? [input.Record] : input.State.Recent.Where(r => r.Label != ToneLabel.Ok || r.Joined))
            .Select(r => r.Topic)
            .Where(t => t != "algemeen")
            .GroupBy(t => t)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault() ?? input.Record.Topic;

    /// <summary>Alert recipients with these roles: named from the class when the chat is linked, else by role.</summary>
    private static IEnumerable<AlertRecipient> Recipients(PolicyInput input, IReadOnlyList<string> roles)
    {
        foreach (var role in roles)
        {
            if (role == AlertRoles.Director)
            {
                yield return input.School.Escalation.Director ?? new AlertRecipient(role, role);
                continue;
            }

            var matches = input.Class?.AlertRecipients.Where(r => r.Role == role).ToList() ?? [];
            if (matches.Count == 0)
            {
                yield return new AlertRecipient(role, role);
            }

            foreach (var match in matches)
            {
                yield return match;
            }
        }
    }

    private static (DateTimeOffset Start, int Parents, IReadOnlyList<SignalKind> Signals, IReadOnlyList<string> Excerpts) Window(PolicyInput input, bool severe)
    {
        var records = severe
            ? [input.Record]
            : input.State.Recent.Where(r => r.Label != ToneLabel.Ok || r.Joined).ToList();
        if (records.Count == 0)
        {
            records = [input.Record];
        }

        var signals = records
            .SelectMany(r => r.Signals)
            .Where(k => k is not (SignalKind.TargetTeacher or SignalKind.TargetSchool or SignalKind.TargetParent or SignalKind.TargetChild or SignalKind.NegativeSentiment))
            .Distinct()
            .ToList();
        if (records.Any(r => r.GangUp) && !signals.Contains(SignalKind.GangUp))
        {
            signals.Add(SignalKind.GangUp);
        }

        var excerpts = records.Where(r => r.Excerpt is not null).Select(r => r.Excerpt!).TakeLast(3).ToList();
        return (records.Min(r => r.Time), records.Select(r => r.AuthorId).Distinct().Count(), signals, excerpts);
    }

    private static Dictionary<string, string> AlertValues(PolicyInput input, AlertDetails details, (DateTimeOffset Start, int Parents, IReadOnlyList<SignalKind> Signals, IReadOnlyList<string> Excerpts) window, string step, string language)
    {
        var start = input.ToLocal(window.Start).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var end = input.LocalTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["groep"] = input.Class?.Groep ?? "?",
            ["level"] = LevelName(details.Level, language),
            ["parents"] = window.Parents.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["topic"] = Topics.Describe(details.Topic, language),
            ["window"] = details.Severe ? end : $"{start} en {end}",
            ["signals"] = SignalNames.Describe(window.Signals, language),
            ["step"] = step,
        };
    }

    private static string Text(PolicyInput input, string key, string language)
    {
        var teacher = input.Class is { Teachers.Count: > 0 } linked ? linked.Teachers[0] : null;
        var english = language == "en";
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["teacher"] = teacher?.Name ?? (english ? "your child's teacher" : "de leerkracht van je kind"),
            ["teacherContact"] = teacher?.Email is { } email ? $" ({email})" : "",
            ["classParent"] = input.Class?.ClassParent is { } classParent
                ? (english ? $"{classParent.Name}, the class parent," : $"klassenouder {classParent.Name}")
                : (english ? "the class parent" : "de klassenouder"),
            ["topic"] = Topics.Describe(input.Record.Topic, language),
            ["groep"] = input.Class?.Groep ?? "",
            ["school"] = input.School.Name,
        };
        return CapitaliseSentences(input.Texts.Pick(key, language, input.Seed, values));
    }

    /// <summary>A placeholder can open a sentence ("{classParent} helpt je graag"): start every sentence with a capital.</summary>
    internal static string CapitaliseSentences(string text)
    {
        var chars = text.ToCharArray();
        var sentenceStart = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (sentenceStart && char.IsLetter(chars[i]))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
                sentenceStart = false;
            }
            else if (chars[i] is '.' or '?' or '!' && i + 1 < chars.Length && chars[i + 1] == ' ')
            {
                sentenceStart = true;
            }
            else if (!char.IsWhiteSpace(chars[i]))
            {
                sentenceStart = false;
            }
        }

        return new string(chars);
    }

    internal static string LevelName(EscalationLevel level, string language) => (level, language) switch
    {
        (EscalationLevel.Calm, "en") => "calm",
        (EscalationLevel.Warming, "en") => "warming up",
        (EscalationLevel.Heated, "en") => "heated",
        (EscalationLevel.Escalated, "en") => "escalated",
        (EscalationLevel.Calm, _) => "rustig",
        (EscalationLevel.Warming, _) => "aan het opwarmen",
        (EscalationLevel.Heated, _) => "verhit",
        _ => "geëscaleerd",
    };
}

/// <summary>Everything the policy needs about one message.</summary>
internal sealed record PolicyInput(
    ChatMessage Message,
    ToneAssessment Assessment,
    ConversationState State,
    MessageRecord Record,
    EscalationLevel Level,
    EscalationLevel PreviousLevel,
    SchoolConfiguration School,
    ClassGroup? Class,
    InterventionTexts Texts,
    bool LateNight,
    DateTimeOffset LocalTime,
    Func<DateTimeOffset, DateTimeOffset> ToLocal,
    string GroupLanguage,
    int Seed);
