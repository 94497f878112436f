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
    private readonly SqliteConnection _connection;
    private readonly DbContextOptions<BotDbContext> _options;
    private readonly string? _file;

    private SqliteTestDatabase(string? file = null)
    {
        _file = file;
        _connection = new SqliteConnection(file is null ? "Data Source=:memory:" : $"Data Source={file}");
        _connection.Open();

        // A file gives every context its own connection, as in production: for tests of instances side by side.
        _options = file is null
            ? new DbContextOptionsBuilder<BotDbContext>().UseSqlite(_connection).Options
            : new DbContextOptionsBuilder<BotDbContext>().UseSqlite($"Data Source={file};Default Timeout=30").Options;
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

    /// <summary>A migrated database in a temporary file, a connection per context (deleted on dispose).</summary>
    public static async Task<SqliteTestDatabase> CreateMigratedFileAsync()
    {
        var database = new SqliteTestDatabase(Path.Combine(Path.GetTempPath(), $"klassenouderbot-test-{Guid.NewGuid():N}.db"));
        await database.CreateMigrator().MigrateAsync(CancellationToken.None);
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

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
    }
}
