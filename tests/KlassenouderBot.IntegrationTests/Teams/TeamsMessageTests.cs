using System.Net;
using System.Text.Json.Nodes;
using KlassenouderBot.IntegrationTests.Teams.Fakes;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary>Group-chat activities end to end: what the bot says back through the Bot Connector, and to whom.</summary>
public sealed class TeamsMessageTests
{
    private static readonly TeamsMember Mark = TeamsTestData.Mark;

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("{\"id\":\"1\",\"channelId\":\"msteams\",\"serviceUrl\":\"{serviceUrl}\",\"text\":\"hoi\"}")]
    [InlineData("{\"type\":null,\"serviceUrl\":\"{serviceUrl}\"}")]
    [InlineData("[]")]
    [InlineData("[{\"type\":\"message\",\"serviceUrl\":\"{serviceUrl}\"}]")]
    [InlineData("\"message\"")]
    [InlineData("")]
    public async Task PostActivity_MalformedBody_Returns400AndTheNextActivityStillWorks(string body)
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostRawAsync(body.Replace("{serviceUrl}", host.Connector.ServiceUrl, StringComparison.Ordinal), $"Bearer {host.ChannelToken()}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("   at ", "no stack traces on the wire");
        (await host.PostAsync(host.Activities.GroupMessage(Mark, TeamsTestData.Calm))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostMessage_HurtfulInTheGroupChat_NudgesTheAuthorInAPersonalChatWithoutQuotingThem()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(host.Activities.GroupMessage(Mark, TeamsTestData.Hurtful));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var create = await host.Connector.WaitForAsync(r => r.IsCreateConversationWith(Mark.Id) && r.Succeeded);
        var parameters = create.Body!.AsObject();
        parameters["isGroup"]!.GetValue<bool>().Should().BeFalse();
        RecordedRequest.StringAt(parameters["bot"]?["id"]).Should().BeOneOf(TeamsTestData.BotId, TeamsTestData.AppId);
        parameters["members"]!.AsArray().Should().ContainSingle();
        new[] { RecordedRequest.StringAt(parameters["channelData"]?["tenant"]?["id"]), RecordedRequest.StringAt(parameters["tenantId"]) }
            .Where(t => t is not null).Should().NotBeEmpty().And.OnlyContain(t => t == TeamsTestData.TenantId);

        var nudge = await host.Connector.WaitForAsync(r => r.IsActivityWriteTo(create.ResponseId!) && r.Succeeded);
        nudge.Operation.Should().Be(ConnectorOperation.SendToConversation);
        nudge.Activity!["type"]!.GetValue<string>().Should().Be("message");
        RecordedRequest.StringAt(nudge.Activity["text"]).Should().NotBeNullOrWhiteSpace();

        await host.SendBarrierAsync();
        host.Connector.Requests.Should().NotContain(r => r.IsActivityWriteTo(TeamsTestData.GroupChatId), "a nudge is private");
        foreach (var request in host.Connector.Requests.Where(r => r.BodyText is not null))
        {
            request.BodyText!.ToLowerInvariant().Should().NotContainAny(TeamsTestData.HurtfulWords, "the bot never quotes a parent back");
        }
    }

    [Fact]
    public async Task PostMessage_ConnectorSlow_AnswersBeforeTalkingToTheConnector()
    {
        await using var host = await TeamsTestHost.StartAsync();
        // Slow, but well inside any per-attempt timeout the bot's connector client may have.
        host.Connector.ResponseDelay = TimeSpan.FromSeconds(2);

        var response = await host.PostAsync(host.Activities.GroupMessage(Mark, TeamsTestData.Hurtful));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Connector.Requests.Should().BeEmpty(
            "Teams gives up on a bot after 10-15 s: the activity is acknowledged first and the nudge sent afterwards (the fake records a call only once it answers)");
        await host.WaitForPrivateMessageAsync(Mark, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task PostMessage_BotSendsANudge_EveryConnectorCallCarriesTheTokenFromTheClientCredentialsGrant()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostAsync(host.Activities.GroupMessage(Mark, TeamsTestData.Hurtful));
        await host.WaitForPrivateMessageAsync(Mark);

        var issued = host.Identity.IssuedAccessTokens;
        host.Connector.Requests.Should().NotBeEmpty()
            .And.OnlyContain(r => r.BearerToken != null && issued.Contains(r.BearerToken), "only tokens from the token endpoint open the connector");
        host.Identity.TokenRequests.Should().Contain(t =>
            t.Tenant == TeamsTestData.TenantId
            && t.GrantType == "client_credentials"
            && t.ClientId == TeamsTestData.AppId
            && t.ClientSecret == TeamsTestData.AppPassword
            && t.Scope == "https://api.botframework.com/.default"
            && t.StatusCode == 200);
    }

    [Fact]
    public async Task PostMessage_ManyNudges_FetchesTheConnectorTokenOnce()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var parents = Enumerable.Range(1, 4).Select(TeamsTestData.NewParent).ToList();

        foreach (var (parent, index) in parents.Select((p, i) => (p, i)))
        {
            var response = await host.PostAsync(host.Activities.GroupMessage(parent, TeamsTestData.Hurtful, conversationId: $"19:klas-{index}@thread.v2"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        foreach (var parent in parents)
        {
            await host.WaitForPrivateMessageAsync(parent);
        }

        host.Identity.TokenRequests.Should().ContainSingle("the token lives an hour and is cached");
    }

    [Fact]
    public async Task PostMessage_SameActivityDeliveredTwice_NudgesOnce()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var activity = host.Activities.GroupMessage(Mark, TeamsTestData.Hurtful);

        (await host.PostAsync(activity)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.PostAsync(activity)).StatusCode.Should().Be(HttpStatusCode.OK);

        await host.WaitForPrivateMessageAsync(Mark);
        await host.SendBarrierAsync();
        var personal = FakeBotConnector.PersonalConversationId(Mark.Id);
        host.Connector.Requests.Where(r => r.IsActivityWriteTo(personal)).Should().ContainSingle("Teams redelivers; the bot answers once");
        host.Connector.Requests.Should().NotContain(
            r => r.IsActivityWriteTo(TeamsTestData.GroupChatId),
            "handled twice, one parent's message would look like a heating conversation and earn a group message");
    }

    [Fact]
    public async Task PostMessageUpdate_CalmMessageEditedIntoAHurtfulOne_NudgesTheAuthor()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var id = TeamsActivities.NewId();
        (await host.PostAsync(host.Activities.GroupMessage(Mark, TeamsTestData.Calm, id))).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await host.PostAsync(host.Activities.MessageEdit(Mark, id, TeamsTestData.Hurtful));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var nudge = await host.WaitForPrivateMessageAsync(Mark);
        nudge.BodyText!.ToLowerInvariant().Should().NotContainAny(TeamsTestData.HurtfulWords);
    }

    [Theory]
    [InlineData("another-bot")]
    [InlineData("role-bot")]
    [InlineData("this-bot")]
    public async Task PostMessage_FromABot_SendsNothing(string sender)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var from = sender switch
        {
            "another-bot" => new JsonObject { ["id"] = "28:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", ["name"] = "Polls" },
            "role-bot" => new JsonObject { ["id"] = "29:1Webhook-q9Xe", ["name"] = "Nieuwsbrief", ["role"] = "bot" },
            _ => new JsonObject { ["id"] = TeamsTestData.BotId, ["name"] = TeamsTestData.BotName },
        };
        var senderId = from["id"]!.GetValue<string>();

        var response = await host.PostAsync(host.Activities.MessageFrom(from, TeamsTestData.Hurtful));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var barrier = await host.SendBarrierAsync();
        host.ShouldHaveSentNothingBesides(barrier, $"a message from {senderId} is not assessed");
    }

    [Fact]
    public async Task PostMessage_MentionOfTheBotAskingForHelp_RepliesInTheGroupAndDoesNotNudge()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(host.Activities.MentionOfTheBot(Mark, "help"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = await host.Connector.WaitForAsync(r => r.IsActivityWriteTo(TeamsTestData.GroupChatId) && r.Succeeded);
        reply.Activity!["type"]!.GetValue<string>().Should().Be("message");
        (RecordedRequest.StringAt(reply.Activity["text"]) ?? reply.Activity["attachments"]?.ToJsonString()).Should().NotBeNullOrWhiteSpace();
        await host.SendBarrierAsync();
        host.Connector.Requests.Should().NotContain(r => r.IsCreateConversationWith(Mark.Id), "asking the bot for help is not hurtful");
    }

    [Fact]
    public async Task PostInstallationUpdate_AddedToAGroupChat_PostsOneWelcomeAboutPrivacyAndLinking()
    {
        await using var host = await TeamsTestHost.StartAsync();
        const string NewChat = "19:nieuwe-klassenchat@thread.v2";

        var response = await host.PostAsync(host.Activities.InstallationAdd(TeamsTestData.Naima, NewChat));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var welcome = await host.Connector.WaitForAsync(r => r.IsActivityWriteTo(NewChat) && r.Succeeded);
        welcome.Operation.Should().Be(ConnectorOperation.SendToConversation);
        welcome.BodyText!.Should().ContainEquivalentOf("privacy").And.ContainEquivalentOf("koppel groep");
        await host.SendBarrierAsync();
        host.Connector.Requests.Where(r => r.IsActivityWriteTo(NewChat)).Should().ContainSingle();
    }

    [Fact]
    public async Task PostInstallationUpdate_TeamsAlsoSendsBotAdded_StillOneWelcome()
    {
        await using var host = await TeamsTestHost.StartAsync();
        const string NewChat = "19:nieuwe-klassenchat@thread.v2";

        (await host.PostAsync(host.Activities.InstallationAdd(TeamsTestData.Naima, NewChat))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.PostAsync(host.Activities.BotAdded(TeamsTestData.Naima, NewChat))).StatusCode.Should().Be(HttpStatusCode.OK);

        await host.Connector.WaitForAsync(r => r.IsActivityWriteTo(NewChat) && r.Succeeded);
        await host.SendBarrierAsync();
        host.Connector.Requests.Where(r => r.IsActivityWriteTo(NewChat)).Should().ContainSingle("one install, one welcome");
    }
}
