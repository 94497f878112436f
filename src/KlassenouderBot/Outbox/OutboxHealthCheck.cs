using KlassenouderBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KlassenouderBot.Outbox;

/// <summary>
/// Degraded (still ready: the bot assesses messages and stores what it must send) when deliveries have been due
/// for more than <see cref="Stuck"/> without getting through, or dead letters wait for a school admin.
/// </summary>
internal sealed class OutboxHealthCheck(IDbContextFactory<BotDbContext> contextFactory, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Stuck = TimeSpan.FromMinutes(10);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - Stuck;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stuck = await db.Interventions.CountAsync(
            i => i.PendingDelivery != null && i.DeadLetteredAt == null && i.DeliveredAt == null && i.CreatedAt < cutoff && i.SendAfter < cutoff,
            cancellationToken);
        var dead = await db.Interventions.CountAsync(i => i.DeadLetteredAt != null && i.DismissedAt == null, cancellationToken);
        return stuck == 0 && dead == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{stuck} deliveries due for over {Stuck.TotalMinutes:0} minutes, {dead} dead letters (see /admin/bezorging)");
    }
}
