using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace KlassenouderBot.Platforms.Http;

/// <summary>
/// The Polly pipeline around every call to a chat platform's REST API: retries that wait as long as the
/// platform asks on 429 and back off with jitter on other transient failures; a circuit breaker so a dead
/// API is not hammered (and callers fail fast while it is down); a timeout per attempt. Each platform
/// says what is transient and where it puts its wait.
/// </summary>
public static class HttpResilience
{
    /// <summary>The longest wait a platform may ask for before the call is given up instead.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <param name="timeProvider">The clock for back-off, break and timeout.</param>
    /// <param name="settings">Retries (0 for none), back-off, circuit and per-attempt timeout.</param>
    /// <param name="isTransient">Which outcomes are worth another attempt (and, throttling aside, count as failures).</param>
    /// <param name="retryAfter">The wait the API asked for, or null for the exponential back-off.</param>
    /// <param name="circuit">Reads the circuit's state, e.g. for a health check; optional.</param>
    /// <param name="circuitControl">Opens (isolates) or closes the circuit by hand; optional.</param>
    public static ResiliencePipeline<HttpResponseMessage> Create(
        TimeProvider timeProvider,
        HttpResilienceSettings settings,
        Func<Outcome<HttpResponseMessage>, bool> isTransient,
        Func<HttpResponseMessage?, TimeSpan?> retryAfter,
        CircuitBreakerStateProvider? circuit = null,
        CircuitBreakerManualControl? circuitControl = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };

        // Polly refuses a retry strategy of zero attempts; no retries means no retry strategy.
        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(isTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(retryAfter(args.Outcome.Result)),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            StateProvider = circuit,
            ManualControl = circuitControl,
            FailureRatio = 0.5,
            MinimumThroughput = settings.CircuitMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = settings.BreakDuration,
            // Throttling is the API working as designed, not the API being down.
            ShouldHandle = args => ValueTask.FromResult(isTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
        });
        builder.AddTimeout(settings.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>Network failures, attempt timeouts, 429 and the 5xx answers that mean "try again".</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: OperationCanceledException } => false,
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    /// <summary>The wait a <c>Retry-After</c> header asks for, capped; null lets the exponential back-off decide.</summary>
    public static TimeSpan? RetryAfterHeader(HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var wait = retryAfter.Delta
            ?? (retryAfter.Date is { } date ? date - (response.Headers.Date ?? date) : (TimeSpan?)null);
        return Capped(wait);
    }

    /// <summary>A positive wait, at most <see cref="MaxRetryAfter"/>; null for none.</summary>
    public static TimeSpan? Capped(TimeSpan? wait) =>
        wait is { } delay && delay > TimeSpan.Zero ? (delay < MaxRetryAfter ? delay : MaxRetryAfter) : null;
}

/// <summary>Tunables of a platform's REST pipeline; tests shorten them.</summary>
public record HttpResilienceSettings
{
    public int MaxRetryAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public int CircuitMinimumThroughput { get; init; } = 8;

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);
}
