using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;

namespace KlassenouderBot.Tests.Moderation;

/// <summary>
/// A scripted group chat on the bundled sample school: each line is a parent saying something at a time.
/// The engine measures time by the message timestamps, so no clock is needed.
/// </summary>
internal sealed class ConversationScript
{
    /// <summary>A winter Wednesday afternoon in Europe/Amsterdam (+01:00).</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 14, 14, 0, 0, TimeSpan.FromHours(1));

    private static readonly Lazy<SchoolConfiguration> SampleSchool = new(() => SchoolConfigurationLoader.Load(SchoolOptions.DefaultConfigPath));
    private int _next;

    private ConversationScript(SchoolConfiguration school, ConversationRef conversation)
    {
        School = school;
        Conversation = conversation;
        Links = new InMemoryConversationLinks(school);
        Engine = new ConversationEngine(new LocalToneAnalyzer(), school, Links);
    }

    public static SchoolConfiguration Sample => SampleSchool.Value;

    public SchoolConfiguration School { get; }

    public ConversationRef Conversation { get; }

    public InMemoryConversationLinks Links { get; }

    public ConversationEngine Engine { get; }

    public List<(ChatMessage Message, EngineOutcome Outcome)> History { get; } = [];

    public IEnumerable<Intervention> All => History.SelectMany(h => h.Outcome.Interventions);

    public IEnumerable<Intervention> Alerts => All.Where(i => i.Kind == InterventionKind.Alert);

    /// <summary>A chat linked to groep 5 (klassenouder Naima, meester Tom Veenstra).</summary>
    public static async Task<ConversationScript> Groep5Async(SchoolConfiguration? school = null)
    {
        var script = new ConversationScript(school ?? Sample, new ConversationRef(Platform.Playground, "groep5-" + Guid.NewGuid().ToString("N")));
        await script.Links.LinkAsync(script.Conversation, "5", CancellationToken.None);
        return script;
    }

    public static ConversationScript Unlinked() =>
        new(Sample, new ConversationRef(Platform.Playground, "unlinked-" + Guid.NewGuid().ToString("N")));

    public async Task<EngineOutcome> SaysAsync(string author, string text, DateTimeOffset time)
    {
        var message = new ChatMessage
        {
            Id = $"m{_next++}",
            Conversation = Conversation,
            Author = new ChatUser(author.ToLowerInvariant(), author),
            Text = text,
            Timestamp = time,
        };
        var outcome = await Engine.ProcessAsync(message, CancellationToken.None);
        History.Add((message, outcome));
        return outcome;
    }

    public Task<EngineOutcome> SaysAsync(string author, string text, TimeSpan sinceStart) => SaysAsync(author, text, Start + sinceStart);
}

internal static class OutcomeExtensions
{
    public static IEnumerable<Intervention> Of(this EngineOutcome outcome, InterventionKind kind) =>
        outcome.Interventions.Where(i => i.Kind == kind);

    public static Intervention? Nudge(this EngineOutcome outcome) =>
        outcome.Interventions.SingleOrDefault(i => i.Kind == InterventionKind.PrivateNudge);
}
