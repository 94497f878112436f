using System.Text.Json.Nodes;
using KlassenouderBot.Cli;
using KlassenouderBot.Data;
using KlassenouderBot.IntegrationTests.Discord.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Discord;

/// <summary>The slash commands through INTERACTION_CREATE and the interaction callback, the welcome in a new server, and <c>discord-register</c>.</summary>
public sealed class DiscordCommandTests
{
    private const int Ephemeral = 64;
    private const string ManageServer = "32";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Help_AnswersOnlyTheAsker()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var callback = await RunAsync(host, "help", new Dictionary<string, string>(), DiscordTestData.Mark, "0");

        callback.Body!["type"]!.GetValue<int>().Should().Be(4);
        callback.Body["data"]!["flags"]!.GetValue<int>().Should().Be(Ephemeral);
        callback.Body["data"]!["content"]!.GetValue<string>().Should().Contain("/faq").And.Contain("/koppel");
    }

    [Fact]
    public async Task Koppel_ByAServerManager_LinksTheChannel_AndSaysSoToTheChannel()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var callback = await RunAsync(host, "koppel", new Dictionary<string, string> { ["groep"] = "3" }, DiscordTestData.Tom, ManageServer, DiscordTestData.Groep3Channel);

        callback.Body!["data"]!["flags"].Should().BeNull("the whole channel may know it is linked");
        callback.Body["data"]!["content"]!.GetValue<string>().Should().Contain("groep 3");
        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var link = await db.ConversationLinks.AsNoTracking().SingleAsync(l => l.Platform == KlassenouderBot.Platforms.Platform.Discord && l.ConversationId == DiscordTestData.Groep3Channel);
        link.Groep.Should().Be("3");
    }

    [Fact]
    public async Task Koppel_WithoutManageServer_IsRefusedPrivately_AndLinksNothing()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var callback = await RunAsync(host, "koppel", new Dictionary<string, string> { ["groep"] = "3" }, DiscordTestData.Mark, "2048", DiscordTestData.Groep3Channel);

        callback.Body!["data"]!["flags"]!.GetValue<int>().Should().Be(Ephemeral);
        callback.Body["data"]!["content"]!.GetValue<string>().Should().Contain("Server beheren");
        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        (await db.ConversationLinks.AsNoTracking().AnyAsync(l => l.Platform == KlassenouderBot.Platforms.Platform.Discord && l.ConversationId == DiscordTestData.Groep3Channel)).Should().BeFalse();
    }

    [Fact]
    public async Task Faq_AnswersFromTheSchoolFaq_ForTheWholeChannel()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var callback = await RunAsync(host, "faq", new Dictionary<string, string> { ["vraag"] = "hoe laat is school uit op woensdag?" }, DiscordTestData.Ilse, "0");

        callback.Body!["data"]!["flags"].Should().BeNull();
        callback.Body["data"]!["content"]!.GetValue<string>().Should().Contain("12:30").And.Contain("Schooltijden");
    }

    [Fact]
    public async Task Faq_QuestionTheSchoolDoesNotAnswer_SaysWhoToAsk_Privately()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var callback = await RunAsync(host, "faq", new Dictionary<string, string> { ["vraag"] = "wat is de hoofdstad van Peru?" }, DiscordTestData.Ilse, "0");

        callback.Body!["data"]!["flags"]!.GetValue<int>().Should().Be(Ephemeral);
        callback.Body["data"]!["content"]!.GetValue<string>().Should().Contain("de leerkracht, meester Tom Veenstra (groep 5)", "the channel is linked to groep 5");
    }

    [Fact]
    public async Task NewServer_GetsTheWelcomeInItsSystemChannel()
    {
        await using var host = await DiscordTestHost.StartAsync();
        const string guildId = "1200000000000000900";
        const string systemChannel = "1200000000000000901";

        await host.Discord.DispatchAsync("GUILD_CREATE", new JsonObject
        {
            ["id"] = guildId,
            ["name"] = "Ouders groep 7",
            ["unavailable"] = false,
            ["joined_at"] = TimeProvider.System.GetUtcNow().ToString("O"),
            ["system_channel_id"] = systemChannel,
            ["channels"] = new JsonArray { new JsonObject { ["id"] = systemChannel, ["name"] = "algemeen", ["type"] = 0 } },
            ["threads"] = new JsonArray(),
        });

        var welcome = await host.Discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"/channels/{systemChannel}/messages", Wait);
        welcome.Body!["content"]!.GetValue<string>().Should().Contain("/koppel groep: 5").And.Contain("Privacy");
    }

    [Fact]
    public async Task DiscordRegister_RegistersTheManifestCommands_ForTheTokensApplication()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeDiscord.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DiscordRegisterCommand.RunAsync(["--guild", FakeGuild.Default.Id], output, error, configuration, AppContext.BaseDirectory, AppContext.BaseDirectory);

        exit.Should().Be(0, error.ToString());
        var put = discord.Requests.Should().ContainSingle(r => r.Method == "PUT").Subject;
        put.Path.Should().Be($"/applications/{FakeDiscord.ApplicationId}/guilds/{FakeGuild.Default.Id}/commands");
        put.Headers["Authorization"].Should().Be($"Bot {FakeDiscord.Token}");
        put.Body!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Equal("faq", "privacy", "koppel", "help");
        output.ToString().Should().Contain("Registered 4 slash commands").And.Contain(FakeDiscord.ApplicationId);
    }

    [Fact]
    public async Task DiscordRegister_TokenRefused_ExitsOneWithAClearLine()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "not-the-token",
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DiscordRegisterCommand.RunAsync([], output, error, configuration, AppContext.BaseDirectory, AppContext.BaseDirectory);

        exit.Should().Be(1);
        error.ToString().Trim().Should().Be("error: Discord refused the bot token (401); check Discord:Token");
        discord.Requests.Should().NotContain(r => r.Method == "PUT");
    }

    private static async Task<RestRequest> RunAsync(DiscordTestHost host, string command, IReadOnlyDictionary<string, string> options, DiscordPerson user, string permissions, string? channelId = null)
    {
        var interactionId = DiscordTestData.NextId();
        var token = $"token-{interactionId}";
        await host.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand(
            interactionId, token, command, options, user.Id, user.Username, DiscordTestData.GuildId, channelId ?? DiscordTestData.Groep5Channel, permissions));
        return await host.Discord.WaitForRequestAsync(r => r.Path == $"/interactions/{interactionId}/{token}/callback", Wait);
    }
}
