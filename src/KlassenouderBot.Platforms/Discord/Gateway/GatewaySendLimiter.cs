using KlassenouderBot.Platforms.Http;

namespace KlassenouderBot.Platforms.Discord.Gateway;

/// <summary>
/// Keeps one connection under Discord's 120 payloads per 60 seconds (more closes it with 4008), with a
/// few slots reserved so a heartbeat always gets through.
/// </summary>
internal sealed class GatewaySendLimiter(GatewaySettings settings, TimeProvider timeProvider)
{
    private readonly SlidingWindow _window = new(TimeSpan.FromSeconds(60), settings.SendsPerMinute);
    private readonly Lock _gate = new();

    public ValueTask WaitAsync(bool isHeartbeat, CancellationToken cancellationToken) =>
        SlotWaiter.WaitAsync(
            () =>
            {
                lock (_gate)
                {
                    return _window.TryBook(timeProvider.GetUtcNow(), isHeartbeat ? 0 : settings.HeartbeatReserve);
                }
            },
            timeProvider,
            cancellationToken);
}
