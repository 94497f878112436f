using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Alerts;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Admin.Inbox;

/// <summary>An alert in the inbox, with whom it was addressed to (a school admin sees every recipient's copy).</summary>
public sealed record InboxAlert(AlertView Alert, string Recipient);

/// <summary>Whether an account may see an alert.</summary>
public enum AlertAccess
{
    Allowed,
    NotFound,
    Forbidden,
}

/// <summary>
/// The alert inbox: the alerts an account may see (<see cref="AlertVisibility"/>), newest first, and the same
/// actions as the buttons in Teams and Discord.
/// </summary>
public sealed class AlertInbox(IDbContextFactory<BotDbContext> contextFactory, IAlertActions actions, SchoolSource school, TimeProvider time)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyList<InboxAlert>> ListAsync(CurrentAccount account, bool openOnly, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Alerts.AsNoTracking().VisibleTo(account);

        if (openOnly)
        {
            query = query.Where(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Claimed);
        }

        var records = await query.OrderByDescending(a => a.CreatedAt).Take(PageSize).ToListAsync(cancellationToken);
        var zone = school.Current.ResolveTimeZone();

        // Excerpts stay on the alert's own page; the list shows what is going on, not what was said.
        return [.. records.Select(r => new InboxAlert(AlertViews.FromRecord(r, [], zone), Recipient(r)))];
    }

    public static string Recipient(AlertRecord record) =>
        record.RecipientRole.Length == 0 || record.RecipientRole == record.RecipientLabel ? record.RecipientLabel : $"{record.RecipientLabel} ({record.RecipientRole})";

    public async Task<(AlertAccess Access, AlertView? Alert)> FindAsync(CurrentAccount account, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (record is null)
        {
            return (AlertAccess.NotFound, null);
        }

        if (!account.CanSee(record))
        {
            return (AlertAccess.Forbidden, null);
        }

        return (AlertAccess.Allowed, AlertViews.FromRecord(record, AlertActions.Excerpts(record), school.Current.ResolveTimeZone()));
    }

    /// <summary>Who opened an alert, for the audit log: an alert can quote parents when the school allows it.</summary>
    public async Task RecordViewedAsync(CurrentAccount account, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(AuditEntry.Of(account.AuditName, "alert.viewed", "alert", id.ToString(), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
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
