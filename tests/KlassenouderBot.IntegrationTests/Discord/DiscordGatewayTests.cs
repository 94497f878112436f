using System.Globalization;
using System.Net;
using KlassenouderBot.Data;
using KlassenouderBot.IntegrationTests.Discord.Fakes;
using KlassenouderBot.IntegrationTests.Teams;
using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms.Discord.Gateway;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Discord;

/// <summary>
/// The gateway lifecycle against the fake Discord: identify, heartbeats, and every way a connection ends,
/// with the bot resuming (nothing lost), starting a new session, or stopping, as Discord's rules say.
/// </summary>
public sealed class DiscordGatewayTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Start_IdentifiesWithTokenAndIntents_AndIsReady()
    {
        await using var host = await DiscordTestHost.StartAsync();

        host.Discord.IdentifyCount.Should().Be(1);
        var connection = host.Discord.Connections.Should().ContainSingle().Subject;
        connection.Path.Should().Be("/gateway", "the first connection goes to the URL from /gateway/bot");
        connection.Query.Should().Contain("v=10").And.Contain("encoding=json");
        var identify = connection.Received.Should().ContainSingle(p => p.Op == 2).Subject.Data!;
        identify["token"]!.GetValue<string>().Should().Be(FakeDiscord.Token);
        identify["intents"]!.GetValue<long>().Should().Be(37377, "guilds, guild messages, direct messages and message content");
        identify["properties"]!["browser"]!.GetValue<string>().Should().Be("KlassenouderBot");
        identify["shard"].Should().BeNull("one shard needs no shard field");
        host.Discord.Requests.Should().Contain(r => r.Path == "/gateway/bot" && r.Headers["Authorization"] == $"Bot {FakeDiscord.Token}");

        using var client = host.App.CreateClient();
        var ready = await Eventually.GetAsync(
            async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK ? "ready" : null, "/readyz to be healthy");
        ready.Should().Be("ready");
    }

    [Fact]
    public async Task Heartbeats_AreSentAndAcknowledged_AndAHeartbeatRequestIsAnsweredAtOnce()
    {
        await using var host = await DiscordTestHost.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 500 });

        await host.Discord.WaitForReceivedAsync(p => p.Op == 1, Wait);
        var before = host.Discord.Current!.Received.Count(p => p.Op == 1);
        await host.Discord.SendHeartbeatRequestAsync();
        await host.Discord.WaitForReceivedAsync(p => p.Op == 1 && host.Discord.Current!.Received.Count(q => q.Op == 1) > before, TimeSpan.FromMilliseconds(400));

        await Task.Delay(TimeSpan.FromSeconds(1.5), TimeProvider.System);
        host.Discord.Connections.Should().ContainSingle("acknowledged heartbeats keep the one connection");
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesWithTheLastSequence_AndEventsSentMeanwhileAreHandled()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var calm = await host.PostAsync(DiscordTestData.Mark, TeamsTestData.Calm);
        var lastSequence = host.Discord.LastSequence;

        await host.Discord.SendReconnectAsync();
        var parent = DiscordTestData.NewParent(900);
        await host.PostAsync(parent, TeamsTestData.Hurtful, DiscordTestData.Groep3Channel);

        await host.Discord.WaitForResumedAsync(1, Wait);
        var resume = host.Discord.Resumes.Should().ContainSingle().Subject;
        resume.Seq.Should().BeGreaterThanOrEqualTo(lastSequence, "the bot had received everything up to the reconnect");
        resume.Accepted.Should().BeTrue();
        host.Discord.IdentifyCount.Should().Be(1, "a resume is not a new session");
        host.Discord.Connections[^1].Path.Should().Be("/resume", "resuming uses READY's resume_gateway_url");
        host.Discord.Connections[0].ClientCloseStatus.Should().NotBe(1000, "closing with 1000 would end the session");

        var nudge = await host.WaitForDmAsync(parent, Wait);
        nudge.Body!["content"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace("the event dispatched during the reconnect was not lost");
        calm.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task DroppedSocket_ResumesAndReplaysWhatWasMissed()
    {
        await using var host = await DiscordTestHost.StartAsync();
        await host.PostAsync(DiscordTestData.Mark, TeamsTestData.Calm);

        await host.Discord.DropAsync();
        var parent = DiscordTestData.NewParent(901);
        await host.PostAsync(parent, TeamsTestData.Hurtful, DiscordTestData.Groep3Channel);

        await host.Discord.WaitForResumedAsync(1, Wait);
        host.Discord.IdentifyCount.Should().Be(1);
        await host.WaitForDmAsync(parent, Wait);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Discord.SendInvalidSessionAsync(resumable: true);

        await host.Discord.WaitForResumedAsync(1, Wait);
        host.Discord.IdentifyCount.Should().Be(1);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_StartsANewSessionAndCarriesOn()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Discord.SendInvalidSessionAsync(resumable: false);

        await host.Discord.WaitForReadyAsync(2, Wait);
        host.Discord.IdentifyCount.Should().Be(2);
        host.Discord.Resumes.Should().BeEmpty("an invalid session cannot be resumed");
        var parent = DiscordTestData.NewParent(902);
        await host.PostAsync(parent, TeamsTestData.Hurtful, DiscordTestData.Groep3Channel);
        await host.WaitForDmAsync(parent, Wait);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Close_SessionGone_ReidentifiesInsteadOfResuming(int closeCode)
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Discord.CloseAsync(closeCode, "test");

        await host.Discord.WaitForReadyAsync(2, Wait);
        host.Discord.Resumes.Should().BeEmpty();
    }

    [Fact]
    public async Task Close_UnknownError4000_Resumes()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Discord.CloseAsync(4000, "test");

        await host.Discord.WaitForResumedAsync(1, Wait);
        host.Discord.IdentifyCount.Should().Be(1);
    }

    [Fact]
    public async Task MissingHeartbeatAck_DropsTheZombieConnectionAndResumes()
    {
        await using var host = await DiscordTestHost.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 400 });
        host.Discord.AckHeartbeats = false;

        await host.Discord.WaitForConnectionAsync(2, Wait);
        host.Discord.AckHeartbeats = true;

        await host.Discord.WaitForResumedAsync(1, Wait);
        host.Discord.Connections[0].Received.Count(p => p.Op == 1).Should().BeGreaterThanOrEqualTo(1, "the bot beat once, then found no acknowledgement at the next beat");
        host.Discord.Connections[0].ClientCloseStatus.Should().NotBe(1000, "a zombie is dropped so the session stays resumable");
    }

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4014, "Message Content")]
    public async Task FatalClose_StopsWithoutReconnecting_AndReadinessSaysWhy(int closeCode, string advice)
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Discord.CloseAsync(closeCode, "test");

        using var client = host.App.CreateClient();
        var body = await Eventually.GetAsync(
            async () =>
            {
                var response = await client.GetAsync("/readyz");
                return response.StatusCode == HttpStatusCode.ServiceUnavailable ? await response.Content.ReadAsStringAsync() : null;
            },
            "/readyz to report the stopped gateway");
        body.Should().Contain("Unhealthy");
        var gateway = host.App.Services.GetRequiredService<DiscordGatewayService>();
        gateway.Shards.Should().ContainSingle().Which.StopReason.Should().Contain(advice, "the log and readiness say what to fix");
        await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
        host.Discord.Connections.Should().ContainSingle("retrying would only burn identifies (and a bad token stays bad)");
        host.Discord.IdentifyCount.Should().Be(1);
    }

    [Fact]
    public async Task MalformedAndOversizedPayloads_AreSkipped_AndTheConnectionCarriesOn()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await host.Discord.SendRawTextAsync("{not json");
        await host.Discord.SendRawTextAsync("[1,2,3]");
        await host.Discord.SendRawTextAsync("""{"op":"zero"}""");
        await host.Discord.SendRawTextAsync("""{"op":0,"s":null,"t":"MESSAGE_CREATE","d":{"id":17}}""");
        await host.Discord.SendOversizedAsync(200_000);
        var parent = DiscordTestData.NewParent(903);
        await host.PostAsync(parent, TeamsTestData.Hurtful, DiscordTestData.Groep3Channel);

        await host.WaitForDmAsync(parent, Wait);
        host.Discord.Connections.Should().ContainSingle("bad payloads cost nothing but themselves");
    }

    [Fact]
    public async Task Sharding_RunsTheConfiguredShardOnly()
    {
        await using var host = await DiscordTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Discord:ShardCount"] = "2",
            ["Discord:ShardIds"] = "1",
        }, waitForReady: false);

        var identify = await host.Discord.WaitForReceivedAsync(p => p.Op == 2, Wait);
        identify.Data!["shard"]!.AsArray().Select(n => n!.GetValue<int>()).Should().Equal(1, 2);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        host.Discord.IdentifyCount.Should().Be(1, "shard 0 runs elsewhere");
    }

    [Fact]
    public async Task Sharding_TwoShardsInOneInstance_EachIdentifiesOnItsOwnConnection_OneBucketAtATime()
    {
        await using var host = await DiscordTestHost.StartAsync(new FakeDiscordOptions { MaxConcurrency = 1 }, new Dictionary<string, string?>
        {
            ["Discord:ShardCount"] = "2",
            ["Discord:ShardIds"] = "0-1",
        }, waitForReady: false);

        await host.Discord.WaitForReadyAsync(2, Wait);
        var identifies = host.Discord.Connections.SelectMany(c => c.Received).Where(p => p.Op == 2).OrderBy(p => p.At).ToList();
        identifies.Select(p => p.Data!["shard"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray())
            .Should().BeEquivalentTo([new[] { 0, 2 }, [1, 2]], "each shard identifies once, with its own id");
        identifies.Select(p => p.Connection).Distinct().Should().HaveCount(2, "each shard has a connection of its own");
        (identifies[1].At - identifies[0].At).Should().BeGreaterThanOrEqualTo(
            DiscordBotApplication.FastGateway.IdentifySpacing - TimeSpan.FromMilliseconds(20),
            "with max_concurrency 1 both shards share one bucket, which allows one identify per spacing");
    }

    [Fact]
    public async Task Sharding_TwoInstances_SplitTheShards_EachIdentifiesOnlyItsOwn()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var first = new DiscordBotApplication(discord, new Dictionary<string, string?> { ["Discord:ShardCount"] = "2", ["Discord:ShardIds"] = "0" });
        await using var second = new DiscordBotApplication(discord, new Dictionary<string, string?> { ["Discord:ShardCount"] = "2", ["Discord:ShardIds"] = "1" });
        _ = first.Services;
        _ = second.Services;

        await discord.WaitForReadyAsync(2, Wait);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        discord.Connections.Select(c => c.Shard).Should().BeEquivalentTo(new (int, int)?[] { (0, 2), (1, 2) }, "one connection per shard, no shard twice");
        first.Services.GetRequiredService<DiscordGatewayService>().Shards.Select(s => s.ShardId).Should().Equal(0);
        second.Services.GetRequiredService<DiscordGatewayService>().Shards.Select(s => s.ShardId).Should().Equal(1);
    }

    [Fact]
    public async Task GatewayUnreachable_KeepsTryingWithoutCrashingTheApp()
    {
        await using var discord = await FakeDiscord.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            discord.RespondOnce("GET", "/gateway/bot", 502, null);
        }

        await using var app = new DiscordBotApplication(discord);
        _ = app.Services;

        await discord.WaitForReadyAsync(1, Wait);
        discord.Requests.Count(r => r.Path == "/gateway/bot" && r.Status == 502).Should().Be(5, "every failed lookup was tried again");
        using var client = app.CreateClient();
        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Shutdown_ClosesWith4000_SoTheSessionStaysResumable()
    {
        var host = await DiscordTestHost.StartAsync();
        try
        {
            await host.App.DisposeAsync();

            var connection = host.Discord.Connections.Should().ContainSingle().Subject;
            await Eventually.GetAsync(() => Task.FromResult(connection.ClientCloseStatus?.ToString(CultureInfo.InvariantCulture)), "the close frame to arrive");
            connection.ClientCloseStatus.Should().Be(4000, "1000 or 1001 would end the session, and the next start could not resume it");
            host.Discord.SessionId.Should().NotBeNull("Discord keeps a session that was not closed with 1000/1001");
        }
        finally
        {
            await host.Discord.DisposeAsync();
        }
    }

    [Fact]
    public async Task Restart_ResumesTheKeptSession_AndHandlesWhatWasWrittenWhileTheBotWasDown()
    {
        var thread = new FakeChannel("1200000000000000012", "herfstfeest", Type: 11, ParentId: DiscordTestData.Groep5Channel);
        var guild = FakeGuild.Default with { Channels = [.. FakeGuild.Default.Channels, thread] };
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions { Guilds = [guild] });
        var folder = Directory.CreateTempSubdirectory("klassenouderbot-discord-restart-");
        var sharedDatabase = new Dictionary<string, string?> { ["ConnectionStrings:KlassenouderBot"] = $"Data Source={Path.Combine(folder.FullName, "bot.db")}" };
        try
        {
            var before = new DiscordBotApplication(discord, sharedDatabase);
            _ = before.Services;
            await discord.WaitForReadyAsync(1, Wait);
            await before.DisposeAsync();

            // Written in a thread under groep 5 while no instance runs: only a resume can bring it to the bot.
            var parent = DiscordTestData.NewParent(904);
            var message = FakeDiscordEvents.Message(DiscordTestData.NextId(), thread.Id, DiscordTestData.GuildId, parent.Id, parent.Username, TeamsTestData.Hurtful, globalName: parent.GlobalName);
            message["timestamp"] = DiscordTestData.Afternoon();
            await discord.DispatchAsync("MESSAGE_CREATE", message);

            await using var after = new DiscordBotApplication(discord, sharedDatabase);
            _ = after.Services;
            await discord.WaitForResumedAsync(1, Wait);
            discord.IdentifyCount.Should().Be(1, "the restart resumed the kept session instead of starting a new one");
            discord.Resumes.Should().ContainSingle().Which.Accepted.Should().BeTrue();
            discord.Connections[^1].Path.Should().Be("/resume", "the kept resume_gateway_url is used");

            await discord.WaitForRequestAsync(r => r.IsMessagePostTo(discord.DmChannelIdFor(parent.Id)) && r.Succeeded, Wait);
            var nudge = await Eventually.GetAsync(
                async () =>
                {
                    await using var db = await after.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
                    return (await db.Interventions.AsNoTracking().ToListAsync()).FirstOrDefault(i => i.Kind == InterventionKind.PrivateNudge);
                },
                "the stored nudge");
            nudge.ConversationKey.Should().Be($"Discord:{DiscordTestData.Groep5Channel}", "the thread counts towards its channel: the directory came back with the session, without a GUILD_CREATE");
            await using (var db = await after.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync())
            {
                (await db.DiscordSessions.CountAsync()).Should().Be(0, "a kept session is taken once: after a crash the next start identifies rather than resume a stale session");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
