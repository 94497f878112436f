namespace KlassenouderBot.Platforms.Discord.Gateway;

/// <summary>What a shard does after its connection ends.</summary>
internal enum NextStep
{
    /// <summary>Connect to the resume URL and send Resume: Discord replays what was missed.</summary>
    Resume,

    /// <summary>Start a new session with Identify (events of the old one are gone).</summary>
    Reidentify,

    /// <summary>A setting is wrong; trying again would only burn identifies. Stop and say what to fix.</summary>
    Stop,

    /// <summary>The app is shutting down.</summary>
    Shutdown,
}

/// <summary>Discord's gateway close codes and what each means for the shard (Discord's "reconnect" column, as discord.js applies it).</summary>
internal static class GatewayCloseCodes
{
    public const int ResumableClose = 4000;

    public static (NextStep Next, string Meaning) Classify(int? closeCode) => closeCode switch
    {
        null => (NextStep.Resume, "the connection dropped without a close code"),
        1000 or 1001 => (NextStep.Reidentify, "Discord closed the session"),
        4000 => (NextStep.Resume, "unknown error"),
        4001 => (NextStep.Resume, "Discord did not understand an opcode"),
        4002 => (NextStep.Resume, "Discord could not decode a payload"),
        4003 => (NextStep.Reidentify, "sent before identifying"),
        4004 => (NextStep.Stop, "authentication failed: Discord:Token is not a valid bot token (developer portal → Bot → Reset Token)"),
        4005 => (NextStep.Reidentify, "identified twice"),
        4007 => (NextStep.Reidentify, "invalid sequence on resume"),
        4008 => (NextStep.Resume, "sent too many payloads"),
        4009 => (NextStep.Reidentify, "the session timed out"),
        4010 => (NextStep.Stop, "invalid shard: check Discord:ShardCount and Discord:ShardIds"),
        4011 => (NextStep.Stop, "sharding required: the bot is in too many servers for one connection; set Discord:ShardCount"),
        4012 => (NextStep.Stop, "invalid API version"),
        4013 => (NextStep.Stop, "invalid intents"),
        4014 => (NextStep.Stop, "disallowed intents: switch on Message Content Intent in the developer portal (Bot → Privileged Gateway Intents)"),
        _ => (NextStep.Resume, $"close code {closeCode}"),
    };
}
