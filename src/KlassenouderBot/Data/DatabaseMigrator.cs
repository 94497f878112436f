using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Data;

/// <summary>
/// Applies the numbered SQL scripts in <c>Data/Migrations/{Provider}</c> that the database has not
/// seen yet, each in its own transaction, and records them in <c>schema_migrations</c>. EF's own
/// migrations need EF Core Design, which this workplace cannot restore (docs/storage.md).
/// </summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<BotDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<DatabaseMigrator> logger)
{
    // Any constant works; it only has to be the same for every instance of the bot on one database.
    private const long PostgresLockKey = 0x4B_4C_41_53_53_45_4E; // "KLASSEN"

    private volatile bool _completed;

    /// <summary>True once <see cref="MigrateAsync"/> has brought the schema up to date in this process.</summary>
    public bool Completed => _completed;

    /// <summary>Brings the schema up to date and returns how many scripts were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var provider = db.Database.IsNpgsql() ? StorageProvider.Postgres : StorageProvider.Sqlite;
        if (provider == StorageProvider.Sqlite)
        {
            EnsureSqliteFolder(db.Database.GetConnectionString());
        }

        var scripts = MigrationScripts.For(provider);

        // EF only closes what it opened, so a caller's open :memory: connection stays open.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (provider == StorageProvider.Postgres)
            {
                // Session-level lock: a second instance starting at the same moment waits here, then
                // finds every script already recorded.
                logger.WaitingForMigrationLock();
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
            }

            try
            {
                var applied = await ApplyPendingAsync(connection, provider, scripts, cancellationToken);
                _completed = true;
                return applied;
            }
            finally
            {
                if (provider == StorageProvider.Postgres)
                {
                    await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int> ApplyPendingAsync(
        DbConnection connection, StorageProvider provider, IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        if (provider == StorageProvider.Sqlite)
        {
            // WAL lets the admin app read while the bot writes; the mode is stored in the file itself.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await ExecuteAsync(connection, null, CreateHistoryTableSql(provider), cancellationToken);

        var count = 0;
        var current = 0;
        foreach (var script in scripts)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

            // Checked inside the transaction: on SQLite it is BEGIN IMMEDIATE, so another process
            // that got here first has either committed the script or not started it.
            if (await IsAppliedAsync(connection, transaction, script.Version, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                current = script.Version;
                continue;
            }

            var stopwatch = Stopwatch.StartNew();
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await RecordAsync(connection, transaction, provider, script, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.MigrationApplied(script.Version, script.Name, provider, stopwatch.ElapsedMilliseconds);
            current = script.Version;
            count++;
        }

        if (count == 0)
        {
            logger.SchemaUpToDate(current, provider);
        }

        return count;
    }

    private static string CreateHistoryTableSql(StorageProvider provider) => provider switch
    {
        StorageProvider.Postgres => """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer NOT NULL PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL
            );
            """,
        _ => """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """,
    };

    private static async Task<bool> IsAppliedAsync(
        DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = @version";
        AddParameter(command, "@version", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    private async Task RecordAsync(
        DbConnection connection, DbTransaction transaction, StorageProvider provider, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @applied_at)";
        AddParameter(command, "@version", script.Version);
        AddParameter(command, "@name", script.Name);
        var now = timeProvider.GetUtcNow();
        AddParameter(command, "@applied_at", provider == StorageProvider.Sqlite ? UtcIsoTextConverter.ToText(now) : now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private void EnsureSqliteFolder(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource)
            || builder.Mode == SqliteOpenMode.Memory
            || string.Equals(dataSource, ":memory:", StringComparison.Ordinal)
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            logger.DatabaseFolderCreated(folder);
        }
    }
}
