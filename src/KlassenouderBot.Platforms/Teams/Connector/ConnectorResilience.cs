using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace KlassenouderBot.Platforms.Teams.Connector;

/// <summary>
/// The Polly pipeline around every Bot Connector call: retries that honour <c>Retry-After</c> on 429 and
/// back off with jitter on 412, 5xx and timeouts; a circuit breaker so a dead connector is not hammered
/// (and callers fail fast while it is down); a timeout per attempt.
/// </summary>
internal static class ConnectorResilience
{
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    public static ResiliencePipeline<HttpResponseMessage> Create(TimeProvider timeProvider, ConnectorResilienceSettings settings)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = settings.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = settings.BaseDelay,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
        });
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = 0.5,
            MinimumThroughput = settings.CircuitMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = settings.BreakDuration,
            // Throttling is the connector working as designed, not the connector being down.
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
        });
        builder.AddTimeout(settings.AttemptTimeout);
        return builder.Build();
    }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: OperationCanceledException } => false,
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests
            or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    /// <summary>The wait the connector asked for, capped; null lets the exponential back-off decide.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var wait = retryAfter.Delta
            ?? (retryAfter.Date is { } date ? date - (response.Headers.Date ?? date) : (TimeSpan?)null);
        return wait is { } delay && delay > TimeSpan.Zero ? (delay < MaxRetryAfter ? delay : MaxRetryAfter) : null;
    }
}

/// <summary>Tunables of the connector pipeline; tests shorten them.</summary>
internal sealed record ConnectorResilienceSettings
{
    public int MaxRetryAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public int CircuitMinimumThroughput { get; init; } = 8;

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);
}
