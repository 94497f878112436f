using KlassenouderBot.Platforms.Discord.Rest;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Platforms.Discord.Gateway;

/// <summary>
/// <c>GET /gateway/bot</c>, reused for a minute: the gateway URL, the recommended shard count and the
/// session start limit. Identifies are booked against the remaining starts so a reconnect loop cannot use
/// up the day's allowance (Discord resets the token of a bot that does).
/// </summary>
internal sealed class GatewayDirectory(DiscordRestClient rest, GatewaySettings settings, TimeProvider timeProvider) : IDisposable
{
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private readonly Lock _starts = new();
    private GatewayBotResponse? _cached;
    private DateTimeOffset _fetchedAt;
    private int _remainingStarts;
    private DateTimeOffset _startsResetAt;

    public async Task<GatewayBotResponse> GetAsync(CancellationToken cancellationToken)
    {
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (_cached is null || now - _fetchedAt >= settings.GatewayInfoLifetime)
            {
                var answer = await rest.GetGatewayBotAsync(cancellationToken);
                if (answer.Url is not { Length: > 0 })
                {
                    throw new DiscordApiException("get gateway", 200, null, "no gateway URL in the answer");
                }

                _cached = answer;
                _fetchedAt = now;
                lock (_starts)
                {
                    _remainingStarts = answer.SessionStartLimit?.Remaining ?? int.MaxValue;
                    _startsResetAt = now + TimeSpan.FromMilliseconds(answer.SessionStartLimit?.ResetAfter ?? 0);
                }
            }

            return _cached;
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>Books one session start; returns how long to wait first when none are left.</summary>
    public TimeSpan BookSessionStart()
    {
        lock (_starts)
        {
            var now = timeProvider.GetUtcNow();
            if (_remainingStarts > 0 || now >= _startsResetAt)
            {
                _remainingStarts = Math.Max(0, _remainingStarts - 1);
                return TimeSpan.Zero;
            }

            return _startsResetAt - now;
        }
    }

    /// <summary>Makes the next <see cref="GetAsync"/> ask Discord again (the cached URL did not work).</summary>
    public void Forget() => _cached = null;

    public void Dispose() => _fetch.Dispose();
}
