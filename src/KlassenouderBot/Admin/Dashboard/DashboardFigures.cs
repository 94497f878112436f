using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Admin.Inbox;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Admin.Dashboard;

/// <summary>The dashboard's counts over the last four weeks, for the groepen an account may see.</summary>
public sealed record DashboardCounts(int OpenAlerts, int Nudges, int FaqAnswered, int FaqMissed);

public sealed class DashboardFigures(IDbContextFactory<BotDbContext> contextFactory, SchoolSource school, TimeProvider time)
{
    public const int Days = 28;

    public static readonly TimeSpan Period = TimeSpan.FromDays(Days);

    public async Task<DashboardCounts> CountAsync(CurrentAccount account, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow() - Period;
        var groepen = account.Groepen.ToArray();
        var all = account.IsSchoolAdmin;

        var alerts = db.Alerts.VisibleTo(account);
        var interventions = db.Interventions.Where(i => all || (i.Groep != null && groepen.Contains(i.Groep)));
        var answers = db.FaqAnswers.Where(a => all || (a.Groep != null && groepen.Contains(a.Groep)));

        return new DashboardCounts(
            await alerts.CountAsync(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Claimed, cancellationToken),
            await interventions.CountAsync(i => i.Kind == InterventionKind.PrivateNudge && i.CreatedAt >= since, cancellationToken),
            await answers.CountAsync(a => a.Answered && a.CreatedAt >= since, cancellationToken),
            await answers.CountAsync(a => !a.Answered && a.CreatedAt >= since, cancellationToken));
    }

    /// <summary>
    /// Per class the account may see (in the school file's order, then chats linked to no class for a school
    /// admin), the temperature of each of the last 28 days in the school's time zone.
    /// </summary>
    public async Task<IReadOnlyList<ClassTemperature>> TemperatureAsync(CurrentAccount account, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var zone = school.Current.ResolveTimeZone();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var first = today.AddDays(1 - Days);

        // A day earlier than the first, so a day in the school's zone is whole whatever its offset.
        var since = new DateTimeOffset(first.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var groepen = account.Groepen.ToArray();
        var all = account.IsSchoolAdmin;

        var interventions = await db.Interventions.AsNoTracking()
            .Where(i => i.CreatedAt >= since && i.Kind != InterventionKind.Alert && (all || (i.Groep != null && groepen.Contains(i.Groep))))
            .Select(i => new { i.Groep, i.Kind, i.CreatedAt })
            .ToListAsync(cancellationToken);
        var alerts = await db.Alerts.AsNoTracking().VisibleTo(account)
            .Where(a => a.CreatedAt >= since)
            .Select(a => new { a.Groep, a.Severe, a.Status, a.CreatedAt })
            .ToListAsync(cancellationToken);

        DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

        var classes = school.Current.Classes.Select(c => (string?)c.Groep).Where(g => all || account.CanSee(g)).ToList();
        if (all && (interventions.Any(i => i.Groep is null) || alerts.Any(a => a.Groep is null)))
        {
            classes.Add(null);
        }

        return [.. classes.Select(groep => new ClassTemperature(groep, [.. Enumerable.Range(0, Days).Select(offset =>
        {
            var day = first.AddDays(offset);
            var dayInterventions = interventions.Where(i => SameGroep(i.Groep, groep) && DayOf(i.CreatedAt) == day).ToList();
            var dayAlerts = alerts.Where(a => SameGroep(a.Groep, groep) && DayOf(a.CreatedAt) == day).ToList();
            var level = Math.Max(
                dayInterventions.Count == 0 ? 0 : dayInterventions.Max(i => i.Kind == InterventionKind.GroupMessage ? 2 : 1),
                dayAlerts.Count == 0 ? 0 : dayAlerts.Max(a => a.Severe ? 4 : 3));
            return new DayTemperature(day, level, dayAlerts.Count, dayAlerts.Count(a => a.Status is AlertStatus.Open or AlertStatus.Claimed));
        })]))];
    }

    private static bool SameGroep(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
