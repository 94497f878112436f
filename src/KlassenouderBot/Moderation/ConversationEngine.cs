using System.Collections.Concurrent;
using KlassenouderBot.Moderation.Analysis;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;

namespace KlassenouderBot.Moderation;

/// <summary>
/// The channel-agnostic core: assess the message, update the conversation's escalation, and decide the
/// interventions. Deciding is separate from doing (<see cref="IInterventionSink"/>), so that <c>replay</c>
/// and the server make exactly the same decisions. Time is the message's own timestamp.
/// </summary>
public sealed class ConversationEngine
{
    /// <summary>Conversations quiet this long are forgotten: their heat has long decayed to nothing.</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(26);

    private readonly ConcurrentDictionary<string, ConversationState> _conversations = new(StringComparer.Ordinal);
    private readonly IToneAnalyzer _analyzer;
    private readonly SchoolSource _school;
    private readonly IConversationLinks _links;
    private readonly IConversationStates _states;
    private SchoolView _view;
    private long _processed;

    /// <summary>The server's engine: it follows the school as the admin app changes it.</summary>
    /// <param name="analyzer">Assesses each message.</param>
    /// <param name="school">The school, as the admin app changes it.</param>
    /// <param name="links">Which class a conversation belongs to.</param>
    /// <param name="states">Where escalation state is kept; in memory when not given.</param>
    public ConversationEngine(IToneAnalyzer analyzer, SchoolSource school, IConversationLinks links, IConversationStates? states = null)
    {
        _analyzer = analyzer;
        _school = school;
        _links = links;
        _states = states ?? new InMemoryConversationStates();
        _view = new SchoolView(school.Current);
    }

    /// <summary>An engine for a school that does not change (<c>replay</c>, tests).</summary>
    public ConversationEngine(IToneAnalyzer analyzer, SchoolConfiguration school, IConversationLinks links)
        : this(analyzer, SchoolSource.Fixed(school), links)
    {
    }

    public int ActiveConversations => _conversations.Count;

    public async Task<EngineOutcome> ProcessAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        var view = View;
        var school = view.School;
        var state = _conversations.GetOrAdd(message.Conversation.Key, static _ => new ConversationState());
        var authorName = NormalizeName(message.Author.DisplayName);
        AnalysisContext context;
        lock (state.Gate)
        {
            // The context is rebuilt only when a new parent speaks; the analyser reads a snapshot, never the live set.
            // ... or when the school's staff changed since.
            if ((authorName.Length > 0 && state.ParentNames.Add(authorName)) || state.Context is null
                || !ReferenceEquals(state.Context.StaffNames, view.StaffNames) || state.Context.Sensitivity != school.Settings.Sensitivity)
            {
                state.Context = new AnalysisContext
                {
                    ParentNames = state.ParentNames.ToHashSet(StringComparer.Ordinal),
                    StaffNames = view.StaffNames,
                    Sensitivity = school.Settings.Sensitivity,
                };
            }

            context = state.Context;
        }

        var assessment = await _analyzer.AssessAsync(message.Text, context, cancellationToken);
        var groep = await _links.GetGroepAsync(message.Conversation, cancellationToken);
        var classGroup = school.FindClass(groep);
        var localTime = TimeZoneInfo.ConvertTime(message.Timestamp, view.TimeZone);
        var lateNight = school.Settings.IsQuiet(TimeOnly.FromDateTime(localTime.DateTime));

        var authorKey = _states.AuthorKey(message.Conversation, message.Author.Id);
        var (level, heat, interventions) = await _states.UpdateAsync(message.Conversation, state, () =>
        {
            var previousLevel = state.Level;
            var excerpt = school.Escalation.IncludeExcerpts && assessment.Label != ToneLabel.Ok ? Trim(message.Text) : null;
            (var level, var record) = EscalationTracker.Update(state, authorKey, message.Text, assessment, message.Timestamp, lateNight, excerpt);
            state.LastActivity = message.Timestamp;
            var input = new PolicyInput(
                message, assessment, state, record, level, previousLevel, school, classGroup, view.Texts, lateNight, localTime,
                t => TimeZoneInfo.ConvertTime(t, view.TimeZone), GroupLanguage, StableSeed(message.Id));
            return (level, state.Heat, InterventionPolicy.Decide(input));
        }, cancellationToken);

        if (Interlocked.Increment(ref _processed) % 1024 == 0)
        {
            ForgetQuietConversations(message.Timestamp);
        }

        return new EngineOutcome(assessment, level, Math.Round(heat, 2), interventions);
    }

    /// <summary>What the engine derives from the school, made again when the admin app changes the school.</summary>
    private SchoolView View
    {
        get
        {
            var current = _school.Current;
            var view = Volatile.Read(ref _view);
            if (!ReferenceEquals(view.School, current))
            {
                view = new SchoolView(current);
                Volatile.Write(ref _view, view);
            }

            return view;
        }
    }

    /// <summary>The conversation's level now, for the playground and the admin app.</summary>
    public EscalationLevel LevelOf(ConversationRef conversation, DateTimeOffset now)
    {
        if (!_conversations.TryGetValue(conversation.Key, out var state))
        {
            return EscalationLevel.Calm;
        }

        lock (state.Gate)
        {
            return EscalationTracker.CurrentLevel(state, now);
        }
    }

    /// <summary>Drops everything remembered about a conversation (a playground reset, a deletion request).</summary>
    public async Task ForgetAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        _conversations.TryRemove(conversation.Key, out _);
        await _states.ForgetAsync(conversation, cancellationToken);
    }

    private void ForgetQuietConversations(DateTimeOffset now)
    {
        foreach (var (key, state) in _conversations)
        {
            if (now - state.LastActivity > ForgetAfter)
            {
                _conversations.TryRemove(key, out _);
            }
        }
    }

    /// <summary>The group is addressed in the school's language; private nudges follow each author's language.</summary>
    private const string GroupLanguage = "nl";

    private static string Trim(string text) => text.Length <= 160 ? text : text[..157] + "…";

    private static int StableSeed(string id)
    {
        var hash = 17;
        foreach (var c in id)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    private static string NormalizeName(string displayName)
    {
        var first = displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return TextNormalizer.NormalizeWord(first).Normal;
    }

    private static HashSet<string> StaffNameParts(SchoolConfiguration school)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in school.KnownPeopleNames())
        {
            // Surnames only: first names are shared with parents and children ("juf Sanne" vs Sanne the parent);
            // a title before a first name ("juf Anne") already marks staff.
            var words = name.Split([' ', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
                .Select(w => TextNormalizer.NormalizeWord(w).Normal)
                .Where(w => w is not ("juf" or "meester" or "mevrouw" or "meneer" or "van" or "der" or "den" or "de" or "el" or "voorzitter"))
                .ToList();
            foreach (var surname in words.Skip(1))
            {
                if (surname.Length > 2)
                {
                    parts.Add(surname);
                }
            }
        }

        // Class parents are parents, not staff.
        foreach (var group in school.Classes)
        {
            if (group.ClassParent is { } classParent)
            {
                parts.Remove(TextNormalizer.NormalizeWord(classParent.Name).Normal);
            }
        }

        return parts;
    }

    private sealed class SchoolView(SchoolConfiguration school)
    {
        public SchoolConfiguration School { get; } = school;

        public InterventionTexts Texts { get; } = new(school.Texts);

        public TimeZoneInfo TimeZone { get; } = school.ResolveTimeZone();

        public HashSet<string> StaffNames { get; } = StaffNameParts(school);
    }
}
