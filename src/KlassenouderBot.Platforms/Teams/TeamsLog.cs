namespace KlassenouderBot.Platforms.Teams;

/// <summary>Teams events (EventIds 110–149). Ids, statuses and reasons only: never what anyone wrote.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Rejected a request to /api/messages ({Status}): {Reason}")]
    public static partial void RequestRejected(this ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "Unreadable activity on /api/messages: {Problem}")]
    public static partial void MalformedActivity(this ILogger logger, string problem);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Bot Connector {Operation} answered {Status} {ErrorCode} (operation id {CorrelationId})")]
    public static partial void ConnectorCallFailed(this ILogger logger, string operation, int status, string? errorCode, string? correlationId);

    [LoggerMessage(EventId = 113, Level = LogLevel.Warning, Message = "Could not find the {Kind} recipient in the Teams conversation: {Problem}")]
    public static partial void ContactNotFound(this ILogger logger, OutboundKind kind, string problem);

    [LoggerMessage(EventId = 114, Level = LogLevel.Information, Message = "Alert {AlertId} answered with {Choice} in Teams")]
    public static partial void AlertAnswered(this ILogger logger, string alertId, AlertChoice choice);

    [LoggerMessage(EventId = 115, Level = LogLevel.Warning, Message = "Anonymous access to /api/messages is on (BotFramework:AllowUnauthenticated); use it only on this machine")]
    public static partial void AnonymousAccessOn(this ILogger logger);

    [LoggerMessage(EventId = 116, Level = LogLevel.Warning, Message = "Refused an activity whose service URL host is not in BotFramework:AllowedServiceUrlHosts")]
    public static partial void ServiceUrlNotAllowed(this ILogger logger);

    [LoggerMessage(EventId = 117, Level = LogLevel.Warning, Message = "Updating the alert card in Teams failed: {Reason}")]
    public static partial void CardUpdateFailed(this ILogger logger, string reason);
}
