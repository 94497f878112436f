using System.Text.Json;
using KlassenouderBot.Platforms.Discord.Gateway;

namespace KlassenouderBot.Tests.Platforms.Discord;

/// <summary>manifests/discord in the repository: what the developer portal and the register verb are given.</summary>
public sealed class DiscordManifestTests
{
    private static readonly Dictionary<string, long> PermissionBits = new(StringComparer.Ordinal)
    {
        ["VIEW_CHANNEL"] = 1L << 10,
        ["SEND_MESSAGES"] = 1L << 11,
        ["READ_MESSAGE_HISTORY"] = 1L << 16,
    };

    private static readonly Dictionary<string, long> IntentBits = new(StringComparer.Ordinal)
    {
        ["GUILDS"] = 1L << 0,
        ["GUILD_MESSAGES"] = 1L << 9,
        ["DIRECT_MESSAGES"] = 1L << 12,
        ["MESSAGE_CONTENT"] = 1L << 15,
    };

    [Fact]
    public void Application_Intents_AreWhatTheGatewayAsksFor()
    {
        var application = Read("application.json");

        application.GetProperty("intents").GetInt64().Should().Be((long)GatewayIntents.Required).And.Be(37377);
        application.GetProperty("intent_names").EnumerateArray().Sum(name => IntentBits[name.GetString()!]).Should().Be((long)GatewayIntents.Required);
        application.GetProperty("privileged_intents").EnumerateArray().Select(i => i.GetString()).Should().Equal("MESSAGE_CONTENT");
    }

    [Fact]
    public void Application_Permissions_AreTheSumOfTheirNames()
    {
        var application = Read("application.json");

        var permissions = long.Parse(application.GetProperty("permissions").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        permissions.Should().Be(application.GetProperty("permission_names").EnumerateArray().Sum(name => PermissionBits[name.GetString()!]));
        permissions.Should().Be(68608);
    }

    [Fact]
    public void Application_InviteUrl_CarriesThePermissionsAndBothScopes()
    {
        var application = Read("application.json");
        var url = application.GetProperty("invite_url_template").GetString()!;

        url.Should().StartWith("https://discord.com/oauth2/authorize?").And.Contain("client_id={application_id}");
        url.Should().Contain($"permissions={application.GetProperty("permissions").GetString()}");
        var scope = url.Split('?')[1].Split('&').Single(p => p.StartsWith("scope=", StringComparison.Ordinal))["scope=".Length..];
        scope.Split('+').Should().BeEquivalentTo(application.GetProperty("scopes").EnumerateArray().Select(s => s.GetString())).And.BeEquivalentTo("bot", "applications.commands");
    }

    [Fact]
    public void Commands_AreExactlyTheFourTheBotAnswers()
    {
        var commands = Read("commands.json").EnumerateArray().ToList();

        commands.Select(c => c.GetProperty("name").GetString()).Should().Equal("faq", "privacy", "koppel", "help");
        commands.Should().OnlyContain(c => c.GetProperty("type").GetInt32() == 1, "all are slash commands");
    }

    [Fact]
    public void Commands_RespectDiscordsLimits()
    {
        foreach (var command in Read("commands.json").EnumerateArray())
        {
            var name = command.GetProperty("name").GetString()!;
            name.Should().MatchRegex("^[a-z]{1,32}$");
            command.GetProperty("description").GetString()!.Length.Should().BeInRange(1, 100, name);
            foreach (var localized in command.TryGetProperty("description_localizations", out var descriptions) ? descriptions.EnumerateObject() : default)
            {
                localized.Value.GetString()!.Length.Should().BeInRange(1, 100, $"{name} {localized.Name}");
            }

            foreach (var option in command.TryGetProperty("options", out var options) ? options.EnumerateArray() : default)
            {
                option.GetProperty("name").GetString().Should().MatchRegex("^[a-z]{1,32}$");
                option.GetProperty("description").GetString()!.Length.Should().BeInRange(1, 100);
            }
        }
    }

    [Fact]
    public void Faq_HasTheRequiredStringOptionTheInteractionsRead()
    {
        var option = Option("faq").Should().ContainSingle().Subject;

        option.GetProperty("name").GetString().Should().Be("vraag");
        option.GetProperty("type").GetInt32().Should().Be(3, "a string option");
        option.GetProperty("required").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Koppel_HasTheRequiredGroepOptionAndIsForServerManagers()
    {
        var option = Option("koppel").Should().ContainSingle().Subject;

        option.GetProperty("name").GetString().Should().Be("groep");
        option.GetProperty("type").GetInt32().Should().Be(3);
        option.GetProperty("required").GetBoolean().Should().BeTrue();
        Command("koppel").GetProperty("default_member_permissions").GetString().Should().Be("32", "Manage Server, the bit DiscordInteractions checks");
        Command("koppel").GetProperty("contexts").EnumerateArray().Select(c => c.GetInt32()).Should().Equal([0], "linking happens in a server channel");
    }

    private static List<JsonElement> Option(string command) => [.. Command(command).GetProperty("options").EnumerateArray()];

    private static JsonElement Command(string name) =>
        Read("commands.json").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static JsonElement Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ManifestFolder(), file)));
        return document.RootElement.Clone();
    }

    /// <summary>The repository's manifests/discord (not the copy next to the test binaries).</summary>
    private static string ManifestFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KlassenouderBot.sln")))
            {
                return Path.Combine(directory.FullName, "manifests", "discord");
            }
        }

        throw new InvalidOperationException("KlassenouderBot.sln not found above the test binaries");
    }
}
