using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KlassenouderBot.Data;

/// <summary>Ready when this process has migrated the schema and the database answers.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<BotDbContext> contextFactory, DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrator.Completed)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Database migrations have not completed.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.");
    }
}
