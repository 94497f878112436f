using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;

namespace KlassenouderBot.Alerts;

/// <summary>
/// Builds the platform-neutral <see cref="AlertView"/> a card is drawn from, from the engine's alert (when
/// sending) or from the stored record (after someone answered). Times are shown in the school's zone.
/// </summary>
public static class AlertViews
{
    public static AlertView FromDetails(string id, AlertDetails details, TimeZoneInfo timeZone) => new()
    {
        Id = id,
        LevelLabel = LevelLabel(details.Level, details.Severe),
        Groep = details.Groep,
        Summary = details.Summary,
        SuggestedStep = details.SuggestedStep,
        WindowStart = TimeZoneInfo.ConvertTime(details.WindowStart, timeZone),
        WindowEnd = TimeZoneInfo.ConvertTime(details.WindowEnd, timeZone),
        Excerpts = details.Excerpts,
    };

    public static AlertView FromRecord(AlertRecord record, IReadOnlyList<string> excerpts, TimeZoneInfo timeZone) => new()
    {
        Id = record.Id.ToString(),
        LevelLabel = LevelLabel(record.Level, record.Severe),
        Groep = record.Groep,
        Summary = record.Summary,
        SuggestedStep = record.SuggestedStep,
        WindowStart = TimeZoneInfo.ConvertTime(record.WindowStart, timeZone),
        WindowEnd = TimeZoneInfo.ConvertTime(record.WindowEnd, timeZone),
        Excerpts = excerpts,
        Status = record.Status switch
        {
            AlertStatus.Claimed => AlertViewStatus.Claimed,
            AlertStatus.Resolved => AlertViewStatus.Resolved,
            AlertStatus.FalseAlarm => AlertViewStatus.FalseAlarm,
            _ => AlertViewStatus.Open,
        },
        HandledBy = record.HandledBy,
        HandledAt = record.HandledAt is { } at ? TimeZoneInfo.ConvertTime(at, timeZone) : null,
    };

    /// <summary>The level in the words a class parent uses.</summary>
    public static string LevelLabel(EscalationLevel level, bool severe) => severe
        ? "Direct gemeld: een ernstig bericht"
        : level switch
        {
            EscalationLevel.Escalated => "Geëscaleerd",
            EscalationLevel.Heated => "Verhit",
            EscalationLevel.Warming => "Loopt op",
            _ => "Rustig",
        };
}
