using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Playground;

/// <summary>The app in Development, with its database in a temp file so tests never write into the repository.</summary>
internal sealed class PlaygroundApplication(bool? playgroundEnabled = null, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"klassenouderbot-playground-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // UseSetting is visible while Program.cs registers services (a feature may read its connection
        // string then); the in-memory source is added last, so it wins over appsettings files.
        var connectionString = $"Data Source={_databasePath}";
        builder.UseSetting("ConnectionStrings:KlassenouderBot", connectionString);
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var values = new Dictionary<string, string?> { ["ConnectionStrings:KlassenouderBot"] = connectionString };
            if (playgroundEnabled is { } enabled)
            {
                values["Playground:Enabled"] = enabled ? "true" : "false";
            }

            configuration.AddInMemoryCollection(values);
        });

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
