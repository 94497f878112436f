using KlassenouderBot.Privacy;
using System.Diagnostics;
using KlassenouderBot.Moderation;
using KlassenouderBot.Moderation.Azure;
using Polly.CircuitBreaker;

namespace KlassenouderBot.IntegrationTests.Azure;

/// <summary>The Azure second opinion against a fake Azure AI Language on loopback: every failure falls back to the local verdict in time.</summary>
public sealed class SecondOpinionTests : IAsyncLifetime
{
    private const string Hurtful = "Die juf is waardeloos, wat een trut";
    private const string Calm = "Fijn weekend allemaal, tot maandag bij het hek.";

    private FakeAzureLanguage _azure = null!;

    public async Task InitializeAsync() => _azure = await FakeAzureLanguage.StartAsync();

    public async Task DisposeAsync() => await _azure.DisposeAsync();

    [Fact]
    public async Task Assess_MessagesAtOnce_GoInOneBatchWithLanguageAndLoggingOptOut()
    {
        await using var sut = SecondOpinionHarness.Create(_azure);

        var verdicts = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => sut.Analyzer.AssessAsync(i == 0 ? Hurtful : Calm, AnalysisContext.None, CancellationToken.None).AsTask()));

        _azure.Requests.Should().ContainSingle();
        var request = _azure.Requests.Single();
        request["kind"]!.GetValue<string>().Should().Be("SentimentAnalysis");
        request["parameters"]!["loggingOptOut"]!.GetValue<bool>().Should().BeTrue();
        request["parameters"]!["opinionMining"]!.GetValue<bool>().Should().BeTrue();
        request["analysisInput"]!["documents"]!.AsArray().Should().HaveCount(3)
            .And.OnlyContain(d => d!["language"]!.GetValue<string>() == "nl");
        _azure.Keys.Should().OnlyContain(k => k == SecondOpinionHarness.Key);
        verdicts[0].Label.Should().Be(ToneLabel.Hurtful);
        verdicts[0].Signals.Should().Contain(s => s.Source == SecondOpinion.Source && s.Kind == SignalKind.NegativeSentiment);
        verdicts[1].Label.Should().Be(ToneLabel.Ok);
    }

    [Fact]
    public async Task Assess_NamesEmailAndPhone_LeaveTheMachineAsPlaceholders()
    {
        await using var sut = SecondOpinionHarness.Create(_azure);
        var context = new AnalysisContext { ParentNames = new HashSet<string>(["piet"], StringComparer.Ordinal) };

        await sut.Analyzer.AssessAsync("Juf Sanne zei tegen Daan dat hij dom is. Piet, mail me op piet.jansen@example.nl of bel 06-12345678", context, CancellationToken.None);

        var sent = _azure.Requests.Single()["analysisInput"]!["documents"]![0]!["text"]!.GetValue<string>();
        sent.Should().NotContainAny("Sanne", "Daan", "Piet", "piet.jansen", "12345678");
        sent.Should().Contain(PersonalDataRedactor.Name).And.Contain(PersonalDataRedactor.Email).And.Contain(PersonalDataRedactor.Phone);
        sent.Should().StartWith("Juf [naam] zei tegen [naam] dat hij dom is.");
    }

    [Fact]
    public async Task Assess_ADocumentAzureRefusesInASuccessfulBatch_KeepsItsLocalVerdictWhileTheOtherGetsAzures()
    {
        await using var sut = SecondOpinionHarness.Create(_azure);
        _azure.FailingDocumentIds.Add("2");

        var verdicts = await Task.WhenAll(sut.Analyzer.AssessAsync(Hurtful, AnalysisContext.None, CancellationToken.None).AsTask(), sut.Analyzer.AssessAsync(Hurtful, AnalysisContext.None, CancellationToken.None).AsTask());

        _azure.Requests.Should().ContainSingle();
        verdicts.Count(v => v.Signals.Any(s => s.Source == SecondOpinion.Source)).Should().Be(1);
        verdicts.Should().OnlyContain(v => v.Label == ToneLabel.Hurtful);
    }

    [Fact]
    public async Task Assess_ThrottledWithRetryAfter_WaitsAsAskedThenUsesTheAnswer()
    {
        await using var sut = SecondOpinionHarness.Create(_azure, budget: TimeSpan.FromSeconds(5));
        _azure.Behave = async (n, context) =>
        {
            if (n > 0)
            {
                return false;
            }

            context.Response.Headers.RetryAfter = "1";
            await Teams.Fakes.LoopbackServer.WriteJsonAsync(context.Response, 429, FakeAzureLanguage.Error("TooManyRequests", "Rate limit is exceeded."));
            return true;
        };
        var clock = Stopwatch.StartNew();

        var verdict = await sut.Analyzer.AssessAsync(Hurtful, AnalysisContext.None, CancellationToken.None);

        _azure.Requests.Should().HaveCount(2);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9), "Retry-After asked for a second");
        verdict.Signals.Should().Contain(s => s.Source == SecondOpinion.Source);
    }

    [Fact]
    public async Task Assess_ServerErrorsUntilTheCircuitOpens_SkipsAzureThenRecoversAfterTheBreak()
    {
        await using var sut = SecondOpinionHarness.Create(_azure, breakDuration: TimeSpan.FromSeconds(1));
        var failing = true;
        _azure.Behave = async (_, context) =>
        {
            if (!failing)
            {
                return false;
            }

            await Teams.Fakes.LoopbackServer.WriteJsonAsync(context.Response, 500, FakeAzureLanguage.Error("InternalServerError", "boom"));
            return true;
        };

        for (var i = 0; i < 4 && sut.Client.Circuit == CircuitState.Closed; i++)
        {
            (await sut.Analyzer.AssessAsync(Hurtful, AnalysisContext.None, CancellationToken.None)).Signals.Should().OnlyContain(s => s.Source == "local");
        }

        sut.Client.Circuit.Should().Be(CircuitState.Open);
        var callsWhileOpen = _azure.Requests.Count;
        (await sut.Analyzer.AssessAsync(Hurtful, AnalysisContext.None, CancellationToken.None)).Label.Should().Be(ToneLabel.Hurtful);
        _azure.Requests.Should().HaveCount(callsWhileOpen, "an open circuit sends nothing");

        failing = false;
        await Task.Delay(TimeSpan.FromSeconds(1.2), TimeProvider.System);
        var recovered = await sut.Analyzer.AssessAsync(Hurtful, AnalysisContext.None, CancellationToken.None);

        recovered.Signals.Should().Contain(s => s.Source == SecondOpinion.Source);
        sut.Client.Circuit.Should().Be(CircuitState.Closed);
    }

    [Fact]
    public async Task Assess_AzureHangs_TheLocalVerdictComesWithinTheBudget()
    {
        await using var sut = SecondOpinionHarness.Create(_azure, budget: TimeSpan.FromMilliseconds(500));
        _azure.Behave = FakeAzureLanguage.Hanging();
        var clock = Stopwatch.StartNew();

        var verdict = await sut.Analyzer.AssessAsync(Hurtful, AnalysisContext.None, CancellationToken.None);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3), "a budget of 0.5 s, with generous room for a slow CI machine");
        verdict.Label.Should().Be(ToneLabel.Hurtful);
        verdict.Signals.Should().OnlyContain(s => s.Source == "local");
    }

    [Fact]
    public async Task Assess_MalformedJson_FallsBackToTheLocalVerdict()
    {
        await using var sut = SecondOpinionHarness.Create(_azure);
        _azure.Behave = FakeAzureLanguage.Malformed();

        var verdict = await sut.Analyzer.AssessAsync(Hurtful, AnalysisContext.None, CancellationToken.None);

        verdict.Should().BeEquivalentTo(new LocalToneAnalyzer().Assess(Hurtful));
        sut.Logs.Should().Contain(l => l.Contains("cannot read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assess_BadKey_SaysSoOnceOpensTheCircuitAndSendsNoMore()
    {
        await using var sut = SecondOpinionHarness.Create(_azure);
        _azure.Behave = FakeAzureLanguage.Failing(401, "Unauthorized", "Access denied due to invalid subscription key.");

        for (var i = 0; i < 5; i++)
        {
            (await sut.Analyzer.AssessAsync(Hurtful, AnalysisContext.None, CancellationToken.None)).Signals.Should().OnlyContain(s => s.Source == "local");
        }

        _azure.Requests.Should().ContainSingle("a refused key is not retried");
        sut.Client.Circuit.Should().Be(CircuitState.Isolated);
        sut.Logs.Where(l => l.Contains("refused the key", StringComparison.Ordinal)).Should().ContainSingle().Which.Should().Contain("AzureLanguage:Key");
    }
}
