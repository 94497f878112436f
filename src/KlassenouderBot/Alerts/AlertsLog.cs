using KlassenouderBot.Data.Entities;

namespace KlassenouderBot.Alerts;

/// <summary>Alert events (EventIds 1150–1199; School uses 1100–1149).</summary>
internal static partial class AlertsLog
{
    [LoggerMessage(EventId = 1150, Level = LogLevel.Information, Message = "Alert {AlertId} is now {Status}")]
    public static partial void AlertAnswered(this ILogger logger, Guid alertId, AlertStatus status);
}
