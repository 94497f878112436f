using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Admin.Dashboard;

/// <summary>The dashboard's counts over the last four weeks, for the groepen an account may see.</summary>
public sealed record DashboardCounts(int OpenAlerts, int Nudges, int FaqAnswered, int FaqMissed);

public sealed class DashboardFigures(IDbContextFactory<BotDbContext> contextFactory, TimeProvider time)
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(28);

    public async Task<DashboardCounts> CountAsync(CurrentAccount account, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow() - Period;
        var groepen = account.Groepen.ToArray();
        var all = account.IsSchoolAdmin;

        var alerts = db.Alerts.Where(a => all || (a.Groep != null && groepen.Contains(a.Groep)));
        var interventions = db.Interventions.Where(i => all || (i.Groep != null && groepen.Contains(i.Groep)));
        var answers = db.FaqAnswers.Where(a => all || (a.Groep != null && groepen.Contains(a.Groep)));

        return new DashboardCounts(
            await alerts.CountAsync(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Claimed, cancellationToken),
            await interventions.CountAsync(i => i.Kind == InterventionKind.PrivateNudge && i.CreatedAt >= since, cancellationToken),
            await answers.CountAsync(a => a.Answered && a.CreatedAt >= since, cancellationToken),
            await answers.CountAsync(a => !a.Answered && a.CreatedAt >= since, cancellationToken));
    }
}
