using KlassenouderBot.Platforms;

namespace KlassenouderBot.Playground;

/// <summary>Playground events, EventIds 1500–1599. Never the text anyone typed.</summary>
internal static partial class PlaygroundLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Playground is served at / (default room {Room})")]
    public static partial void PlaygroundEnabled(this ILogger logger, string room);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "Playground message {MessageId} in room {Room} ({Length} characters)")]
    public static partial void MessageReceived(this ILogger logger, string messageId, string room, int length);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Debug, Message = "Playground bot posted a {Kind} in room {Room}")]
    public static partial void GroupMessageRecorded(this ILogger logger, OutboundKind kind, string room);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Debug, Message = "Playground bot sent a private {Kind} in room {Room}")]
    public static partial void PrivateMessageRecorded(this ILogger logger, OutboundKind kind, string room);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Playground room {Room} linked to groep {Groep}")]
    public static partial void RoomLinked(this ILogger logger, string room, string groep);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Information, Message = "Playground room {Room} reset")]
    public static partial void RoomReset(this ILogger logger, string room);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Error, Message = "The pipeline failed on playground message {MessageId} in room {Room}")]
    public static partial void PipelineFailed(this ILogger logger, Exception exception, string messageId, string room);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Warning, Message = "Playground send refused: {Reason} ({Room})")]
    public static partial void SendRefused(this ILogger logger, string reason, string room);
}
