namespace KlassenouderBot.Platforms.Discord;

/// <summary>Discord events (EventIds 150–189). Ids, codes and reasons only: never what anyone wrote.</summary>
internal static partial class DiscordLog
{
    [LoggerMessage(EventId = 150, Level = LogLevel.Information, Message = "Discord rate-limited {Operation}; waiting {Seconds:0.###} s (global: {IsGlobal})")]
    public static partial void RateLimited(this ILogger logger, string operation, double seconds, bool isGlobal);

    [LoggerMessage(EventId = 151, Level = LogLevel.Critical, Message = "Discord rejected the bot token on {Operation} (401): check Discord:Token")]
    public static partial void TokenRejected(this ILogger logger, string operation);

    [LoggerMessage(EventId = 152, Level = LogLevel.Warning, Message = "Discord {Operation} answered {Status} (code {Code})")]
    public static partial void CallFailed(this ILogger logger, string operation, int status, int? code);

    [LoggerMessage(EventId = 153, Level = LogLevel.Information, Message = "Discord gateway shard {Shard}: connecting to {Kind}")]
    public static partial void GatewayConnecting(this ILogger logger, int shard, string kind);

    [LoggerMessage(EventId = 154, Level = LogLevel.Information, Message = "Discord gateway shard {Shard}: ready in {GuildCount} servers")]
    public static partial void GatewayReady(this ILogger logger, int shard, int guildCount);

    [LoggerMessage(EventId = 155, Level = LogLevel.Information, Message = "Discord gateway shard {Shard}: session resumed from sequence {Sequence}")]
    public static partial void GatewayResumed(this ILogger logger, int shard, long sequence);

    [LoggerMessage(EventId = 156, Level = LogLevel.Warning, Message = "Discord gateway shard {Shard}: connection ended ({Reason}); next: {Next}")]
    public static partial void GatewayDisconnected(this ILogger logger, int shard, string reason, string next);

    [LoggerMessage(EventId = 157, Level = LogLevel.Critical, Message = "Discord gateway shard {Shard} stopped for good: close code {CloseCode}, {Meaning}")]
    public static partial void GatewayFatal(this ILogger logger, int shard, int closeCode, string meaning);

    [LoggerMessage(EventId = 158, Level = LogLevel.Warning, Message = "Discord gateway shard {Shard}: no heartbeat acknowledgement since the last beat; reconnecting to resume")]
    public static partial void ZombieConnection(this ILogger logger, int shard);

    [LoggerMessage(EventId = 159, Level = LogLevel.Warning, Message = "Discord gateway shard {Shard}: a payload of more than {Limit} bytes was skipped")]
    public static partial void PayloadTooLarge(this ILogger logger, int shard, int limit);

    [LoggerMessage(EventId = 160, Level = LogLevel.Warning, Message = "Discord gateway shard {Shard}: an unreadable payload was skipped ({Problem})")]
    public static partial void PayloadUnreadable(this ILogger logger, int shard, string problem);

    [LoggerMessage(EventId = 161, Level = LogLevel.Error, Message = "Handling the Discord {Event} event failed with {ExceptionType}")]
    public static partial void DispatchFailed(this ILogger logger, string @event, string exceptionType);

    [LoggerMessage(EventId = 162, Level = LogLevel.Warning, Message = "Discord's gateway address could not be fetched ({Reason}); trying again in {Seconds:0} s")]
    public static partial void GatewayLookupFailed(this ILogger logger, string reason, double seconds);

    [LoggerMessage(EventId = 163, Level = LogLevel.Information, Message = "A {Kind} was not delivered: the member does not accept direct messages from the bot. Nothing was posted in the channel instead")]
    public static partial void DirectMessagesClosed(this ILogger logger, OutboundKind kind);

    [LoggerMessage(EventId = 164, Level = LogLevel.Warning, Message = "Could not find the {Kind} recipient in the Discord server: {Problem}")]
    public static partial void ContactNotFound(this ILogger logger, OutboundKind kind, string problem);

    [LoggerMessage(EventId = 165, Level = LogLevel.Information, Message = "Alert {AlertId} answered with {Choice} in Discord")]
    public static partial void AlertAnswered(this ILogger logger, string alertId, AlertChoice choice);

    [LoggerMessage(EventId = 166, Level = LogLevel.Warning, Message = "Answering a Discord {Kind} interaction failed: {Reason}")]
    public static partial void InteractionFailed(this ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 167, Level = LogLevel.Warning, Message = "Discord allows no more new sessions today; shard {Shard} waits {Minutes:0} min before identifying")]
    public static partial void SessionStartsExhausted(this ILogger logger, int shard, double minutes);

    [LoggerMessage(EventId = 168, Level = LogLevel.Information, Message = "Discord gateway: running shards [{ShardIds}] of {ShardCount}")]
    public static partial void ShardsPlanned(this ILogger logger, string shardIds, int shardCount);

    [LoggerMessage(EventId = 169, Level = LogLevel.Warning, Message = "Discord gateway shard {Shard}: the session is no longer valid (resumable: {Resumable})")]
    public static partial void InvalidSession(this ILogger logger, int shard, bool resumable);

    [LoggerMessage(EventId = 170, Level = LogLevel.Information, Message = "Discord gateway shard {Shard}: Discord asked for a reconnect")]
    public static partial void ReconnectRequested(this ILogger logger, int shard);

    [LoggerMessage(EventId = 171, Level = LogLevel.Warning, Message = "Posting the welcome in a new Discord server failed: {Reason}")]
    public static partial void WelcomeFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 172, Level = LogLevel.Information, Message = "Discord gateway shard {Shard}: session kept at sequence {Sequence} for the next start to resume")]
    public static partial void SessionKept(this ILogger logger, int shard, long sequence);

    [LoggerMessage(EventId = 173, Level = LogLevel.Warning, Message = "Discord gateway shard {Shard}: the session could not be kept for the next start ({ExceptionType}); it will start a new one")]
    public static partial void SessionNotKept(this ILogger logger, int shard, string exceptionType);

    [LoggerMessage(EventId = 174, Level = LogLevel.Information, Message = "Discord gateway shard {Shard}: resuming the session kept at the last stop ({Seconds:0} s ago, sequence {Sequence})")]
    public static partial void ResumingKeptSession(this ILogger logger, int shard, double seconds, long sequence);

    [LoggerMessage(EventId = 175, Level = LogLevel.Information, Message = "Discord gateway shard {Shard}: the session kept at the last stop is not used ({Reason}); starting a new one")]
    public static partial void KeptSessionNotUsed(this ILogger logger, int shard, string reason);

    [LoggerMessage(EventId = 176, Level = LogLevel.Warning, Message = "Discord gateway shard {Shard}: reading the session kept at the last stop failed ({ExceptionType}); starting a new one")]
    public static partial void KeptSessionUnreadable(this ILogger logger, int shard, string exceptionType);
}
