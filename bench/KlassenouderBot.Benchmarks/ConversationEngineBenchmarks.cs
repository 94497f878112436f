using BenchmarkDotNet.Attributes;
using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;

namespace KlassenouderBot.Benchmarks;

/// <summary>
/// The full engine path per message (assessment, escalation tracking, intervention policy) over the
/// analyser's corpus, spread across 50 conversations. Time moves forward 20 seconds per message and
/// keeps moving across invocations, as it does on a live server.
/// </summary>
[MemoryDiagnoser]
public class ConversationEngineBenchmarks
{
    public const int Conversations = 50;

    private static readonly TimeSpan Gap = TimeSpan.FromSeconds(20);

    private ConversationEngine _engine = null!;
    private string[] _corpus = [];
    private string[] _ids = [];
    private ConversationRef[] _conversations = [];
    private ChatUser[] _authors = [];
    private DateTimeOffset _clock;

    [GlobalSetup]
    public void Setup()
    {
        var school = SchoolConfigurationLoader.Load(SchoolOptions.DefaultConfigPath);
        var links = new InMemoryConversationLinks(school);
        _engine = new ConversationEngine(new LocalToneAnalyzer(), school, links);
        _corpus = [.. ChatCorpus.Build()];
        _ids = [.. Enumerable.Range(0, _corpus.Length).Select(i => $"msg-{i:D4}")];
        _authors = [.. ChatCorpus.Parents.Select(name => new ChatUser(name.ToLowerInvariant(), name))];
        _conversations = [.. Enumerable.Range(0, Conversations).Select(i => new ConversationRef(Platform.Playground, $"bench-{i:D2}"))];
        for (var i = 0; i < _conversations.Length; i++)
        {
            links.LinkAsync(_conversations[i], school.Classes[i % school.Classes.Count].Groep, CancellationToken.None).GetAwaiter().GetResult();
        }

        // A Monday morning in school time, Amsterdam.
        _clock = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(1));
    }

    [Benchmark(OperationsPerInvoke = ChatCorpus.Size)]
    public async Task<int> ProcessCorpus()
    {
        var interventions = 0;
        for (var i = 0; i < _corpus.Length; i++)
        {
            _clock += Gap;
            var message = new ChatMessage
            {
                Id = _ids[i],
                Conversation = _conversations[i % Conversations],
                Author = _authors[(i / Conversations + i) % _authors.Length],
                Text = _corpus[i],
                Timestamp = _clock,
            };
            var outcome = await _engine.ProcessAsync(message, CancellationToken.None);
            interventions += outcome.Interventions.Count;
        }

        return interventions;
    }
}
