using System.Text.Json;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Alerts;

/// <summary>
/// Stores a class parent's answer on an alert card (Teams, Discord, later the admin inbox: one state),
/// with an audit entry. The first answer stands: a second press shows who already took it up instead of
/// overwriting them. "Geen probleem" is kept as a false alarm, which is how the school sees the bot's
/// false-alarm rate. "Opgelost" may follow "Ik pak het op" (or come straight away); nothing follows it.
/// </summary>
public sealed class AlertActions(
    IDbContextFactory<BotDbContext> contextFactory,
    SchoolSource school,
    TimeProvider timeProvider,
    ILogger<AlertActions> logger) : IAlertActions
{
    public async Task<AlertView?> ApplyAsync(AlertAction action, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(action.AlertId, out var id))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var (status, verb) = action.Choice switch
        {
            AlertChoice.Claim => (AlertStatus.Claimed, "alert.claimed"),
            AlertChoice.Resolve => (AlertStatus.Resolved, "alert.resolved"),
            _ => (AlertStatus.FalseAlarm, "alert.false_alarm"),
        };
        var from = action.Choice == AlertChoice.Resolve ? new[] { AlertStatus.Open, AlertStatus.Claimed } : [AlertStatus.Open];
        var handledBy = Truncate(action.Actor.DisplayName.Length > 0 ? action.Actor.DisplayName : "onbekend", 200);

        // One conditional update, so two people pressing at the same moment cannot both win.
        var answered = await db.Alerts
            .Where(a => a.Id == id && from.Contains(a.Status))
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.Status, status).SetProperty(a => a.HandledBy, handledBy).SetProperty(a => a.HandledAt, now),
                cancellationToken);
        if (answered == 1)
        {
            db.AuditEntries.Add(AuditEntry.Of(Truncate($"{action.Actor.DisplayName} ({action.Actor.AadObjectId ?? action.Actor.Id})", 300), verb, "alert", id.ToString(), now));
            await db.SaveChangesAsync(cancellationToken);
            logger.AlertAnswered(id, status);
        }

        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return null;
        }

        return AlertViews.FromRecord(alert, Excerpts(alert), school.Current.ResolveTimeZone());
    }

    internal static string[] Excerpts(AlertRecord alert) =>
        alert.Excerpts is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, DataJsonContext.Default.StringArray) ?? []
            : [];

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
