namespace KlassenouderBot.IntegrationTests.Data;

/// <summary>
/// The test classes that use the shared PostgreSQL server run one after another: the fault test restarts the
/// server, which would break whatever another class had under way on it at that moment.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection
{
    public const string Name = "PostgreSQL server";
}
