using KlassenouderBot.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Data;

/// <summary>
/// A SQLite <c>:memory:</c> database that lives as long as this object: the one open connection is
/// shared by every context the factory makes, because closing it would drop the database.
/// </summary>
internal sealed class SqliteTestDatabase : IDbContextFactory<BotDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<BotDbContext> _options;

    private SqliteTestDatabase()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<BotDbContext>().UseSqlite(_connection).Options;
    }

    public SqliteConnection Connection => _connection;

    /// <summary>An empty database, without the schema.</summary>
    public static SqliteTestDatabase CreateEmpty() => new();

    /// <summary>A database with every migration applied.</summary>
    public static async Task<SqliteTestDatabase> CreateMigratedAsync(TimeProvider? timeProvider = null)
    {
        var database = new SqliteTestDatabase();
        await database.CreateMigrator(timeProvider).MigrateAsync(CancellationToken.None);
        return database;
    }

    public DatabaseMigrator CreateMigrator(TimeProvider? timeProvider = null) =>
        new(this, timeProvider ?? TimeProvider.System, NullLogger<DatabaseMigrator>.Instance);

    public BotDbContext CreateDbContext() => new(_options);

    public async Task<List<T>> QueryAsync<T>(Func<SqliteDataReader, T> read, string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
