using KlassenouderBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KlassenouderBot.IntegrationTests.Data;

/// <summary>
/// A schema of its own in the configured database, dropped afterwards, so parallel and repeated runs
/// never see each other's tables.
/// </summary>
internal sealed class PostgresTestDatabase : IDbContextFactory<BotDbContext>, IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private readonly DbContextOptions<BotDbContext> _options;

    private PostgresTestDatabase(string adminConnectionString, string schema)
    {
        _adminConnectionString = adminConnectionString;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { SearchPath = schema }.ConnectionString;
        _options = new DbContextOptionsBuilder<BotDbContext>().UseNpgsql(ConnectionString).Options;
    }

    public string Schema { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = PostgresFactAttribute.ConnectionString
            ?? throw new InvalidOperationException($"{PostgresFactAttribute.VariableName} is not set.");
        var database = new PostgresTestDatabase(admin, "kob_test_" + Guid.NewGuid().ToString("N"));
        await database.ExecuteAsync($"CREATE SCHEMA {database.Schema}");
        return database;
    }

    public DatabaseMigrator CreateMigrator() => new(this, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance);

    public BotDbContext CreateDbContext() => new(_options);

    public async Task<List<T>> QueryAsync<T>(Func<NpgsqlDataReader, T> read, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
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
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
        NpgsqlConnection.ClearAllPools();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
