using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>The fake REST API and the event builders.</summary>
public sealed partial class FakeDiscordTests
{
    // ---- REST ----

    [Fact]
    public async Task GatewayBot_WithToken_ReturnsTheGatewayUrlShardsAndSessionStartLimit()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast with { RecommendedShards = 2, MaxConcurrency = 16 });
        using var http = Http(fake);

        var response = await http.GetAsync("gateway/bot");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        fake.ApiBaseUrl.Should().MatchRegex(@"^http://127\.0\.0\.1:\d+/api/v10$");
        body["url"]!.GetValue<string>().Should().Be(fake.GatewayUrl).And.MatchRegex(@"^ws://127\.0\.0\.1:\d+/gateway$");
        body["shards"]!.GetValue<int>().Should().Be(2);
        body["session_start_limit"]!.ToJsonString().Should().Be("""{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":16}""");
        var recorded = fake.Requests.Should().ContainSingle().Subject;
        recorded.Should().Match<RestRequest>(r => r.Method == "GET" && r.Path == "/gateway/bot" && r.Status == 200);
        recorded.Authorization.Should().Be("Bot fake-bot-token");
        recorded.Headers["user-agent"].Should().StartWith("DiscordBot");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bot wrong-token")]
    [InlineData("Bearer fake-bot-token")]
    [InlineData("fake-bot-token")]
    public async Task AnyRoute_WithoutTheBotToken_Returns401AndIsRecorded(string? authorization)
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake, authorization);

        var response = await http.PostAsync($"channels/{GroupFive}/messages", Json("""{"content":"hoi"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"code":0,"message":"401: Unauthorized"}""");
        var recorded = fake.Requests.Should().ContainSingle().Subject;
        recorded.Status.Should().Be(401);
        recorded.Authorization.Should().Be(authorization);
        recorded.Body!["content"]!.GetValue<string>().Should().Be("hoi");
        fake.MessagesPostedTo(GroupFive).Should().BeEmpty();
    }

    [Fact]
    public async Task RespondOnce_429_AnswersTheNextMatchingCallOnlyThenNormally()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake);
        fake.RespondOnce("POST", $"/channels/{GroupFive}/messages", 429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = 0.5, ["global"] = false });

        var other = await http.GetAsync("gateway/bot");
        var limited = await http.PostAsync($"channels/{GroupFive}/messages", Json("""{"content":"hoi"}"""));
        var retried = await http.PostAsync($"channels/{GroupFive}/messages", Json("""{"content":"hoi"}"""));

        other.StatusCode.Should().Be(HttpStatusCode.OK);
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        Header(limited, "X-RateLimit-Remaining").Should().Be("0");
        Header(limited, "X-RateLimit-Scope").Should().Be("user");
        JsonNode.Parse(await limited.Content.ReadAsStringAsync())!["retry_after"]!.GetValue<double>().Should().Be(0.5);
        retried.StatusCode.Should().Be(HttpStatusCode.OK);
        fake.Requests.Select(r => r.Status).Should().Equal(200, 429, 200);
        fake.MessagesPostedTo(GroupFive).Should().ContainSingle();
    }

    [Fact]
    public async Task RespondOnce_SeveralForOneRoute_AreUsedInOrderWithTheirHeaders()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake);
        fake.RespondOnce("POST", "/channels/", 500, null);
        fake.RespondOnce("POST", "/channels/", 429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = 2.5, ["global"] = true }, new Dictionary<string, string> { ["Retry-After"] = "3" });

        var first = await http.PostAsync($"channels/{GroupFive}/messages", Json("""{"content":"hoi"}"""));
        var second = await http.PostAsync($"channels/{GroupFive}/messages", Json("""{"content":"hoi"}"""));

        first.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        Header(second, "Retry-After").Should().Be("3");
        Header(second, "X-RateLimit-Global").Should().Be("true");
    }

    [Fact]
    public async Task Responses_CarryRateLimitHeaders_WithRemainingCountingDownPerBucket()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake);

        var first = await http.PostAsync($"channels/{GroupFive}/messages", Json("""{"content":"een"}"""));
        var second = await http.PostAsync($"channels/{GroupFive}/messages", Json("""{"content":"twee"}"""));
        var otherChannel = await http.PostAsync($"channels/{FakeGuild.Default.Channels[1].Id}/messages", Json("""{"content":"drie"}"""));
        var gateway = await http.GetAsync("gateway/bot");

        Header(first, "X-RateLimit-Limit").Should().Be("5");
        Header(first, "X-RateLimit-Remaining").Should().Be("4");
        Header(second, "X-RateLimit-Remaining").Should().Be("3");
        Header(otherChannel, "X-RateLimit-Remaining").Should().Be("4", "the channel is the major parameter");
        Header(first, "X-RateLimit-Bucket").Should().Be(Header(otherChannel, "X-RateLimit-Bucket")).And.NotBe(Header(gateway, "X-RateLimit-Bucket"));
        var resetAfter = double.Parse(Header(first, "X-RateLimit-Reset-After")!, CultureInfo.InvariantCulture);
        resetAfter.Should().BeInRange(0, 1);
        var reset = double.Parse(Header(first, "X-RateLimit-Reset")!, CultureInfo.InvariantCulture);
        reset.Should().BeApproximately(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0, 5);
        Header(first, "X-RateLimit-Reset").Should().MatchRegex(@"^\d+\.\d{3}$");
    }

    [Fact]
    public async Task CreateMessage_ReturnsTheMessageWithANewSnowflakeAndTheReference()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake);
        var body = """{"content":"Antwoord: vrijdag.","message_reference":{"message_id":"1300000000000000001","fail_if_not_exists":false},"allowed_mentions":{"parse":[]},"components":[{"type":1,"components":[{"type":2,"style":3,"label":"Nuttig","custom_id":"faq:helpful:42"}]}]}""";

        var first = JsonNode.Parse(await (await http.PostAsync($"channels/{GroupFive}/messages", Json(body))).Content.ReadAsStringAsync())!;
        var second = JsonNode.Parse(await (await http.PostAsync($"channels/{GroupFive}/messages", Json("""{"content":"nog een"}"""))).Content.ReadAsStringAsync())!;

        first["channel_id"]!.GetValue<string>().Should().Be(GroupFive);
        first["content"]!.GetValue<string>().Should().Be("Antwoord: vrijdag.");
        first["author"]!["id"]!.GetValue<string>().Should().Be(FakeDiscord.BotUserId);
        first["type"]!.GetValue<int>().Should().Be(19);
        first["message_reference"]!["message_id"]!.GetValue<string>().Should().Be("1300000000000000001");
        first["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>().Should().Be("faq:helpful:42");
        ulong.Parse(second["id"]!.GetValue<string>(), CultureInfo.InvariantCulture).Should().BeGreaterThan(ulong.Parse(first["id"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        fake.MessagesPostedTo(GroupFive).Select(r => r.Content).Should().Equal("Antwoord: vrijdag.", "nog een");
    }

    [Fact]
    public async Task CreateMessage_InvalidBodies_Get400WithDiscordsCodes()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake);

        var tooLong = await http.PostAsync($"channels/{GroupFive}/messages", Json(new JsonObject { ["content"] = new string('a', 2001) }.ToJsonString()));
        var empty = await http.PostAsync($"channels/{GroupFive}/messages", Json("""{"content":""}"""));
        var longest = await http.PostAsync($"channels/{GroupFive}/messages", Json(new JsonObject { ["content"] = new string('a', 2000) }.ToJsonString()));

        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await tooLong.Content.ReadAsStringAsync())!["code"]!.GetValue<int>().Should().Be(50035);
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await empty.Content.ReadAsStringAsync())!["code"]!.GetValue<int>().Should().Be(50006);
        longest.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenDm_ThenPostToAClosedUser_Returns403With50007()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake);
        const string Closed = "1300000000000000201";
        const string Open = "1300000000000000202";
        fake.Members = [new FakeMember(Closed, "ouder2", "Ouder Twee")];
        fake.DmClosedUserIds.Add(Closed);

        var dm = JsonNode.Parse(await (await http.PostAsync("users/@me/channels", Json($$"""{"recipient_id":"{{Closed}}"}"""))).Content.ReadAsStringAsync())!;
        var refused = await http.PostAsync($"channels/{dm["id"]!.GetValue<string>()}/messages", Json("""{"content":"Je bericht kwam hard aan."}"""));
        var delivered = await http.PostAsync($"channels/{fake.DmChannelIdFor(Open)}/messages", Json("""{"content":"Je bericht kwam hard aan."}"""));

        dm["id"]!.GetValue<string>().Should().Be(fake.DmChannelIdFor(Closed)).And.Be("1400000000000000201");
        dm["type"]!.GetValue<int>().Should().Be(1);
        dm["recipients"]![0]!["username"]!.GetValue<string>().Should().Be("ouder2");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Be("""{"code":50007,"message":"Cannot send messages to this user"}""");
        delivered.StatusCode.Should().Be(HttpStatusCode.OK);
        fake.DmChannelIdFor("not-a-number").Should().MatchRegex("^14[0-9]{17}$");
    }

    [Fact]
    public async Task CreateMessage_SameNonceWithEnforceNonce_ReturnsTheFirstMessage()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake);
        var body = """{"content":"alert","nonce":"alert-42","enforce_nonce":true}""";

        var first = JsonNode.Parse(await (await http.PostAsync($"channels/{GroupFive}/messages", Json(body))).Content.ReadAsStringAsync())!;
        var retry = JsonNode.Parse(await (await http.PostAsync($"channels/{GroupFive}/messages", Json(body))).Content.ReadAsStringAsync())!;
        var elsewhere = JsonNode.Parse(await (await http.PostAsync($"channels/{FakeGuild.Default.Channels[1].Id}/messages", Json(body))).Content.ReadAsStringAsync())!;
        var unenforced = JsonNode.Parse(await (await http.PostAsync($"channels/{GroupFive}/messages", Json("""{"content":"alert","nonce":"alert-42"}"""))).Content.ReadAsStringAsync())!;

        retry["id"]!.GetValue<string>().Should().Be(first["id"]!.GetValue<string>());
        elsewhere["id"]!.GetValue<string>().Should().NotBe(first["id"]!.GetValue<string>());
        unenforced["id"]!.GetValue<string>().Should().NotBe(first["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task EditAndDeleteMessage_Answer200And204()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake);
        var posted = JsonNode.Parse(await (await http.PostAsync($"channels/{GroupFive}/messages", Json("""{"content":"oud"}"""))).Content.ReadAsStringAsync())!;
        var id = posted["id"]!.GetValue<string>();

        var edited = await http.PatchAsync($"channels/{GroupFive}/messages/{id}", Json("""{"content":"nieuw"}"""));
        var deleted = await http.DeleteAsync($"channels/{GroupFive}/messages/{id}");

        edited.StatusCode.Should().Be(HttpStatusCode.OK);
        var message = JsonNode.Parse(await edited.Content.ReadAsStringAsync())!;
        message["id"]!.GetValue<string>().Should().Be(id);
        message["content"]!.GetValue<string>().Should().Be("nieuw");
        message["edited_timestamp"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task InteractionCallback_WithoutAuthorization_204ThenTheSecondAnswerGets40060()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake, authorization: null);

        var first = await http.PostAsync("interactions/1500000000000000001/tok-1/callback", Json("""{"type":6}"""));
        var second = await http.PostAsync("interactions/1500000000000000001/tok-1/callback", Json("""{"type":4,"data":{"content":"dubbel"}}"""));

        first.StatusCode.Should().Be(HttpStatusCode.NoContent);
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await second.Content.ReadAsStringAsync()).Should().Be("""{"code":40060,"message":"Interaction has already been acknowledged."}""");
        fake.Requests.Where(r => r.IsInteractionCallback("1500000000000000001")).Select(r => r.Status).Should().Equal(204, 400);
        fake.Requests[1].Content.Should().Be("dubbel");
    }

    [Fact]
    public async Task WebhookMessages_ForADispatchedInteraction_LandInItsChannel()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        await using var client = await RawGatewayClient.ConnectAndIdentifyAsync(fake);
        var channel = FakeGuild.Default.Channels[1].Id;
        await fake.DispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.ButtonInteraction("1500000000000000002", "tok-2", "alert:ack:7", "1300000000000000200", "ouder1", GuildId, channel, "1300000000000000300"));
        var interaction = (await client.ReceivePayloadAsync())["d"]!;
        using var http = Http(fake, authorization: null);

        var original = await http.PatchAsync($"webhooks/{FakeDiscord.ApplicationId}/tok-2/messages/@original", Json("""{"content":"Bedankt!"}"""));
        var followUp = await http.PostAsync($"webhooks/{FakeDiscord.ApplicationId}/tok-2", Json("""{"content":"Nog iets.","flags":64}"""));
        var wrongApp = await http.PostAsync("webhooks/1100000000000000099/tok-2", Json("""{"content":"x"}"""));

        interaction["type"]!.GetValue<int>().Should().Be(3);
        interaction["data"]!["custom_id"]!.GetValue<string>().Should().Be("alert:ack:7");
        interaction["member"]!["user"]!["id"]!.GetValue<string>().Should().Be("1300000000000000200");
        interaction["message"]!["id"]!.GetValue<string>().Should().Be("1300000000000000300");
        original.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonNode.Parse(await original.Content.ReadAsStringAsync())!["channel_id"]!.GetValue<string>().Should().Be(channel);
        followUp.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonNode.Parse(await followUp.Content.ReadAsStringAsync())!["channel_id"]!.GetValue<string>().Should().Be(channel);
        wrongApp.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OverwriteCommands_EchoesWithIdsAndRejectsAnUnknownApplication()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake);
        var commands = """[{"name":"koppel","description":"Koppel dit kanaal","options":[{"type":3,"name":"groep","description":"Groep","required":true}]}]""";

        var global = await http.PutAsync($"applications/{FakeDiscord.ApplicationId}/commands", Json(commands));
        var guild = await http.PutAsync($"applications/{FakeDiscord.ApplicationId}/guilds/{GuildId}/commands", Json(commands));
        var unknown = await http.PutAsync("applications/1100000000000000099/commands", Json(commands));

        var echoed = JsonNode.Parse(await global.Content.ReadAsStringAsync())!.AsArray().Should().ContainSingle().Subject!;
        echoed["name"]!.GetValue<string>().Should().Be("koppel");
        echoed["id"]!.GetValue<string>().Should().Be(FakeDiscordEvents.CommandId("koppel"), "a slash command dispatch for it carries the same id");
        echoed["application_id"]!.GetValue<string>().Should().Be(FakeDiscord.ApplicationId);
        echoed["options"]![0]!["name"]!.GetValue<string>().Should().Be("groep");
        JsonNode.Parse(await guild.Content.ReadAsStringAsync())![0]!["guild_id"]!.GetValue<string>().Should().Be(GuildId);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["code"]!.GetValue<int>().Should().Be(10002);
    }

    [Fact]
    public async Task SearchMembers_MatchesUsernameGlobalNameOrNickByPrefix()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake);
        fake.Members =
        [
            new FakeMember("1300000000000000201", "naima.b", "Naima Bouzid"),
            new FakeMember("1300000000000000202", "mjansen", "Mark Jansen", Nick: "Mark (groep 5)"),
            new FakeMember("1300000000000000203", "ilse", "Ilse de Boer"),
        ];

        var byNick = JsonNode.Parse(await (await http.GetAsync($"guilds/{GuildId}/members/search?query=mark&limit=10")).Content.ReadAsStringAsync())!.AsArray();
        var byUsername = JsonNode.Parse(await (await http.GetAsync($"guilds/{GuildId}/members/search?query=NAI&limit=10")).Content.ReadAsStringAsync())!.AsArray();
        var limited = JsonNode.Parse(await (await http.GetAsync($"guilds/{GuildId}/members/search?query=&limit=2")).Content.ReadAsStringAsync())!.AsArray();
        var unknownGuild = await http.GetAsync("guilds/1200000000000000999/members/search?query=a");

        byNick.Should().ContainSingle().Which!["user"]!["id"]!.GetValue<string>().Should().Be("1300000000000000202");
        byNick[0]!["nick"]!.GetValue<string>().Should().Be("Mark (groep 5)");
        byUsername.Should().ContainSingle().Which!["user"]!["global_name"]!.GetValue<string>().Should().Be("Naima Bouzid");
        limited.Should().HaveCount(2);
        unknownGuild.StatusCode.Should().Be(HttpStatusCode.NotFound);
        fake.Requests[0].Query.Should().Be("?query=mark&limit=10");
        fake.Requests[0].Path.Should().Be($"/guilds/{GuildId}/members/search");
    }

    [Fact]
    public async Task UnknownRoute_Returns404()
    {
        await using var fake = await FakeDiscord.StartAsync(Fast);
        using var http = Http(fake);

        var response = await http.GetAsync("channels/1/pins");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"code":0,"message":"404: Not Found"}""");
        (await fake.WaitForRequestAsync(r => r.Path == "/channels/1/pins")).Status.Should().Be(404);
    }

    [Fact]
    public async Task Events_SlashCommandAndReply_HaveDiscordsShapes()
    {
        var command = FakeDiscordEvents.SlashCommand("1500000000000000003", "tok-3", "koppel", new Dictionary<string, string> { ["groep"] = "5" }, "1300000000000000200", "ouder1", GuildId, GroupFive, "8");
        var reply = FakeDiscordEvents.Message("1300000000000000005", GroupFive, GuildId, "1300000000000000200", "ouder1", "dank je", referencedMessageAuthorId: FakeDiscord.BotUserId);
        var dm = FakeDiscordEvents.Message("1300000000000000006", "1400000000000000200", null, "1300000000000000200", "ouder1", "hoi");

        command["type"]!.GetValue<int>().Should().Be(2);
        command["data"]!["options"]!.ToJsonString().Should().Be("""[{"name":"groep","type":3,"value":"5"}]""");
        command["member"]!["permissions"]!.GetValue<string>().Should().Be("8");
        reply["type"]!.GetValue<int>().Should().Be(19);
        reply["message_reference"]!["message_id"]!.GetValue<string>().Should().Be("1300000000000000004");
        reply["referenced_message"]!["author"]!["id"]!.GetValue<string>().Should().Be(FakeDiscord.BotUserId);
        dm.ContainsKey("guild_id").Should().BeFalse();
        dm.ContainsKey("member").Should().BeFalse();
    }
}
