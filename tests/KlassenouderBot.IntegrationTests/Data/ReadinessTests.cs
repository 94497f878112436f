using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace KlassenouderBot.IntegrationTests.Data;

public sealed class ReadinessTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kob-ready-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Readyz_FreshSqliteFileInMissingFolder_MigratesAndReportsReady()
    {
        var file = Path.Combine(_root, "nested", "bot.db");
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:KlassenouderBot", $"Data Source={file}"));
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        response.IsSuccessStatusCode.Should().BeTrue();
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
        File.Exists(file).Should().BeTrue();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
