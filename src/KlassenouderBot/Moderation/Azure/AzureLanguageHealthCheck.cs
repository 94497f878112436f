using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly.CircuitBreaker;

namespace KlassenouderBot.Moderation.Azure;

/// <summary>
/// <c>/readyz</c>'s view of Azure AI Language: degraded, never unhealthy, while its circuit is open; the bot
/// works on with the local analyser, so a load balancer should keep sending it messages.
/// </summary>
internal sealed class AzureLanguageHealthCheck(AzureSecondOpinion azure) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(azure.Client.Circuit switch
        {
            CircuitState.Closed => HealthCheckResult.Healthy("Azure AI Language answering"),
            CircuitState.HalfOpen => HealthCheckResult.Degraded("Azure AI Language circuit half-open: probing; the local analyser answers alone"),
            _ => HealthCheckResult.Degraded("Azure AI Language circuit open: the local analyser answers alone"),
        });
}
