using KlassenouderBot.Data;
using KlassenouderBot.Moderation;
using KlassenouderBot.Outbox;
using KlassenouderBot.School;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Tests.Data;

public sealed class DataSetupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kob-data-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AddData_SqliteFileInMissingFolder_CreatesFolderAndMigratedDatabase()
    {
        var file = Path.Combine(_root, "does", "not", "exist", "bot.db");
        using var host = BuildHost(new() { ["ConnectionStrings:KlassenouderBot"] = $"Data Source={file}" });

        await host.StartAsync();
        await host.StopAsync();

        File.Exists(file).Should().BeTrue();
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM schema_migrations), (SELECT journal_mode FROM pragma_journal_mode)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt64(0).Should().Be(MigrationScripts.For(StorageProvider.Sqlite).Count);
        reader.GetString(1).Should().Be("wal");
    }

    [Fact]
    public async Task AddData_UnknownProvider_FailsAtStartupNamingAllowedValues()
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = "MySql" });

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>())
            .Which.Message.Should().Contain("'MySql'").And.Contain("Sqlite, Postgres");
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("SQLITE")]
    public void Validate_ProviderInAnyCase_Succeeds(string provider)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = provider });

        result.Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task AddData_BeforeAddModeration_PersistingSinkAndStoredLinksWin()
    {
        var file = Path.Combine(_root, "bot.db");
        using var host = BuildHost(
            new() { ["ConnectionStrings:KlassenouderBot"] = $"Data Source={file}" },
            services => services.AddSingleton<IConversationLinks>(new InMemoryConversationLinks(new SchoolConfiguration { Name = "Test" })),
            services => services.AddModeration(new ConfigurationBuilder().Build()));
        await host.StartAsync();

        host.Services.GetRequiredService<IInterventionSink>().Should().BeOfType<InterventionOutbox>();
        host.Services.GetRequiredService<IConversationLinks>().Should().BeOfType<EfConversationLinks>();
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));
        health.Status.Should().Be(HealthStatus.Healthy);
        health.Entries.Keys.Should().Contain("database");

        await host.StopAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static IHost BuildHost(
        Dictionary<string, string?> settings,
        Action<IServiceCollection>? before = null,
        Action<IServiceCollection>? after = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        before?.Invoke(builder.Services);
        builder.Services.AddData(builder.Configuration);
        after?.Invoke(builder.Services);
        return builder.Build();
    }
}
