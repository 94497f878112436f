using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>The fake Discord alone, driven by a raw WebSocket and HttpClient: gateway lifecycle, close codes, replay and REST.</summary>
public sealed partial class FakeDiscordTests
{
    private static readonly FakeDiscordOptions Fast = new() { HeartbeatIntervalMs = 250 };
    private static readonly string GroupFive = FakeGuild.Default.Channels[0].Id;
    private static readonly string GuildId = FakeGuild.Default.Id;

    // ---- gateway: connect and identify ----

    [Fact]
    public async Task Identify_ValidToken_HelloThenReadyAndOneGuildCreatePerGuild()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAsync(fake.GatewayUrl);

        var hello = await client.ReceivePayloadAsync();
        await client.SendAsync(RawGatewayClient.Identify());
        var ready = await client.ReceivePayloadAsync();
        var guildCreate = await client.ReceivePayloadAsync();
        await fake.WaitForReadyAsync();

        hello["op"]!.GetValue<int>().Should().Be(10);
        hello["d"]!["heartbeat_interval"]!.GetValue<int>().Should().Be(250);
        hello["s"].Should().BeNull();
        hello["t"].Should().BeNull();
        ready["op"]!.GetValue<int>().Should().Be(0);
        ready["t"]!.GetValue<string>().Should().Be("READY");
        ready["s"]!.GetValue<long>().Should().Be(1);
        var d = ready["d"]!;
        d["v"]!.GetValue<int>().Should().Be(10);
        d["user"]!["id"]!.GetValue<string>().Should().Be(FakeDiscord.BotUserId);
        d["user"]!["bot"]!.GetValue<bool>().Should().BeTrue();
        d["application"]!["id"]!.GetValue<string>().Should().Be(FakeDiscord.ApplicationId);
        d["guilds"]!.ToJsonString().Should().Be($$"""[{"id":"{{GuildId}}","unavailable":true}]""");
        d["session_id"]!.GetValue<string>().Should().NotBeNullOrEmpty().And.Be(fake.SessionId);
        d["resume_gateway_url"]!.GetValue<string>().Should().Be(fake.ResumeGatewayUrl).And.EndWith("/resume");
        guildCreate["t"]!.GetValue<string>().Should().Be("GUILD_CREATE");
        guildCreate["s"]!.GetValue<long>().Should().Be(2);
        guildCreate["d"]!["unavailable"]!.GetValue<bool>().Should().BeFalse();
        guildCreate["d"]!["system_channel_id"]!.GetValue<string>().Should().Be(GroupFive);
        guildCreate["d"]!["channels"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Equal("groep-5", "groep-3");
        guildCreate["d"]!["channels"]![0]!["guild_id"]!.GetValue<string>().Should().Be(GuildId);
        fake.IdentifyCount.Should().Be(1);
        fake.LastSequence.Should().Be(2);
        var connection = fake.Connections.Should().ContainSingle().Subject;
        connection.Path.Should().Be("/gateway");
        connection.Query.Should().Be("?v=10&encoding=json");
        connection.Intents.Should().Be(RawGatewayClient.BotIntents);
        connection.IsOpen.Should().BeTrue();
        fake.Current.Should().BeSameAs(connection);
    }

    [Fact]
    public async Task Identify_WithShard_ReadyEchoesItAndOnlyTheShardsGuildsArrive()
    {
        // One more unit in the bits above 22 puts the second guild on the other of two shards: (id >> 22) % 2.
        var secondId = ulong.Parse(FakeGuild.Default.Id, CultureInfo.InvariantCulture) + (1UL << 22);
        var second = new FakeGuild(secondId.ToString(CultureInfo.InvariantCulture), "Andere school", [new FakeChannel("1200000000000000020", "groep-8")]);
        var options = Fast with { Guilds = [FakeGuild.Default, second] };
        var shardOfSecond = (int)((secondId >> 22) % 2);
        await using var fake = await FakeDiscord.StartAsync(options);
        await using var client = await RawGatewayClient.ConnectAsync(fake.GatewayUrl);
        await client.ReceivePayloadAsync();

        await client.SendAsync(RawGatewayClient.Identify(shard: [shardOfSecond, 2]));
        var ready = await client.ReceivePayloadAsync();
        var guildCreate = await client.ReceivePayloadAsync();
        await fake.WaitForReadyAsync();

        ready["d"]!["shard"]!.ToJsonString().Should().Be($"[{shardOfSecond},2]");
        ready["d"]!["guilds"]!.AsArray().Should().ContainSingle().Which!["id"]!.GetValue<string>().Should().Be(second.Id);
        guildCreate["d"]!["id"]!.GetValue<string>().Should().Be(second.Id);
        fake.LastSequence.Should().Be(2);
        fake.Current!.Shard.Should().Be((shardOfSecond, 2));
    }

    [Fact]
    public async Task Identify_BadToken_Closes4004()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAsync(fake.GatewayUrl);
        await client.ReceivePayloadAsync();

