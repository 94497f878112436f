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

        // Each record placed in its class and school day once, then read per day.
        var nudgeLevels = interventions.ToLookup(i => (Groep: i.Groep?.ToUpperInvariant(), Day: DayOf(i.CreatedAt)), i => i.Kind == InterventionKind.GroupMessage ? 2 : 1);
        var dayAlerts = alerts.ToLookup(a => (Groep: a.Groep?.ToUpperInvariant(), Day: DayOf(a.CreatedAt)));
        return [.. classes.Select(groep => new ClassTemperature(groep, [.. Enumerable.Range(0, Days).Select(offset =>
        {
            var key = (Groep: groep?.ToUpperInvariant(), Day: first.AddDays(offset));
            var levels = nudgeLevels[key].Concat(dayAlerts[key].Select(a => a.Severe ? 4 : 3)).DefaultIfEmpty(0);
            return new DayTemperature(key.Day, levels.Max(), dayAlerts[key].Count(), dayAlerts[key].Count(a => a.Status is AlertStatus.Open or AlertStatus.Claimed));
        })]))];
    }
}
