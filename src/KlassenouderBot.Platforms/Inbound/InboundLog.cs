namespace KlassenouderBot.Platforms.Inbound;

internal static partial class InboundLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Queued platform work '{Description}' failed with {ExceptionType}")]
    public static partial void WorkFailed(this ILogger logger, string description, string exceptionType);
}
