namespace KlassenouderBot.IntegrationTests.Data;

/// <summary>
/// A test class that gets a schema of its own in the configured PostgreSQL (when one is configured), dropped
/// after the test.
/// </summary>
public abstract class PostgresSchemaTest : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    private protected PostgresTestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Whether this class's tests run at all; their skip attribute says the same.</summary>
    protected virtual bool Configured => PostgresFactAttribute.ConnectionString is { Length: > 0 };

    public async Task InitializeAsync()
    {
        if (Configured)
        {
            _database = await PostgresTestDatabase.CreateAsync();
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