        await client.SendAsync(RawGatewayClient.Identify(token: "not-the-token"));

        (await client.ReceiveCloseAsync()).Should().Be(4004);
        fake.IdentifyCount.Should().Be(1);
        fake.SessionId.Should().BeNull();
        (await fake.WaitForConnectionAsync(1)).ServerCloseStatus.Should().Be(4004);
    }

    [Fact]
    public async Task Identify_PrivilegedIntentNotEnabled_Closes4014()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast with { EnabledPrivilegedIntents = 1 << 1 });
        await using var client = await RawGatewayClient.ConnectAsync(fake.GatewayUrl);
        await client.ReceivePayloadAsync();

        await client.SendAsync(RawGatewayClient.Identify(intents: RawGatewayClient.BotIntents));

        (await client.ReceiveCloseAsync()).Should().Be(4014);
    }

    [Fact]
    public async Task Identify_UnknownIntentBit_Closes4013()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAsync(fake.GatewayUrl);
        await client.ReceivePayloadAsync();

        await client.SendAsync(RawGatewayClient.Identify(intents: RawGatewayClient.BotIntents | (1L << 30)));

        (await client.ReceiveCloseAsync()).Should().Be(4013);
    }

    [Theory]
    [InlineData("[1,1]")]
    [InlineData("[-1,2]")]
    [InlineData("[0,0]")]
    [InlineData("[0]")]
    public async Task Identify_InvalidShard_Closes4010(string shard)
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAsync(fake.GatewayUrl);
        await client.ReceivePayloadAsync();

        await client.SendAsync(RawGatewayClient.Identify(shard: JsonNode.Parse(shard)!.AsArray()));

        (await client.ReceiveCloseAsync()).Should().Be(4010);
    }

    [Fact]
    public async Task Payload_BeforeIdentify_Closes4003()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAsync(fake.GatewayUrl);
        await client.ReceivePayloadAsync();

        await client.SendAsync("""{"op":3,"d":{"since":null,"activities":[],"status":"online","afk":false}}""");

        (await client.ReceiveCloseAsync()).Should().Be(4003);
        fake.Connections[0].Received.Should().ContainSingle().Which.Op.Should().Be(3);
    }

    [Fact]
    public async Task Identify_Twice_Closes4005()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        await client.SendAsync(RawGatewayClient.Identify());

        (await client.ReceiveCloseAsync()).Should().Be(4005);
        fake.IdentifyCount.Should().Be(2);
    }

    [Theory]
    [InlineData("?v=9&encoding=json", 4012)]
    [InlineData("?encoding=json", 4012)]
    [InlineData("?v=10&encoding=etf", 4002)]
    [InlineData("?v=10", 4002)]
    public async Task Connect_WrongQuery_ClosesWithoutHello(string query, int expected)
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAsync(fake.GatewayUrl, query);

        (await client.ReceiveAsync()).Type.Should().Be(WebSocketMessageType.Close);

        client.CloseStatus.Should().Be(expected);
        (await fake.WaitForConnectionAsync(1)).Query.Should().Be(query);
    }

    // ---- gateway: heartbeats ----

    [Fact]
    public async Task Heartbeat_Acked_AndItsSequenceIsRecorded()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        await client.SendAsync(RawGatewayClient.Heartbeat(2));
        var ack = await client.ReceivePayloadAsync();

        ack["op"]!.GetValue<int>().Should().Be(11);
        var heartbeat = await fake.WaitForReceivedAsync(p => p.Op == 1);
        heartbeat.Data!.GetValue<long>().Should().Be(2);
        heartbeat.Connection.Should().BeSameAs(fake.Current);
    }

    [Fact]
    public async Task Heartbeat_AckHeartbeatsOff_IsRecordedButNotAcked()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        fake.AckHeartbeats = false;
        await using var client = await RawGatewayClient.ConnectAsync(fake.GatewayUrl);
        await client.ReceivePayloadAsync();

        await client.SendAsync(RawGatewayClient.Heartbeat(null));
        await fake.WaitForReceivedAsync(p => p.Op == 1);
        await fake.SendHeartbeatRequestAsync();

        // An ACK would have been queued before the heartbeat request, so the next payload proves there was none.
        var next = await client.ReceivePayloadAsync();
        next["op"]!.GetValue<int>().Should().Be(1);
        next["d"].Should().BeNull();
    }

    private static async Task<GatewayConnection> WaitUntilClosedAsync(GatewayConnection connection)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (connection.IsOpen)
        {
            TimeProvider.System.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(5), "the connection should end");
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        return connection;
    }

    private static HttpClient Http(FakeDiscord fake, string? authorization = "Bot " + FakeDiscord.Token)
    {
        var http = new HttpClient { BaseAddress = new Uri(fake.ApiBaseUrl + "/") };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.invalid, 1.0)");
        if (authorization is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
