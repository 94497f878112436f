namespace KlassenouderBot.Data;

/// <summary>
/// Runs the migrator while the host starts: hosted services start in registration order and the
/// web server only after them, so no request ever sees an old schema.
/// </summary>
internal sealed class DatabaseMigrationService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
