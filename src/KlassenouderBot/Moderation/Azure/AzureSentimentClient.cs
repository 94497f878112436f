using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KlassenouderBot.Platforms.Http;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace KlassenouderBot.Moderation.Azure;

/// <summary>
/// One call to Azure AI Language's sentiment analysis with opinion mining, for up to ten documents, through a
/// Polly pipeline: a budget for the whole call; retries with jittered exponential back-off that wait as long as a
/// 429 or 503 asks (Retry-After); a circuit breaker that opens after repeated failures and lets one probe through
/// after a while; a timeout per attempt. A refused key opens the circuit at once, for longer: retrying a wrong key
/// is a storm of 401s.
/// </summary>
internal sealed partial class AzureSentimentClient : IDisposable
{
    public const int MaxDocumentsPerCall = 10;

    private const string ApiVersion = "2023-04-01";

    private readonly HttpClient _http;
    private readonly AzureLanguageOptions _options;
    private readonly TimeProvider _time;
    private readonly AzureLanguageMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Uri _requestUri;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly CircuitBreakerManualControl _manualControl = new();
    private readonly Lock _refusedGate = new();
    private ITimer? _refusedKeyTimer;

    public AzureSentimentClient(HttpClient http, AzureLanguageOptions options, TimeProvider time, AzureLanguageMetrics metrics, ILogger<AzureSentimentClient> logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _requestUri = new Uri($"{options.Endpoint!.TrimEnd('/')}/language/:analyze-text?api-version={ApiVersion}");
        _pipeline = BuildPipeline();
    }

    /// <summary>Closed while Azure answers; open (or isolated after a refused key) while the bot skips it.</summary>
    public CircuitState Circuit => _circuit.CircuitState;

    /// <summary>
    /// Each document's opinion by id; a document Azure answered with an error is missing (the others stand).
    /// Throws when the call as a whole fails: the caller falls back to the local verdict.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, AzureOpinion>> AnalyzeAsync(IReadOnlyList<InputDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(documents.Count, MaxDocumentsPerCall);
        var body = JsonSerializer.SerializeToUtf8Bytes(new AnalyzeTextRequest(
            "SentimentAnalysis",
            new SentimentParameters("latest", OpinionMining: true, LoggingOptOut: true, "Utf16CodeUnit"),
            new AnalysisInput(documents)));

        var started = _time.GetTimestamp();
        _metrics.Called();
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, _requestUri) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    request.Headers.Add("Ocp-Apim-Subscription-Key", _options.Key);
                    return await _http.SendAsync(request, token);
                },
                cancellationToken);

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                await RefuseKeyAsync(response.StatusCode);
                throw new AzureLanguageException($"Azure AI Language refused the key ({(int)response.StatusCode})", reported: true);
            }

            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new AzureLanguageException($"Azure AI Language answered {(int)response.StatusCode} {ErrorCode(json)}");
            }

            return Opinions(json);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _metrics.Failed();

            // While the circuit is open every batch is skipped; that was said when it opened, not once per message.
            if (exception is not (BrokenCircuitException or AzureLanguageException { Reported: true }))
            {
                LogCallFailed(exception is TimeoutRejectedException ? "no answer within the budget" : exception.GetType().Name, exception is AzureLanguageException ? exception.Message : "");
            }

            throw;
        }
        finally
        {
            _metrics.Took(_time.GetElapsedTime(started));
        }
    }

    private Dictionary<string, AzureOpinion> Opinions(string json)
    {
        AnalyzeTextResponse? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<AnalyzeTextResponse>(json);
        }
        catch (JsonException exception)
        {
            throw new AzureLanguageException($"Azure AI Language sent JSON the bot cannot read ({exception.Path ?? "root"})");
        }

        if (parsed?.Results?.Documents is not { } documents)
        {
            throw new AzureLanguageException("Azure AI Language sent no results.documents");
        }

        foreach (var error in parsed.Results.Errors ?? [])
        {
            _metrics.DocumentRefused();
            LogDocumentRefused(error.Id, error.Error?.Code ?? "unknown");
        }

        var opinions = new Dictionary<string, AzureOpinion>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var targets = (document.Sentences ?? [])
                .SelectMany(s => s.Targets ?? [])
                .Where(t => t.Sentiment == "negative")
                .Select(t => t.Text.Trim().ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToList();
            opinions[document.Id] = new AzureOpinion(document.Sentiment, document.ConfidenceScores.Negative, document.ConfidenceScores.Positive, targets);
        }

        return opinions;
    }

    private static string ErrorCode(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ErrorResponse>(json)?.Error?.Code ?? "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    /// <summary>A wrong key does not mend itself: open the circuit now, say so once, and try again much later.</summary>
    private async Task RefuseKeyAsync(HttpStatusCode status)
    {
        lock (_refusedGate)
        {
            if (_refusedKeyTimer is not null)
            {
                return;
            }

            _refusedKeyTimer = _time.CreateTimer(_ => ProbeAgain(), null, _options.RefusedKeyBreakDuration, Timeout.InfiniteTimeSpan);
        }

        LogKeyRefused((int)status, _options.RefusedKeyBreakDuration.TotalMinutes);
        await _manualControl.IsolateAsync();
    }

    private void ProbeAgain()
    {
        lock (_refusedGate)
        {
            _refusedKeyTimer?.Dispose();
            _refusedKeyTimer = null;
        }

        _ = _manualControl.CloseAsync();
    }

    /// <summary>The platforms' REST pipeline (retries, breaker, attempt timeout) inside the budget for the whole call.</summary>
    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var perCall = new HttpResilienceSettings
        {
            MaxRetryAttempts = _options.MaxRetryAttempts,
            BaseDelay = _options.RetryBaseDelay,

            // An attempt that hangs is cut before the budget runs out, so it counts as a failure for the breaker.
            AttemptTimeout = TimeSpan.FromTicks(_options.Budget.Ticks * 3 / 4),
            CircuitMinimumThroughput = _options.CircuitMinimumThroughput,
            BreakDuration = _options.BreakDuration,
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddTimeout(_options.Budget)
            .AddPipeline(HttpResilience.Create(_time, perCall, HttpResilience.IsTransient, HttpResilience.RetryAfterHeader, _circuit, _manualControl))
            .Build();
    }

    public void Dispose()
    {
        lock (_refusedGate)
        {
            _refusedKeyTimer?.Dispose();
            _refusedKeyTimer = null;
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Azure AI Language call failed ({Reason}) {Detail}; the local analyser's verdict stands alone")]
    private partial void LogCallFailed(string reason, string detail);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Azure AI Language could not assess document {DocumentId} ({Code}); that message keeps the local verdict")]
    private partial void LogDocumentRefused(string documentId, string code);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Azure AI Language refused the key (HTTP {Status}): check AzureLanguage:Key and AzureLanguage:Endpoint. Azure is skipped for {Minutes} minutes; the local analyser works alone")]
    private partial void LogKeyRefused(int status, double minutes);
}
