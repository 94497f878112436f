using KlassenouderBot.Platforms.Http;

namespace KlassenouderBot.Platforms.Discord.Gateway;

/// <summary>
/// Spaces identifies the way Discord requires: one per shard bucket (<c>shard_id % max_concurrency</c>)
/// per <see cref="GatewaySettings.IdentifySpacing"/>, and none while the day's session starts are used up
/// (going over resets the bot's token). Shared by all shards of the process.
/// </summary>
internal sealed class IdentifyThrottle(GatewaySettings settings, TimeProvider timeProvider)
{
    private readonly Dictionary<int, DateTimeOffset> _nextAllowed = [];
    private readonly Lock _gate = new();

    /// <summary>Waits for the shard's turn and books it.</summary>
    public async Task WaitTurnAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        var bucket = shardId % Math.Max(1, maxConcurrency);
        await SlotWaiter.WaitAsync(
            () =>
            {
                lock (_gate)
                {
                    var now = timeProvider.GetUtcNow();
                    var wait = _nextAllowed.GetValueOrDefault(bucket, DateTimeOffset.MinValue) - now;
                    if (wait <= TimeSpan.Zero)
                    {
                        _nextAllowed[bucket] = now + settings.IdentifySpacing;
                    }

                    return wait;
                }
            },
            timeProvider,
            cancellationToken);
    }
}
