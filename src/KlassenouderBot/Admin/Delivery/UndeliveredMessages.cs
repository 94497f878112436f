using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Outbox;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Admin.Delivery;

/// <summary>What the outbox is still trying to send, and what it gave up on.</summary>
/// <param name="Waiting">Deliveries that failed and wait for their next attempt (or for the quiet hours to end).</param>
/// <param name="DeadLetters">Deliveries the outbox gave up on, newest first, not dismissed.</param>
public sealed record DeliveryOverview(int Waiting, IReadOnlyList<InterventionRecord> DeadLetters);

/// <summary>
/// The admin app's view of the outbox: a school admin sees the dead letters (kind, class, recipient role,
/// topic and why; never a message) and sends one again or dismisses it. Both are audited.
/// </summary>
public sealed class UndeliveredMessages(IDbContextFactory<BotDbContext> contextFactory, InterventionOutbox outbox, TimeProvider time)
{
    private const int Shown = 200;

    public async Task<DeliveryOverview> OverviewAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var waiting = await db.Interventions.CountAsync(i => i.PendingDelivery != null && i.DeadLetteredAt == null && i.DeliveredAt == null, cancellationToken);
        var dead = await db.Interventions.AsNoTracking()
            .Where(i => i.DeadLetteredAt != null && i.DismissedAt == null)
            .OrderByDescending(i => i.DeadLetteredAt)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        return new DeliveryOverview(waiting, dead);
    }

    /// <returns>False when it is not a dead letter that can be sent again.</returns>
    public async Task<bool> RetryAsync(Guid id, CurrentAccount by, CancellationToken cancellationToken)
    {
        var retried = await outbox.RetryAsync(id, cancellationToken);
        if (retried)
        {
            await AuditAsync("delivery.retried", id, by, cancellationToken);
        }

        return retried;
    }

    /// <returns>False when it is not a dead letter (any more).</returns>
    public async Task<bool> DismissAsync(Guid id, CurrentAccount by, CancellationToken cancellationToken)
    {
        var dismissed = await outbox.DismissAsync(id, cancellationToken);
        if (dismissed)
        {
            await AuditAsync("delivery.dismissed", id, by, cancellationToken);
        }

        return dismissed;
    }

    private async Task AuditAsync(string action, Guid id, CurrentAccount by, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(AuditEntry.Of(by.AuditName, action, "intervention", id.ToString(), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
