using KlassenouderBot.Platforms.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>
/// <c>/readyz</c>'s view of Discord: healthy when every shard has a live session (or Discord is off),
/// degraded while a shard connects or reconnects, unhealthy when the gateway stopped on a setting Discord
/// refused, with what to fix.
/// </summary>
internal sealed class DiscordHealthCheck(DiscordOptions options, DiscordGatewayService gateway) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.IsConfigured)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Discord is not configured"));
        }

        var shards = gateway.Shards;
        var stopped = gateway.StopReason ?? shards.FirstOrDefault(s => s.Status == ShardStatus.Stopped)?.StopReason;
        if (stopped is not null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Discord gateway stopped: {stopped}"));
        }

        return Task.FromResult(shards.Count > 0 && shards.All(s => s.Status == ShardStatus.Connected)
            ? HealthCheckResult.Healthy($"{shards.Count} Discord shard(s) connected")
            : HealthCheckResult.Degraded("Discord gateway connecting"));
    }
}
