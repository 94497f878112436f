using System.Text.Json;

namespace KlassenouderBot.Platforms.Discord.Wire;

// Gateway payloads (Gateway v10, JSON encoding). Only the fields the bot reads or writes; everything is
// optional on the way in, because Discord adds fields and sometimes sends partial objects.

/// <summary><c>GET /gateway/bot</c>.</summary>
internal sealed class GatewayBotResponse
{
    public string? Url { get; set; }

    public int Shards { get; set; }

    public SessionStartLimit? SessionStartLimit { get; set; }
}

/// <summary>How many identifies are left today and how many may run at once.</summary>
internal sealed class SessionStartLimit
{
    public int Total { get; set; }

    public int Remaining { get; set; }

    /// <summary>Milliseconds until <see cref="Remaining"/> resets.</summary>
    public long ResetAfter { get; set; }

    /// <summary>Identifies allowed per 5 seconds (shard buckets).</summary>
    public int MaxConcurrency { get; set; } = 1;
}

/// <summary>Every gateway message: <c>{op, d, s, t}</c>.</summary>
internal sealed class GatewayPayload
{
    public int Op { get; set; }

    public JsonElement? D { get; set; }

    public long? S { get; set; }

    public string? T { get; set; }
}

/// <summary>op 10.</summary>
internal sealed class HelloData
{
    /// <summary>Milliseconds.</summary>
    public double HeartbeatInterval { get; set; }
}

/// <summary>op 2.</summary>
internal sealed class IdentifyData
{
    public required string Token { get; set; }

    public required long Intents { get; set; }

    public required IdentifyProperties Properties { get; set; }

    public int[]? Shard { get; set; }
}

/// <summary>Who is connecting (names without the old <c>$</c> prefix).</summary>
internal sealed class IdentifyProperties
{
    public required string Os { get; set; }

    public required string Browser { get; set; }

    public required string Device { get; set; }
}

/// <summary>op 6; the sequence is named <c>seq</c> here, not <c>s</c>.</summary>
internal sealed class ResumeData
{
    public required string Token { get; set; }

    public required string SessionId { get; set; }

    public required long Seq { get; set; }
}

/// <summary>The READY dispatch.</summary>
internal sealed class ReadyData
{
    public DiscordUser? User { get; set; }

    public List<UnavailableGuild>? Guilds { get; set; }

    public string? SessionId { get; set; }

    public string? ResumeGatewayUrl { get; set; }

    public PartialApplication? Application { get; set; }
}

internal sealed class UnavailableGuild
{
    public string? Id { get; set; }

    public bool? Unavailable { get; set; }
}

internal sealed class PartialApplication
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

/// <summary>GUILD_CREATE (and GUILD_UPDATE: the same fields, without channels).</summary>
internal sealed class GuildData
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? Unavailable { get; set; }

    public DateTimeOffset? JoinedAt { get; set; }

    public string? SystemChannelId { get; set; }

    public List<DiscordChannel>? Channels { get; set; }

    public List<DiscordChannel>? Threads { get; set; }
}

/// <summary>A guild channel, thread or DM channel.</summary>
internal sealed class DiscordChannel
{
    public string? Id { get; set; }

    public int Type { get; set; }

    public string? Name { get; set; }

    public string? GuildId { get; set; }

    /// <summary>For a thread: the channel it hangs under.</summary>
    public string? ParentId { get; set; }
}
