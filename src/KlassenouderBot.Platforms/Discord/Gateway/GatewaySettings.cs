namespace KlassenouderBot.Platforms.Discord.Gateway;

/// <summary>Timings of the gateway client. The defaults follow Discord's rules; tests shorten them.</summary>
internal sealed record GatewaySettings
{
    /// <summary>Discord allows <c>max_concurrency</c> identifies per this period (shard buckets).</summary>
    public TimeSpan IdentifySpacing { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After an invalid session, wait a random time in this range before identifying again.</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Back-off after connections that fail before they are ready: doubles up to the maximum.</summary>
    public TimeSpan ReconnectDelayBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for the WebSocket handshake and then for Hello.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Payloads larger than this are skipped rather than buffered: a school server's events are small, and a
    /// runaway payload must not take the process's memory.
    /// </summary>
    public int MaxPayloadBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Discord closes a connection that sends more than 120 payloads in 60 seconds.</summary>
    public int SendsPerMinute { get; init; } = 120;

    /// <summary>Slots of the minute kept free for heartbeats, whatever else is sent.</summary>
    public int HeartbeatReserve { get; init; } = 10;

    /// <summary>
    /// How old a session kept over a restart may be and still be tried. Discord keeps a session that was not closed
    /// with 1000/1001 for a few minutes (it does not say how long); a resume it refuses costs only an invalid session
    /// and a new identify, so the limit errs on the long side.
    /// </summary>
    public TimeSpan KeptSessionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long <c>/gateway/bot</c>'s answer is reused (it changes as the bot joins servers).</summary>
    public TimeSpan GatewayInfoLifetime { get; init; } = TimeSpan.FromMinutes(1);
}
