using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>The fake gateway's sessions: dispatch, replay on resume, op 7 and op 9, closes, drops, sizes and rates.</summary>
public sealed partial class FakeDiscordTests
{
    // ---- gateway: dispatch, resume and replay ----

    [Fact]
    public async Task Dispatch_WithReadySocket_ArrivesWithTheNextSequence()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        var s = await fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("1300000000000000001", GroupFive, GuildId, "1300000000000000200", "ouder1", "Wanneer is het schoolreisje?", mentionUserIds: [FakeDiscord.BotUserId]));
        var dispatch = await client.ReceivePayloadAsync();

        s.Should().Be(3);
        dispatch["t"]!.GetValue<string>().Should().Be("MESSAGE_CREATE");
        dispatch["s"]!.GetValue<long>().Should().Be(3);
        var d = dispatch["d"]!;
        d["content"]!.GetValue<string>().Should().Be("Wanneer is het schoolreisje?");
        d["guild_id"]!.GetValue<string>().Should().Be(GuildId);
        d["member"]!["roles"]!.AsArray().Should().BeEmpty();
        d["author"]!["discriminator"]!.GetValue<string>().Should().Be("0");
        d["mentions"]![0]!["id"]!.GetValue<string>().Should().Be(FakeDiscord.BotUserId);
        DateTimeOffset.Parse(d["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture).Should().BeCloseTo(TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Dispatch_WhileDisconnected_IsReplayedOnResumeThenResumed()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        var first = await RawGatewayClient.ConnectAndIdentifyAsync(fake);
        var ready = first.Ready!;
        var sessionId = ready["session_id"]!.GetValue<string>();
        await first.CloseAsync(4200);
        await first.DisposeAsync();
        (await WaitUntilClosedAsync(fake.Connections[0])).ClientCloseStatus.Should().Be(4200);

        var missed = await fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("1300000000000000001", GroupFive, GuildId, "1300000000000000200", "ouder1", "gemist"));
        await using var second = await RawGatewayClient.ConnectAsync(ready["resume_gateway_url"]!.GetValue<string>());
        await second.ReceivePayloadAsync();
        await second.SendAsync(RawGatewayClient.Resume(sessionId, 2));
        var replayed = await second.ReceivePayloadAsync();
        var resumed = await second.ReceivePayloadAsync();
        await fake.WaitForResumedAsync();
        var live = await fake.DispatchAsync("MESSAGE_DELETE", FakeDiscordEvents.MessageDelete("1300000000000000001", GroupFive, GuildId));
        var after = await second.ReceivePayloadAsync();

        missed.Should().Be(3);
        replayed["s"]!.GetValue<long>().Should().Be(3);
        replayed["d"]!["content"]!.GetValue<string>().Should().Be("gemist");
        resumed["t"]!.GetValue<string>().Should().Be("RESUMED");
        resumed["s"]!.GetValue<long>().Should().Be(4);
        live.Should().Be(5);
        after["s"]!.GetValue<long>().Should().Be(5);
        fake.Resumes.Should().Equal(new ResumeRecord(sessionId, 2, Accepted: true));
        fake.Connections.Select(c => c.Path).Should().Equal("/gateway", "/resume");
        fake.IdentifyCount.Should().Be(1);
        fake.SessionId.Should().Be(sessionId);
    }

    [Fact]
    public async Task Resume_SeqBeyondTheSession_Closes4007AndForgetsTheSession()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        var first = await RawGatewayClient.ConnectAndIdentifyAsync(fake);
        var ready = first.Ready!;
        var sessionId = ready["session_id"]!.GetValue<string>();
        await first.DisposeAsync();

        await using var second = await RawGatewayClient.ConnectAsync(fake.ResumeGatewayUrl);
        await second.ReceivePayloadAsync();
        await second.SendAsync(RawGatewayClient.Resume(sessionId, 99));

        (await second.ReceiveCloseAsync()).Should().Be(4007);
        fake.Resumes.Should().Equal(new ResumeRecord(sessionId, 99, Accepted: false));
        fake.SessionId.Should().BeNull();
    }

    [Fact]
    public async Task Resume_AfterInvalidSessionFalse_GetsInvalidSessionFalseThen4009()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var first = await RawGatewayClient.ConnectAndIdentifyAsync(fake);
        var ready = first.Ready!;
        var sessionId = ready["session_id"]!.GetValue<string>();

        await fake.SendInvalidSessionAsync(resumable: false);
        var invalid = await first.ReceivePayloadAsync();
        await using var second = await RawGatewayClient.ConnectAsync(fake.ResumeGatewayUrl);
        await second.ReceivePayloadAsync();
        await second.SendAsync(RawGatewayClient.Resume(sessionId, 2));
        var refused = await second.ReceivePayloadAsync();

        invalid["op"]!.GetValue<int>().Should().Be(9);
        invalid["d"]!.GetValue<bool>().Should().BeFalse();
        refused["op"]!.GetValue<int>().Should().Be(9);
        refused["d"]!.GetValue<bool>().Should().BeFalse();
        fake.Resumes.Should().Equal(new ResumeRecord(sessionId, 2, Accepted: false));
        (await second.ReceiveCloseAsync()).Should().Be(4009);
    }

    [Fact]
    public async Task InvalidSessionFalse_ThenIdentifyOnTheSameSocket_StartsANewSession()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);
        var ready = client.Ready!;

        await fake.SendInvalidSessionAsync(resumable: false);
        await client.ReceivePayloadAsync();
        await client.SendAsync(RawGatewayClient.Identify());
        var again = await client.ReceivePayloadAsync();
        await fake.WaitForReadyAsync(2);

        again["t"]!.GetValue<string>().Should().Be("READY");
        again["s"]!.GetValue<long>().Should().Be(1);
        fake.SessionId.Should().Be(again["d"]!["session_id"]!.GetValue<string>()).And.NotBe(ready["session_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendReconnect_SendsOp7_AndClosesWith4000WhenTheClientStays()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        await fake.SendReconnectAsync();
        var reconnect = await client.ReceivePayloadAsync();

        reconnect["op"]!.GetValue<int>().Should().Be(7);
        reconnect["d"].Should().BeNull();
        (await client.ReceiveCloseAsync()).Should().Be(4000);
        fake.SessionId.Should().NotBeNull("op 7 asks for a resume, so the session stays");
    }

    [Fact]
    public async Task Dispatch_AfterReconnectRequest_IsOnlyBuffered()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        await fake.SendReconnectAsync();
        await fake.DispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("1300000000000000001", GroupFive, GuildId, "1300000000000000200", "ouder1", "na op 7"));
        await client.ReceivePayloadAsync();

        (await client.ReceiveAsync()).Type.Should().Be(WebSocketMessageType.Close);
        fake.LastSequence.Should().Be(3);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4009)]
    [InlineData(4011)]
    [InlineData(1000)]
    public async Task CloseAsync_Code_IsWhatTheClientSees(int code)
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        await fake.CloseAsync(code, "scripted");

        (await client.ReceiveCloseAsync()).Should().Be(code);
        var connection = await WaitUntilClosedAsync(fake.Connections[0]);
        connection.ServerCloseStatus.Should().Be(code);
        connection.ClientCloseStatus.Should().Be(code, "the client echoed the close");
        client.State.Should().Be(WebSocketState.Closed);
    }

    [Fact]
    public async Task Drop_EndsTheConnectionWithoutACloseFrame()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        await fake.DropAsync();
        Exception? failure = null;
        RawMessage? message = null;
        try
        {
            message = await client.ReceiveAsync();
        }
        catch (WebSocketException e)
        {
            failure = e;
        }

        (failure is not null || (message!.Type == WebSocketMessageType.Close && client.CloseStatus is null)).Should().BeTrue();
        fake.Connections[0].IsOpen.Should().BeFalse();
        fake.Connections[0].ServerCloseStatus.Should().BeNull();
        fake.Current.Should().BeNull();
    }

    [Fact]
    public async Task ClientClose_StatusIsRecordedAndTheHandshakeCompleted()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        await client.CloseAsync(1000);

        client.State.Should().Be(WebSocketState.Closed);
        client.CloseStatus.Should().Be(1000);
        var connection = await WaitUntilClosedAsync(fake.Connections[0]);
        connection.ClientCloseStatus.Should().Be(1000);
        connection.ServerCloseStatus.Should().BeNull();
        fake.SessionId.Should().BeNull("closing with 1000 ends the session on Discord");
    }

    // ---- gateway: sizes and rates ----

    [Fact]
    public async Task SendOversized_ArrivesInSeveralFramesAsExactlyThatManyBytesOfValidJson()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        var s = await fake.SendOversizedAsync(50_000);
        var message = await client.ReceiveAsync();

        message.Bytes.Length.Should().Be(50_000);
        message.Reads.Should().BeGreaterThanOrEqualTo(4);
        var payload = JsonNode.Parse(message.Text)!;
        payload["t"]!.GetValue<string>().Should().Be("MESSAGE_CREATE");
        payload["s"]!.GetValue<long>().Should().Be(s).And.Be(3);
        payload["d"]!["content"]!.GetValue<string>().Should().MatchRegex("^x+$");
        fake.LastSequence.Should().Be(3);
    }

    [Fact]
    public async Task ClientPayload_Over4096Bytes_Closes4002()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);
        var presence = $$$"""{"op":3,"d":{"since":null,"activities":[{"name":"{{{new string('a', 4100)}}}","type":0}],"status":"online","afk":false}}""";

        await client.SendAsync(presence);

        (await client.ReceiveCloseAsync()).Should().Be(4002);
    }

    [Fact]
    public async Task ClientPayload_SplitOverFrames_IsReassembled()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAsync(fake.GatewayUrl);
        await client.ReceivePayloadAsync();

        await client.SendFramesAsync(RawGatewayClient.Identify().ToJsonString(), frameSize: 16);

        (await client.ReceivePayloadAsync())["t"]!.GetValue<string>().Should().Be("READY");
    }

    [Fact]
    public async Task ClientPayloads_Over120InAMinute_Closes4008()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        for (var i = 0; i < 121; i++)
        {
            await client.SendAsync(RawGatewayClient.Heartbeat(2));
        }

        (await client.ReceiveCloseAsync()).Should().Be(4008);
        fake.Connections[0].Received.Should().HaveCount(121, "payload 121 closed the connection; nothing after it counts");
    }

    [Fact]
    public async Task ClientPayloads_Over120WithRateLimitOff_StayOpen()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast with { EnforceSendRateLimit = false });
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        for (var i = 0; i < 125; i++)
        {
            await client.SendAsync(RawGatewayClient.Heartbeat(2));
        }

        for (var i = 0; i < 125; i++)
        {
            (await client.ReceivePayloadAsync())["op"]!.GetValue<int>().Should().Be(11);
        }
    }

    [Fact]
    public async Task SendRawText_ArrivesUnchanged()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);

        await fake.SendRawTextAsync("{\"op\":0,\"t\":\"MESSAGE_CREATE\",\"s\":");

        (await client.ReceiveAsync()).Text.Should().Be("{\"op\":0,\"t\":\"MESSAGE_CREATE\",\"s\":");
        fake.LastSequence.Should().Be(2, "raw text is not a dispatch of the session");
    }
}
