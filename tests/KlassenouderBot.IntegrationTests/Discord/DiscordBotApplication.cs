using KlassenouderBot.IntegrationTests.Discord.Fakes;
using KlassenouderBot.Platforms.Discord;
using KlassenouderBot.Platforms.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Discord;

/// <summary>
/// The real app as a Discord bot: <c>Discord:Token</c> and <c>Discord:ApiBaseUrl</c> pointed at a
/// <see cref="FakeDiscord"/>, Teams off, and a copy of the sample school whose groep 5 channel is linked
/// and whose klassenouder Naima has her Discord id in the file. Gateway and REST timings are shortened
/// (the same behaviour, in seconds-long tests).
/// </summary>
internal sealed class DiscordBotApplication(FakeDiscord discord, IReadOnlyDictionary<string, string?>? overrides = null)
    : BotApplication("klassenouderbot-discord", ChangeSchool, Merge(discord, overrides), "Development")
{
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

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton(FastGateway);
        services.AddSingleton(new DiscordResilienceSettings
        {
            MaxRetryAttempts = 3,
            BaseDelay = TimeSpan.FromMilliseconds(50),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            BreakDuration = TimeSpan.FromSeconds(2),
        });
    }

    /// <summary>Groep 5's channel linked, and Naima's Discord id on her contact (her alert-list entry inherits it).</summary>
    private static string ChangeSchool(string yaml) =>
        ReplaceOnce(yaml, "      klassenouder: \"Naima\"\n", $"      klassenouder:\n        name: \"Naima\"\n        discord: \"{DiscordTestData.Naima.Id}\"\n")
        + $"\nconversations:\n  - conversation: \"Discord:{DiscordTestData.Groep5Channel}\"\n    groep: \"5\"\n";

    private static Dictionary<string, string?> Merge(FakeDiscord discord, IReadOnlyDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["MicrosoftAppId"] = "",
            ["Discord:Token"] = FakeDiscord.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
