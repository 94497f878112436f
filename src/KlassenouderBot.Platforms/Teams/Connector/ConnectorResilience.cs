using System.Net;
using KlassenouderBot.Platforms.Http;
using Polly;

namespace KlassenouderBot.Platforms.Teams.Connector;

/// <summary>
/// The shared REST pipeline with the Bot Connector's specifics: 412 (a conversation being created or
/// updated elsewhere) is also worth another try, and the wait comes from the <c>Retry-After</c> header.
/// </summary>
internal static class ConnectorResilience
{
    public static readonly TimeSpan MaxRetryAfter = HttpResilience.MaxRetryAfter;

    public static ResiliencePipeline<HttpResponseMessage> Create(TimeProvider timeProvider, ConnectorResilienceSettings settings) =>
        HttpResilience.Create(timeProvider, settings, IsTransient, RetryAfter);

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpResilience.IsTransient(outcome) || outcome.Result?.StatusCode == HttpStatusCode.PreconditionFailed;

    /// <summary>The wait the connector asked for, capped; null lets the exponential back-off decide.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response) => HttpResilience.RetryAfterHeader(response);
}

/// <summary>Tunables of the connector pipeline; tests shorten them.</summary>
internal sealed record ConnectorResilienceSettings : HttpResilienceSettings;
