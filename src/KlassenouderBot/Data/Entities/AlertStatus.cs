namespace KlassenouderBot.Data.Entities;

/// <summary>Where a class parent is with an alert. Stored as snake_case text.</summary>
public enum AlertStatus
{
    Open,
    Claimed,
    Resolved,
    FalseAlarm,
}
