using KlassenouderBot.Moderation;

namespace KlassenouderBot.Outbox;

/// <summary>
/// Outbox events. EventIds 1410–1419, kept from when the intervention sink lived in Data (1400–1499). Ids,
/// kinds and reasons only: never message text.
/// </summary>
internal static partial class OutboxLog
{
    [LoggerMessage(1410, LogLevel.Error, "Could not store {Kind} intervention {InterventionId} before sending; sending anyway")]
    public static partial void InterventionStoreFailed(this ILogger logger, Exception exception, InterventionKind kind, Guid interventionId);

    [LoggerMessage(1411, LogLevel.Warning, "Sending {Kind} intervention {InterventionId} threw {ExceptionType}")]
    public static partial void InterventionSendThrew(this ILogger logger, InterventionKind kind, Guid interventionId, string exceptionType);

    [LoggerMessage(1412, LogLevel.Warning, "{Kind} intervention {InterventionId} was not delivered: {FailureReason}")]
    public static partial void InterventionNotDelivered(this ILogger logger, InterventionKind kind, Guid interventionId, string? failureReason);

    [LoggerMessage(1413, LogLevel.Error, "Could not record the outcome of {Kind} intervention {InterventionId}")]
    public static partial void InterventionOutcomeStoreFailed(this ILogger logger, Exception exception, InterventionKind kind, Guid interventionId);

    [LoggerMessage(1414, LogLevel.Information, "Alert {InterventionId} is held through the school's quiet hours until {SendAfter:O}")]
    public static partial void AlertHeld(this ILogger logger, Guid interventionId, DateTimeOffset sendAfter);

    [LoggerMessage(1415, LogLevel.Warning, "An outbox round failed ({ExceptionType}); the deliveries stay stored and the next round tries again")]
    public static partial void OutboxRoundFailed(this ILogger logger, string exceptionType);

    [LoggerMessage(1417, LogLevel.Warning, "{Kind} intervention {InterventionId} was being sent when its instance stopped; the platform cannot deduplicate, so it is not sent again")]
    public static partial void DeliveryInDoubt(this ILogger logger, InterventionKind kind, Guid interventionId);

    [LoggerMessage(1418, LogLevel.Error, "{Kind} intervention {InterventionId} is a dead letter: {Reason}")]
    public static partial void DeliveryDeadLettered(this ILogger logger, InterventionKind kind, Guid interventionId, string reason);
}
