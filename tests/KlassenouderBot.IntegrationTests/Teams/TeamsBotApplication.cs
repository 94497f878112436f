using KlassenouderBot.IntegrationTests.Teams.Fakes;
using Microsoft.AspNetCore.Hosting;
using KlassenouderBot.Platforms.Teams.Connector;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary>
/// The real app as a Teams bot: Bot Framework credentials and every login/metadata URL pointed at
/// <see cref="FakeBotFrameworkIdentity"/>, a temp SQLite file, the playground off, and a copy of the
/// sample school whose groep 5 has a Teams chat and a klassenouder with an e-mail address.
/// </summary>
internal sealed class TeamsBotApplication : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"klassenouderbot-teams-{Guid.NewGuid():N}");
    private readonly string _environment;
    private readonly Dictionary<string, string?> _settings;

    /// <param name="identity">Where tokens come from and are checked against.</param>
    /// <param name="environment">"Development" (default) or "Production".</param>
    /// <param name="overrides">Settings that replace the defaults; an empty string clears one (e.g. no app id).</param>
    public TeamsBotApplication(FakeBotFrameworkIdentity identity, string environment = "Development", IReadOnlyDictionary<string, string?>? overrides = null)
    {
        Directory.CreateDirectory(_directory);
        SchoolConfigPath = WriteSchool(_directory);
        _environment = environment;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:KlassenouderBot"] = $"Data Source={Path.Combine(_directory, "klassenouderbot.db")}",
            ["Playground:Enabled"] = "false",
            ["School:ConfigPath"] = SchoolConfigPath,
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = TeamsTestData.AppId,
            ["MicrosoftAppPassword"] = TeamsTestData.AppPassword,
            ["MicrosoftAppTenantId"] = TeamsTestData.TenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = identity.ChannelMetadataUrl,
            ["ToBotFromChannelTokenIssuer"] = FakeBotFrameworkIdentity.ChannelIssuer,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = identity.EntraMetadataUrl(TeamsTestData.TenantId),
            ["ToChannelFromBotLoginUrl"] = identity.LoginUrl(TeamsTestData.TenantId),
            ["ToChannelFromBotOAuthScope"] = FakeBotFrameworkIdentity.BotFrameworkResource,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The school YAML written for this app.</summary>
    public string SchoolConfigPath { get; }

    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>
    /// The sample school, plus: groep 5's klassenouder Naima with an e-mail address (so the bot can find
    /// her in the chat roster by e-mail as well as by name) and the Teams chat linked to groep 5.
    /// </summary>
    public static string WriteSchool(string directory)
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "SampleSchool");
        var yaml = File.ReadAllText(Path.Combine(sample, "wilgenhoek.yaml"));
        yaml = ReplaceOnce(
            yaml,
            "      klassenouder: \"Naima\"\n",
            $"      klassenouder:\n        name: \"Naima\"\n        email: \"{TeamsTestData.ClassParentEmail}\"\n");
        yaml = ReplaceOnce(
            yaml,
            "        - {role: klassenouder, name: \"Naima\"}\n",
            $"        - {{role: klassenouder, name: \"Naima\", email: \"{TeamsTestData.ClassParentEmail}\"}}\n");
        yaml += $"\nconversations:\n  - conversation: \"Teams:{TeamsTestData.GroupChatId}\"\n    groep: \"5\"\n";

        var path = Path.Combine(directory, "school.yaml");
        File.WriteAllText(path, yaml);
        File.Copy(Path.Combine(sample, "wilgenhoek-schoolgids.md"), Path.Combine(directory, "wilgenhoek-schoolgids.md"), overwrite: true);
        return path;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);

        // As PlaygroundApplication: UseSetting is visible while Program.cs registers services; the
        // in-memory source comes last, so it wins over appsettings files and environment variables.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));

        // The production pipeline's timings (0.5 s base back-off, 30 s open circuit) in seconds-long
        // tests: same behaviour, shorter waits.
        builder.ConfigureTestServices(services => services.AddSingleton(new ConnectorResilienceSettings
        {
            MaxRetryAttempts = 3,
            BaseDelay = TimeSpan.FromMilliseconds(100),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            BreakDuration = TimeSpan.FromSeconds(2),
        }));
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
            throw new InvalidOperationException($"The sample school no longer contains exactly one '{oldValue.Trim()}'; update TeamsBotApplication.WriteSchool.");
        }

        return string.Concat(text.AsSpan(0, index), newValue, text.AsSpan(index + oldValue.Length));
    }
}
