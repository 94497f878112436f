using System.Net;
using KlassenouderBot.Platforms.Discord.Rest;

namespace KlassenouderBot.Platforms.Discord.Gateway;

/// <summary>
/// Runs the gateway when Discord is configured: asks <c>/gateway/bot</c> for the recommended shard count
/// (unless <c>Discord:ShardCount</c> fixes it), then one <see cref="GatewayShard"/> per shard id this
/// instance runs (<c>Discord:ShardIds</c>, default all), each identifying in its turn or resuming the
/// session it kept at the last stop.
/// </summary>
internal sealed class DiscordGatewayService(
    DiscordOptions options,
    GatewayDirectory directory,
    IdentifyThrottle identifyThrottle,
    IGatewayEvents events,
    GatewaySessionKeeper sessions,
    GatewaySettings settings,
    TimeProvider timeProvider,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    private volatile IReadOnlyList<GatewayShard> _shards = [];

    /// <summary>The shards this instance runs (empty until planned).</summary>
    public IReadOnlyList<GatewayShard> Shards => _shards;

    /// <summary>Set when the gateway could not even be planned (the token was refused).</summary>
    public string? StopReason { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.IsConfigured)
        {
            return;
        }

        var shardCount = await PlanShardCountAsync(stoppingToken);
        if (shardCount is not { } count)
        {
            return;
        }

        // In order, so the identify buckets start in order (Discord asks for that).
        List<int> ids = options.ShardIds.Count > 0 ? [.. options.ShardIds.Order()] : [.. Enumerable.Range(0, count)];
        var idList = string.Join(",", ids);
        logger.ShardsPlanned(idList, count);
        _shards = [.. ids.Select(id => new GatewayShard(id, count, options, directory, identifyThrottle, events, sessions, settings, timeProvider, logger))];
        await Task.WhenAll(_shards.Select(shard => shard.RunAsync(stoppingToken)));
    }

    private async Task<int?> PlanShardCountAsync(CancellationToken stoppingToken)
    {
        if (options.ShardCount > 0)
        {
            return options.ShardCount;
        }

        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var info = await directory.GetAsync(stoppingToken);
                return Math.Max(1, info.Shards);
            }
            catch (DiscordApiException exception) when (exception.Status == (int)HttpStatusCode.Unauthorized)
            {
                StopReason = "Discord refused the bot token: check Discord:Token";
                logger.GatewayFatal(-1, 4004, StopReason);
                return null;
            }
            catch (DiscordApiException exception)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt - 1)));
                logger.GatewayLookupFailed(exception.Reason, wait.TotalSeconds);
                try
                {
                    await Task.Delay(wait, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        return null;
    }
}
