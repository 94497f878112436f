using System.Net;
using KlassenouderBot.Moderation.Azure;
using KlassenouderBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;

namespace KlassenouderBot.Tests.Moderation.Azure;

/// <summary>The refused-key break on a clock the test moves: no call for the whole break, one probe after it.</summary>
public sealed class AzureSentimentClientTests : IDisposable
{
    private const string Answer = """
        {"kind":"SentimentAnalysisResults","results":{"documents":[{"id":"1","sentiment":"negative","confidenceScores":{"positive":0.01,"neutral":0.04,"negative":0.95},"sentences":[],"warnings":[]}],"errors":[],"modelVersion":"2022-11-01"}}
        """;

    private static readonly InputDocument[] Document = [new("1", "nl", "Die juf is waardeloos")];

    private readonly FakeTimeProvider _clock = new();
    private readonly StatusHandler _handler = new();
    private readonly HttpClient _http;
    private readonly AzureLanguageMetrics _metrics = new();
    private readonly AzureSentimentClient _sut;

    public AzureSentimentClientTests()
    {
        _http = new HttpClient(_handler);
        _sut = new AzureSentimentClient(
            _http,
            new AzureLanguageOptions { Endpoint = "https://example-nl.cognitiveservices.azure.com", Key = "wrong", RefusedKeyBreakDuration = TimeSpan.FromMinutes(5) },
            _clock,
            _metrics,
            NullLogger<AzureSentimentClient>.Instance);
    }

    public void Dispose()
    {
        _sut.Dispose();
        _http.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task AnalyzeAsync_KeyRefused_NothingSentForTheBreakThenOneProbe()
    {
        _handler.Next = HttpStatusCode.Unauthorized;
        await FluentActions.Awaiting(() => _sut.AnalyzeAsync(Document, CancellationToken.None)).Should().ThrowAsync<AzureLanguageException>();
        _sut.Circuit.Should().Be(CircuitState.Isolated);

        _handler.Next = HttpStatusCode.OK;
        _clock.Advance(TimeSpan.FromMinutes(4.9));
        await FluentActions.Awaiting(() => _sut.AnalyzeAsync(Document, CancellationToken.None)).Should().ThrowAsync<IsolatedCircuitException>();
        _handler.Calls.Should().Be(1, "nothing is sent while the key is known to be wrong");

        _clock.Advance(TimeSpan.FromMinutes(0.2));
        var opinions = await _sut.AnalyzeAsync(Document, CancellationToken.None);

        _sut.Circuit.Should().Be(CircuitState.Closed);
        _handler.Calls.Should().Be(2);
        opinions["1"].Negative.Should().Be(0.95);
    }

    [Fact]
    public async Task AnalyzeAsync_KeyRefusedAgainAfterTheBreak_IsolatesForAnotherBreak()
    {
        _handler.Next = HttpStatusCode.Forbidden;
        await FluentActions.Awaiting(() => _sut.AnalyzeAsync(Document, CancellationToken.None)).Should().ThrowAsync<AzureLanguageException>();
        _clock.Advance(TimeSpan.FromMinutes(5));

        await FluentActions.Awaiting(() => _sut.AnalyzeAsync(Document, CancellationToken.None)).Should().ThrowAsync<AzureLanguageException>();

        _sut.Circuit.Should().Be(CircuitState.Isolated);
        _handler.Calls.Should().Be(2, "one probe after the break, not a retry storm");
    }

    /// <summary>Answers every request with <see cref="Next"/>: Azure's error body, or a one-document result for 200.</summary>
    private sealed class StatusHandler : HttpMessageHandler
    {
        public HttpStatusCode Next { get; set; } = HttpStatusCode.OK;

        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            var body = Next == HttpStatusCode.OK ? Answer : """{"error":{"code":"Unauthorized","message":"Access denied due to invalid subscription key."}}""";
            return Task.FromResult(new HttpResponseMessage(Next) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
