namespace KlassenouderBot.IntegrationTests.Data;

/// <summary>
/// A fact that needs a real PostgreSQL: skipped, with the reason in the test output, unless
/// <c>KLASSENOUDERBOT_TEST_POSTGRES</c> holds a connection string (<c>.ci/postgres.sh</c> prints one).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string VariableName = "KLASSENOUDERBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"PostgreSQL not configured: set {VariableName} to run these tests";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(VariableName);
}
