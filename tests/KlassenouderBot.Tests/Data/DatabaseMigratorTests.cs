using KlassenouderBot.Data;
using KlassenouderBot.Tests.Fakes;

namespace KlassenouderBot.Tests.Data;

public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryScriptAndRecordsVersions()
    {
        var clock = new FakeTimeProvider();
        await using var database = SqliteTestDatabase.CreateEmpty();
        var sut = database.CreateMigrator(clock);

        var applied = await sut.MigrateAsync(CancellationToken.None);

        var scripts = MigrationScripts.For(StorageProvider.Sqlite);
        applied.Should().Be(scripts.Count);
        var recorded = await database.QueryAsync(
            r => (Version: r.GetInt32(0), Name: r.GetString(1), AppliedAt: r.GetString(2)),
            "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
        recorded.Select(r => r.Version).Should().Equal(scripts.Select(s => s.Version));
        recorded[0].Name.Should().Be("initial");
        recorded[0].AppliedAt.Should().Be("2025-03-10T08:00:00.0000000Z");
        sut.Completed.Should().BeTrue();
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothingAndKeepsData()
    {
        await using var database = SqliteTestDatabase.CreateEmpty();
        var sut = database.CreateMigrator();
        await sut.MigrateAsync(CancellationToken.None);
        await database.QueryAsync(_ => 0, "INSERT INTO conversation_links VALUES ('teams', 'c1', '5', NULL, '2025-01-01T00:00:00.0000000Z')");

        var applied = await sut.MigrateAsync(CancellationToken.None);

        applied.Should().Be(0);
        (await database.QueryAsync(r => r.GetInt64(0), "SELECT COUNT(*) FROM schema_migrations")).Single()
            .Should().Be(MigrationScripts.For(StorageProvider.Sqlite).Count);
        (await database.QueryAsync(r => r.GetInt64(0), "SELECT COUNT(*) FROM conversation_links")).Single().Should().Be(1);
    }

    [Fact]
    public async Task MigrateAsync_Before_NotCompleted()
    {
        await using var database = SqliteTestDatabase.CreateEmpty();

        var sut = database.CreateMigrator();

        sut.Completed.Should().BeFalse();
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public void For_EachProvider_ReturnsNumberedScriptsInOrder(StorageProvider provider)
    {
        var scripts = MigrationScripts.For(provider);

        scripts.Should().NotBeEmpty();
        scripts.Select(s => s.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        scripts[0].Should().Match<MigrationScript>(s => s.Version == 1 && s.Name == "initial");
    }

    [Fact]
    public void For_BothProviders_HaveTheSameVersions()
    {
        var sqlite = MigrationScripts.For(StorageProvider.Sqlite).Select(s => (s.Version, s.Name));
        var postgres = MigrationScripts.For(StorageProvider.Postgres).Select(s => (s.Version, s.Name));

        sqlite.Should().Equal(postgres);
    }
}
