using KlassenouderBot.IntegrationTests.Discord.Fakes;
using KlassenouderBot.Platforms.Discord;
using KlassenouderBot.Platforms.Discord.Gateway;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Discord;

/// <summary>
/// The real app as a Discord bot: <c>Discord:Token</c> and <c>Discord:ApiBaseUrl</c> pointed at a
/// <see cref="FakeDiscord"/>, Teams off, a temp SQLite file, and a copy of the sample school whose groep 5
/// channel is linked and whose klassenouder Naima has her Discord id in the file. Gateway and REST timings
/// are shortened (the same behaviour, in seconds-long tests).
/// </summary>
internal sealed class DiscordBotApplication : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"klassenouderbot-discord-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string?> _settings;

    public DiscordBotApplication(FakeDiscord discord, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        Directory.CreateDirectory(_directory);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:KlassenouderBot"] = $"Data Source={Path.Combine(_directory, "klassenouderbot.db")}",
            ["Playground:Enabled"] = "false",
            ["School:ConfigPath"] = WriteSchool(_directory),
            ["MicrosoftAppId"] = "",
            ["Discord:Token"] = FakeDiscord.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The gateway timings the tests run with.</summary>
    public static GatewaySettings FastGateway { get; } = new()
    {
        IdentifySpacing = TimeSpan.FromMilliseconds(100),
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(50),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(150),
        ReconnectDelayBase = TimeSpan.FromMilliseconds(100),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(500),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        MaxPayloadBytes = 64 * 1024,
    };

    /// <summary>The sample school with the groep 5 channel linked and Naima's Discord id on both her entries.</summary>
    public static string WriteSchool(string directory)
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "SampleSchool");
        var yaml = File.ReadAllText(Path.Combine(sample, "wilgenhoek.yaml"));
        yaml = ReplaceOnce(yaml, "      klassenouder: \"Naima\"\n", $"      klassenouder:\n        name: \"Naima\"\n        discord: \"{DiscordTestData.Naima.Id}\"\n");
        yaml += $"\nconversations:\n  - conversation: \"Discord:{DiscordTestData.Groep5Channel}\"\n    groep: \"5\"\n";
        var path = Path.Combine(directory, "school.yaml");
        File.WriteAllText(path, yaml);
        File.Copy(Path.Combine(sample, "wilgenhoek-schoolgids.md"), Path.Combine(directory, "wilgenhoek-schoolgids.md"), overwrite: true);
        return path;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(FastGateway);
            services.AddSingleton(new DiscordResilienceSettings
            {
                MaxRetryAttempts = 3,
                BaseDelay = TimeSpan.FromMilliseconds(50),
                AttemptTimeout = TimeSpan.FromSeconds(5),
                BreakDuration = TimeSpan.FromSeconds(2),
            });
        });
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment on some systems; a temp folder is fine to leave.
            }
        }
    }

    private static string ReplaceOnce(string text, string oldValue, string newValue)
    {
        var index = text.IndexOf(oldValue, StringComparison.Ordinal);
        if (index < 0 || text.IndexOf(oldValue, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"The sample school no longer contains exactly one '{oldValue.Trim()}'; update DiscordBotApplication.WriteSchool.");
        }

        return string.Concat(text.AsSpan(0, index), newValue, text.AsSpan(index + oldValue.Length));
    }
}
