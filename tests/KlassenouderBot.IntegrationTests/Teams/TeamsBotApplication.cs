using KlassenouderBot.IntegrationTests.Teams.Fakes;
using KlassenouderBot.Platforms.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary>
/// The real app as a Teams bot: Bot Framework credentials and every login/metadata URL pointed at
/// <see cref="FakeBotFrameworkIdentity"/>, and a copy of the sample school whose groep 5 has a Teams chat
/// and a klassenouder with an e-mail address.
/// </summary>
internal sealed class TeamsBotApplication : BotApplication
{
    /// <param name="identity">Where tokens come from and are checked against.</param>
    /// <param name="environment">"Development" (default) or "Production".</param>
    /// <param name="overrides">Settings that replace the defaults; an empty string clears one (e.g. no app id).</param>
    /// <param name="logs">An extra logger provider (to read what the app logs), or none.</param>
    public TeamsBotApplication(FakeBotFrameworkIdentity identity, string environment = "Development", IReadOnlyDictionary<string, string?>? overrides = null, ILoggerProvider? logs = null)
        : base("klassenouderbot-teams", ChangeSchool, Merge(identity, overrides), environment)
    {
        _logs = logs;
    }

    private readonly ILoggerProvider? _logs;

    /// <summary>
    /// The sample school, plus: groep 5's klassenouder Naima with an e-mail address (so the bot can find
    /// her in the chat roster by e-mail as well as by name) and the Teams chat linked to groep 5.
    /// </summary>
    public static string WriteSchool(string directory) => WriteSchool(directory, ChangeSchool);

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        if (_logs is not null)
        {
            services.AddSingleton(_logs);
        }

        // The production pipeline's timings (0.5 s base back-off, 30 s open circuit) in seconds-long
        // tests: same behaviour, shorter waits.
        services.AddSingleton(new ConnectorResilienceSettings
        {
            MaxRetryAttempts = 3,
            BaseDelay = TimeSpan.FromMilliseconds(100),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            BreakDuration = TimeSpan.FromSeconds(2),
        });
    }

    private static string ChangeSchool(string yaml)
    {
        yaml = ReplaceOnce(
            yaml,
            "      klassenouder: \"Naima\"\n",
            $"      klassenouder:\n        name: \"Naima\"\n        email: \"{TeamsTestData.ClassParentEmail}\"\n");
        yaml = ReplaceOnce(
            yaml,
            "        - {role: klassenouder, name: \"Naima\"}\n",
            $"        - {{role: klassenouder, name: \"Naima\", email: \"{TeamsTestData.ClassParentEmail}\"}}\n");
        return yaml + $"\nconversations:\n  - conversation: \"Teams:{TeamsTestData.GroupChatId}\"\n    groep: \"5\"\n";
    }

    /// <summary>The Bot Framework settings that point the bot at the fake identity, with the overrides on top.</summary>
    public static Dictionary<string, string?> Merge(FakeBotFrameworkIdentity identity, IReadOnlyDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
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
            settings[key] = value;
        }

        return settings;
    }
}
