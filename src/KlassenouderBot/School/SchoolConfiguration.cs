namespace KlassenouderBot.School;

/// <summary>A school's configuration as read from its YAML file (shape: README, "School configuration").</summary>
public sealed record SchoolConfiguration
{
    public required string Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Website { get; init; }

    /// <summary>The school's IANA time zone; quiet hours and late-night nudges use it.</summary>
    public string TimeZone { get; init; } = "Europe/Amsterdam";

    public IReadOnlyList<StaffMember> Staff { get; init; } = [];

    public IReadOnlyList<ClassGroup> Classes { get; init; } = [];

    public EscalationSettings Escalation { get; init; } = new();

    public IReadOnlyList<FaqEntry> Faq { get; init; } = [];

    /// <summary>The school's own synonym groups for answering questions (<c>synonyms:</c>), added to the built-in ones.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Synonyms { get; init; } = [];

    /// <summary>How sure the bot must be to answer (<c>faq_settings:</c>).</summary>
    public Faq.FaqOptions FaqOptions { get; init; } = new();

    /// <summary>Absolute path of the school guide (Markdown or .docx), when configured.</summary>
    public string? SchoolGuidePath { get; init; }

    /// <summary>What the admin app's settings page changes (the <c>settings:</c> section).</summary>
    public SchoolSettings Settings { get; init; } = new();

    /// <summary>Per-school overrides of the bot's phrasings, keyed as in <c>InterventionTexts</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Texts { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Conversations linked to a class in the file itself (platform:id → groep).</summary>
    public IReadOnlyDictionary<string, string> ConversationLinks { get; init; } = new Dictionary<string, string>();

    /// <summary>The file it was read from, for error messages and relative paths.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The school's time zone, or UTC when this machine has no data for it.</summary>
    public TimeZoneInfo ResolveTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public ClassGroup? FindClass(string? groep) =>
        groep is null ? null : Classes.FirstOrDefault(c => string.Equals(c.Groep, groep, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every person's name the school configuration knows, for recognising targets in messages.</summary>
    public IEnumerable<string> KnownPeopleNames()
    {
        foreach (var member in Staff)
        {
            yield return member.Name;
        }

        foreach (var group in Classes)
        {
            foreach (var teacher in group.Teachers)
            {
                yield return teacher.Name;
            }

            if (group.ClassParent is { } classParent)
            {
                yield return classParent.Name;
            }
        }
    }
}

/// <summary>A member of staff with a role (directeur, intern begeleider, …).</summary>
public sealed record StaffMember(string Role, string Name)
{
    public string? Email { get; init; }

    /// <summary>The person's Discord account (user id or username), so an alert can find them in a server.</summary>
    public string? Discord { get; init; }

    public string? Phone { get; init; }

    public IReadOnlyList<string> Days { get; init; } = [];
}

/// <summary>A groep: its teachers, its class parent and who gets its alerts.</summary>
public sealed record ClassGroup(string Groep)
{
    public IReadOnlyList<Contact> Teachers { get; init; } = [];

    /// <summary>The klassenouder; in the sample school only a first name.</summary>
    public Contact? ClassParent { get; init; }

    public IReadOnlyList<AlertRecipient> AlertRecipients { get; init; } = [];

    /// <summary>
    /// The children's first names, optional: used only to replace them with a placeholder before a message
    /// goes to a cloud provider (Azure AI Language), never stored with what the bot assesses.
    /// </summary>
    public IReadOnlyList<string> Children { get; init; } = [];
}

/// <summary>A person parents can be pointed to.</summary>
public sealed record Contact(string Name)
{
    public string? Email { get; init; }

    /// <summary>The person's Discord account (user id or username), so an alert can find them in a server.</summary>
    public string? Discord { get; init; }

    public string? Phone { get; init; }

    public IReadOnlyList<string> Days { get; init; } = [];
}

/// <summary>Who is alerted, by role: <c>klassenouder</c>, <c>leerkracht</c> or <c>directeur</c>.</summary>
public sealed record AlertRecipient(string Role, string Name)
{
    public string? Email { get; init; }

    /// <summary>The person's Discord account (user id or username), so an alert can find them in a server.</summary>
    public string? Discord { get; init; }
}

/// <summary>The school's escalation rules.</summary>
public sealed record EscalationSettings
{
    /// <summary>Whether alerts may quote the chat. Off by default: alerts describe, they do not quote.</summary>
    public bool IncludeExcerpts { get; init; }

    /// <summary>The level at which the group's alert list is alerted.</summary>
    public Moderation.EscalationLevel AlertFromLevel { get; init; } = Moderation.EscalationLevel.Escalated;

    /// <summary>Roles alerted at once for a message that shames a child.</summary>
    public IReadOnlyList<string> SevereShamingChildRoles { get; init; } = ["klassenouder", "leerkracht"];

    /// <summary>Roles alerted at once for a threat.</summary>
    public IReadOnlyList<string> SevereThreatRoles { get; init; } = ["klassenouder", "leerkracht", "directeur"];

    /// <summary>The head teacher, alerted for threats.</summary>
    public AlertRecipient? Director { get; init; }
}

/// <summary>One FAQ entry: a question, other ways parents ask it, the answer (and in English), and the guide heading it comes from.</summary>
public sealed record FaqEntry(string Id, string Question, string Answer)
{
    public IReadOnlyList<string> Alternates { get; init; } = [];

    public string? AnswerEn { get; init; }

    public string? Source { get; init; }
}

/// <summary>
/// Settings a school changes in the admin app. Unset values fall back to the server's configuration
/// (<c>Moderation:Sensitivity</c>, <c>Privacy:RetentionDays</c>) or the defaults.
/// </summary>
public sealed record SchoolSettings
{
    public static readonly TimeOnly DefaultQuietFrom = new(22, 0);
    public static readonly TimeOnly DefaultQuietTo = new(6, 0);

    /// <summary>How readily the bot judges a message a concern or hurtful: 0.5 (later) to 2.0 (sooner).</summary>
    public double? Sensitivity { get; init; }

    /// <summary>Days the bot keeps what it did (nudges, alerts, FAQ answers): 7 to 365.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>The start of the school's night: messages then count as late, and the nudge says it can wait till morning.</summary>
    public TimeOnly QuietFrom { get; init; } = DefaultQuietFrom;

    public TimeOnly QuietTo { get; init; } = DefaultQuietTo;

    /// <summary>Alerts that are not severe wait till the quiet hours end (the inbox has them at once); severe ones never wait.</summary>
    public bool HoldAlertsInQuietHours { get; init; }

    /// <summary>True for a local time inside the quiet hours (which may run past midnight).</summary>
    public bool IsQuiet(TimeOnly time) => QuietFrom <= QuietTo ? time >= QuietFrom && time < QuietTo : time >= QuietFrom || time < QuietTo;
}
