namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>How a <see cref="FakeDiscord"/> behaves; the defaults fit one bot in one guild with every intent enabled.</summary>
internal sealed record FakeDiscordOptions
{
    /// <summary>The <c>heartbeat_interval</c> in Hello. Small, so zombie and heartbeat tests finish quickly (Discord sends ~41 250).</summary>
    public int HeartbeatIntervalMs { get; init; } = 1000;

    /// <summary>The <c>shards</c> in <c>GET /gateway/bot</c>.</summary>
    public int RecommendedShards { get; init; } = 1;

    /// <summary>The <c>session_start_limit.max_concurrency</c> in <c>GET /gateway/bot</c>.</summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>Intent bits the fake knows (bits 0–21); an Identify asking for any other bit is closed with 4013.</summary>
    public long AllowedIntents { get; init; } = 0b1111111111111111111111;

    /// <summary>
    /// The privileged intents "enabled in the Developer Portal": GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT by
    /// default. An Identify asking for a privileged bit that is not here is closed with 4014.
    /// </summary>
    public long EnabledPrivilegedIntents { get; init; } = (1 << 1) | (1 << 8) | (1 << 15);

    /// <summary>The guilds the bot is in: listed unavailable in READY, then sent one GUILD_CREATE each.</summary>
    public IReadOnlyList<FakeGuild> Guilds { get; init; } = [FakeGuild.Default];

    /// <summary>Close with 4008 when a connection sends more than 120 payloads in 60 s, as Discord does.</summary>
    public bool EnforceSendRateLimit { get; init; } = true;
}

/// <summary>A guild the fake serves, with its channels.</summary>
internal sealed record FakeGuild(string Id, string Name, IReadOnlyList<FakeChannel> Channels, string? SystemChannelId = null)
{
    /// <summary>The school's parent server: two class channels, <c>groep-5</c> (also the system channel) and <c>groep-3</c>.</summary>
    public static FakeGuild Default { get; } = new(
        "1200000000000000001",
        "Wilgenhoek ouders",
        [new FakeChannel("1200000000000000010", "groep-5"), new FakeChannel("1200000000000000011", "groep-3")],
        SystemChannelId: "1200000000000000010");
}

/// <summary>A guild channel; <paramref name="Type"/> 0 is a text channel, 4 a category, 11 a public thread.</summary>
internal sealed record FakeChannel(string Id, string Name, int Type = 0, string? ParentId = null);

/// <summary>A guild member, as the member search answers it.</summary>
internal sealed record FakeMember(string UserId, string Username, string? GlobalName = null, string? Nick = null, bool Bot = false);
