using KlassenouderBot.Moderation;
using KlassenouderBot.Moderation.Azure;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;

namespace KlassenouderBot.IntegrationTests.Azure;

/// <summary>
/// The whole engine (assessment, escalation, interventions) with Azure as a second opinion: its signals show in
/// the outcomes, it never acts alone, and when Azure fails the engine decides exactly as it does without Azure.
/// </summary>
public sealed class AzureEngineTests : IAsyncLifetime
{
    /// <summary>A substitute teacher again: criticism, then insults, a call to gang up, a curse and a threat to go public.</summary>
    private static readonly (string Author, string Text)[] Escalating =
    [
        ("Anna", "Hebben jullie ook gehoord dat er morgen weer een invaller is?"),
        ("Bram", "Alweer! Die school is echt waardeloos georganiseerd"),
        ("Carla", "Schandalig. Die juf is waardeloos, wat een trut"),
        ("Bram", "Laten we met z'n allen naar de directie stappen en eisen dat ze weg gaat"),
        ("Dirk", "Die kankerjuf moet gewoon oprotten"),
        ("Anna", "Ik zet het op Facebook, dan weet iedereen het"),
    ];

    private FakeAzureLanguage _azure = null!;

    public async Task InitializeAsync() => _azure = await FakeAzureLanguage.StartAsync();

    public async Task DisposeAsync() => await _azure.DisposeAsync();

    [Fact]
    public async Task Process_AzureAnswers_OutcomesCarryItsSignalsAndTheAlertStillComes()
    {
        await using var harness = SecondOpinionHarness.Create(_azure);

        var outcomes = await ProcessAsync(new ConversationEngine(harness.Analyzer, harness.School, new InMemoryConversationLinks(harness.School)), Escalating);

        _azure.Requests.Should().HaveCount(Escalating.Length, "one message at a time, each in its own batch");
        outcomes[2].Assessment.Signals.Should().Contain(s => s.Source == SecondOpinion.Source && s.Kind == SignalKind.NegativeSentiment)
            .Which.Evidence.Should().Be("negative 0.95");
        outcomes[2].Assessment.Label.Should().Be(ToneLabel.Hurtful);
        outcomes.SelectMany(o => o.Interventions).Should().Contain(i => i.Kind == InterventionKind.Alert);
    }

    [Fact]
    public async Task Process_AzureNegativeAboutSadNews_NoIntervention()
    {
        await using var harness = SecondOpinionHarness.Create(_azure);
        var engine = new ConversationEngine(harness.Analyzer, harness.School, new InMemoryConversationLinks(harness.School));

        var outcomes = await ProcessAsync(engine, [("Anna", "Wat vervelend dat de juf ziek is, beterschap!"), ("Bram", "Balen, de gymtas van mijn zoon is alweer kwijt. Heeft iemand hem gezien?")]);

        outcomes.Should().OnlyContain(o => o.Assessment.Signals.Any(s => s.Source == SecondOpinion.Source), "Azure's view is shown");
        outcomes.Should().OnlyContain(o => o.Assessment.Label == ToneLabel.Ok && o.Level == EscalationLevel.Calm && o.Interventions.Count == 0, "Azure alone never moves a message");
    }

    public static TheoryData<string> FailureModes => ["500", "401", "hang", "malformed"];

    [Theory]
    [MemberData(nameof(FailureModes))]
    public async Task Process_AzureFailing_DecidesExactlyAsWithoutAzure(string failure)
    {
        await using var harness = SecondOpinionHarness.Create(_azure, budget: TimeSpan.FromMilliseconds(400));
        _azure.Behave = failure switch
        {
            "500" => FakeAzureLanguage.Failing(500, "InternalServerError", "boom"),
            "401" => FakeAzureLanguage.Failing(401, "Unauthorized", "Access denied due to invalid subscription key."),
            "hang" => FakeAzureLanguage.Hanging(),
            _ => FakeAzureLanguage.Malformed(),
        };
        var local = await ProcessAsync(new ConversationEngine(new LocalToneAnalyzer(), harness.School, new InMemoryConversationLinks(harness.School)), Escalating);

        var withAzure = await ProcessAsync(new ConversationEngine(harness.Analyzer, harness.School, new InMemoryConversationLinks(harness.School)), Escalating);

        _azure.Requests.Should().NotBeEmpty();
        withAzure.Should().BeEquivalentTo(local, options => options.WithStrictOrdering());
    }

    private static async Task<IReadOnlyList<EngineOutcome>> ProcessAsync(ConversationEngine engine, (string Author, string Text)[] thread)
    {
        var conversation = new ConversationRef(Platform.Playground, $"azure-{Guid.NewGuid():N}");
        var start = new DateTimeOffset(2026, 11, 20, 19, 0, 0, TimeSpan.FromHours(1));
        var outcomes = new List<EngineOutcome>();
        for (var index = 0; index < thread.Length; index++)
        {
            var (author, text) = thread[index];
            outcomes.Add(await engine.ProcessAsync(
                new ChatMessage { Id = $"m{index}", Conversation = conversation, Author = new ChatUser(author, author), Text = text, Timestamp = start.AddMinutes(index) },
                CancellationToken.None));
        }

        return outcomes;
    }
}
