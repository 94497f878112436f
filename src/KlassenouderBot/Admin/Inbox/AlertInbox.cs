using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Alerts;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Admin.Inbox;

/// <summary>Whether an account may see an alert.</summary>
public enum AlertAccess
{
    Allowed,
    NotFound,
    Forbidden,
}

/// <summary>
/// The alert inbox: the alerts an account may see (a school admin all, a teacher or class parent those of their
/// own groepen), newest first, and the same actions as the buttons in Teams and Discord.
/// </summary>
public sealed class AlertInbox(IDbContextFactory<BotDbContext> contextFactory, IAlertActions actions, SchoolConfiguration school)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyList<AlertView>> ListAsync(CurrentAccount account, bool openOnly, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Alerts.AsNoTracking();
        if (!account.IsSchoolAdmin)
        {
            var groepen = account.Groepen.ToArray();
            query = query.Where(a => a.Groep != null && groepen.Contains(a.Groep));
        }

        if (openOnly)
        {
            query = query.Where(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Claimed);
        }

        var records = await query.OrderByDescending(a => a.CreatedAt).Take(PageSize).ToListAsync(cancellationToken);
        var zone = school.ResolveTimeZone();

        // Excerpts stay on the alert's own page; the list shows what is going on, not what was said.
        return [.. records.Select(r => AlertViews.FromRecord(r, [], zone))];
    }

    public async Task<(AlertAccess Access, AlertView? Alert)> FindAsync(CurrentAccount account, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (record is null)
        {
            return (AlertAccess.NotFound, null);
        }

        return account.CanSee(record.Groep)
            ? (AlertAccess.Allowed, AlertViews.FromRecord(record, AlertActions.Excerpts(record), school.ResolveTimeZone()))
            : (AlertAccess.Forbidden, null);
    }

    /// <summary>Applies a choice for an account that may see the alert; the result says why not otherwise.</summary>
    public async Task<AlertAccess> ApplyAsync(CurrentAccount account, Guid id, AlertChoice choice, CancellationToken cancellationToken)
    {
        var (access, _) = await FindAsync(account, id, cancellationToken);
        if (access == AlertAccess.Allowed)
        {
            await actions.ApplyAsync(new AlertAction(id.ToString(), choice, new ChatUser($"admin:{account.Id}", account.DisplayName)), cancellationToken);
        }

        return access;
    }
}
