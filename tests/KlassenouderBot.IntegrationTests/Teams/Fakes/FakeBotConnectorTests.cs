using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Teams.Fakes;

/// <summary>The fake Bot Connector alone: routes, token check, roster, scripted faults and waiting.</summary>
public sealed class FakeBotConnectorTests
{
    private const string AppId = "0d5b3c7e-2f4a-4e61-9b8d-1a2c3e4f5a6b";
    private const string Tenant = "7e2a9c41-58b3-4d6f-a0e1-3c5b7d9f1e20";
    private const string GroupChat = "19:abc-def_123@thread.v2";
    private const string ChannelThread = "19:general@thread.tacv2;messageid=1760000000001";

    private static readonly TeamsMember Naima = new("29:1naima", "Naima Bouzid", "Naima", "Bouzid", "naima@ouders.example", "0a1b2c3d-0000-4000-8000-000000000001", Tenant);
    private static readonly TeamsMember Mark = new("29:1mark", "Mark Jansen", "Mark", "Jansen", "mark@ouders.example", "0a1b2c3d-0000-4000-8000-000000000002", Tenant);
    private static readonly TeamsMember Ilse = new("29:1ilse", "Ilse de Boer", "Ilse", "de Boer", "ilse@ouders.example", "0a1b2c3d-0000-4000-8000-000000000003", Tenant);

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer made-up-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task AnyRoute_WithoutATokenTheIdentityIssued_Returns401AndIsRecorded(string? authorization)
    {
        await using var fakes = await Fakes.StartAsync();

        var response = await fakes.SendAsync(HttpMethod.Post, $"v3/conversations/{Uri.EscapeDataString(GroupChat)}/activities", """{"type":"message","text":"hoi"}""", authorization);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var recorded = fakes.Connector.Requests.Should().ContainSingle().Subject;
        recorded.StatusCode.Should().Be(401);
        recorded.Authorization.Should().Be(authorization);
        recorded.Operation.Should().Be(ConnectorOperation.SendToConversation);
    }

    [Fact]
    public async Task CreateConversation_IssuedToken_ReturnsAPersonalConversationForTheFirstMember()
    {
        await using var fakes = await Fakes.StartAsync();
        var body = $$$"""{"isGroup":false,"bot":{"id":"28:{{{AppId}}}"},"members":[{"id":"{{{Mark.Id}}}"}],"channelData":{"tenant":{"id":"{{{Tenant}}}"}},"tenantId":"{{{Tenant}}}"}""";

        var response = await fakes.SendAsync(HttpMethod.Post, "v3/conversations", body);

        response.IsSuccessStatusCode.Should().BeTrue();
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        answer["id"]!.GetValue<string>().Should().Be("a:personal-29:1mark");
        answer["serviceUrl"]!.GetValue<string>().Should().Be(fakes.Connector.ServiceUrl);
        answer["activityId"].Should().BeNull();
        var recorded = fakes.Connector.Requests.Single();
        recorded.IsCreateConversationWith(Mark.Id).Should().BeTrue();
        recorded.Concerns(Mark.Id).Should().BeTrue();
        recorded.Concerns(Ilse.Id).Should().BeFalse();
        recorded.ResponseId.Should().Be("a:personal-29:1mark");
        recorded.BearerToken.Should().Be(fakes.Token);
        recorded.Body!["isGroup"]!.GetValue<bool>().Should().BeFalse();
    }

    [Theory]
    [InlineData(GroupChat)]
    [InlineData(ChannelThread)]
    [InlineData("a:personal-29:1mark")]
    public async Task ActivityRoutes_EscapedConversationId_AreRecordedDecodedAndAnswered(string conversationId)
    {
        await using var fakes = await Fakes.StartAsync();
        var escaped = Uri.EscapeDataString(conversationId);

        var sent = await fakes.SendAsync(HttpMethod.Post, $"v3/conversations/{escaped}/activities", """{"type":"message","text":"hoi"}""");
        var sentId = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var replied = await fakes.SendAsync(HttpMethod.Post, $"v3/conversations/{escaped}/activities/{sentId}", """{"type":"message","text":"ook hoi","replyToId":"1"}""");
        var updated = await fakes.SendAsync(HttpMethod.Put, $"v3/conversations/{escaped}/activities/{sentId}", """{"type":"message","text":"aangepast"}""");
        var deleted = await fakes.SendAsync(HttpMethod.Delete, $"v3/conversations/{escaped}/activities/{sentId}", null);

        sent.StatusCode.Should().Be(HttpStatusCode.Created);
        replied.StatusCode.Should().Be(HttpStatusCode.Created);
        JsonNode.Parse(await replied.Content.ReadAsStringAsync())!["id"]!.GetValue<string>().Should().NotBe(sentId);
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonNode.Parse(await updated.Content.ReadAsStringAsync())!["id"]!.GetValue<string>().Should().Be(sentId);
        deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        fakes.Connector.Requests.Select(r => r.Operation).Should().Equal(
            ConnectorOperation.SendToConversation, ConnectorOperation.ReplyToActivity, ConnectorOperation.UpdateActivity, ConnectorOperation.DeleteActivity);
        fakes.Connector.Requests.Should().OnlyContain(r => r.ConversationId == conversationId);
        fakes.Connector.Requests.Where(r => r.IsActivityWrite).Should().OnlyContain(r => r.IsActivityWriteTo(conversationId));
        fakes.Connector.Requests[0].RawTarget.Should().Contain(escaped);
        fakes.Connector.Requests[2].ActivityId.Should().Be(sentId);
        fakes.Connector.Requests[2].Activity!["text"]!.GetValue<string>().Should().Be("aangepast");
    }

    [Fact]
    public async Task RosterRoutes_ConfiguredRoster_ReturnsTeamsAccountsPagedListedAndOneByOne()
    {
        await using var fakes = await Fakes.StartAsync();
        fakes.Connector.SetRoster(GroupChat, Naima, Mark, Ilse);
        var escaped = Uri.EscapeDataString(GroupChat);

        var first = JsonNode.Parse(await (await fakes.SendAsync(HttpMethod.Get, $"v3/conversations/{escaped}/pagedmembers?pageSize=2", null)).Content.ReadAsStringAsync())!;
        var token = first["continuationToken"]!.GetValue<string>();
        var second = JsonNode.Parse(await (await fakes.SendAsync(HttpMethod.Get, $"v3/conversations/{escaped}/pagedmembers?pageSize=2&continuationToken={token}", null)).Content.ReadAsStringAsync())!;
        var all = JsonNode.Parse(await (await fakes.SendAsync(HttpMethod.Get, $"v3/conversations/{escaped}/members", null)).Content.ReadAsStringAsync())!;
        var one = await fakes.SendAsync(HttpMethod.Get, $"v3/conversations/{escaped}/members/{Uri.EscapeDataString(Naima.Id)}", null);
        var byAad = await fakes.SendAsync(HttpMethod.Get, $"v3/conversations/{escaped}/members/{Naima.AadObjectId}", null);
        var stranger = await fakes.SendAsync(HttpMethod.Get, $"v3/conversations/{escaped}/members/29%3A1nobody", null);

        first["members"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).Should().Equal(Naima.Id, Mark.Id);
        second["members"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).Should().Equal(Ilse.Id);
        second["continuationToken"].Should().BeNull();
        all.AsArray().Should().HaveCount(3);
        var naima = JsonNode.Parse(await one.Content.ReadAsStringAsync())!;
        naima["givenName"]!.GetValue<string>().Should().Be("Naima");
        naima["email"]!.GetValue<string>().Should().Be(Naima.Email);
        naima["userPrincipalName"]!.GetValue<string>().Should().Be(Naima.Email);
        naima["aadObjectId"]!.GetValue<string>().Should().Be(Naima.AadObjectId);
        naima["tenantId"]!.GetValue<string>().Should().Be(Tenant);
        naima["userRole"]!.GetValue<string>().Should().Be("user");
        byAad.StatusCode.Should().Be(HttpStatusCode.OK);
        stranger.StatusCode.Should().Be(HttpStatusCode.NotFound);
        fakes.Connector.Requests.Should().OnlyContain(r => r.IsRosterRead && r.ConversationId == GroupChat);
        fakes.Connector.Requests[^1].MemberId.Should().Be("29:1nobody");
    }

    [Fact]
    public async Task FailNext_OneThrottledSend_Answers429WithRetryAfterThenSucceeds()
    {
        await using var fakes = await Fakes.StartAsync();
        fakes.Connector.FailNext(1);
        var path = $"v3/conversations/{Uri.EscapeDataString(GroupChat)}/activities";

        var throttled = await fakes.SendAsync(HttpMethod.Post, path, """{"type":"message","text":"hoi"}""");
        var retried = await fakes.SendAsync(HttpMethod.Post, path, """{"type":"message","text":"hoi"}""");

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        retried.StatusCode.Should().Be(HttpStatusCode.Created);
        fakes.Connector.Requests.Select(r => r.StatusCode).Should().Equal(429, 201);
    }

    [Fact]
    public async Task FailNext_Predicate_OnlyMatchingRequestsFail()
    {
        await using var fakes = await Fakes.StartAsync();
        fakes.Connector.FailNext(1, 503, when: r => r.IsActivityWriteTo("a:personal-29:1mark"));

        var group = await fakes.SendAsync(HttpMethod.Post, $"v3/conversations/{Uri.EscapeDataString(GroupChat)}/activities", """{"type":"message"}""");
        var personal = await fakes.SendAsync(HttpMethod.Post, "v3/conversations/a%3Apersonal-29%3A1mark/activities", """{"type":"message"}""");

        group.StatusCode.Should().Be(HttpStatusCode.Created);
        personal.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        personal.Headers.RetryAfter.Should().BeNull();
    }

    [Fact]
    public async Task IsDown_EveryRoute_Answers500UntilReset()
    {
        await using var fakes = await Fakes.StartAsync();
        fakes.Connector.IsDown = true;

        var create = await fakes.SendAsync(HttpMethod.Post, "v3/conversations", $$"""{"members":[{"id":"{{Mark.Id}}"}]}""");
        var roster = await fakes.SendAsync(HttpMethod.Get, $"v3/conversations/{Uri.EscapeDataString(GroupChat)}/pagedmembers", null);
        fakes.Connector.ResetFaults();
        var after = await fakes.SendAsync(HttpMethod.Post, "v3/conversations", $$"""{"members":[{"id":"{{Mark.Id}}"}]}""");

        create.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        roster.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        after.IsSuccessStatusCode.Should().BeTrue();
    }

    [Fact]
    public async Task WaitForAsync_RequestArrivesLater_ReturnsItAndTimesOutOtherwiseListingWhatCame()
    {
        await using var fakes = await Fakes.StartAsync();

        var waiting = fakes.Connector.WaitForAsync(r => r.IsCreateConversationWith(Naima.Id));
        await fakes.SendAsync(HttpMethod.Post, "v3/conversations", $$"""{"members":[{"id":"{{Naima.Id}}"}]}""");
        var found = await waiting;
        var missing = () => fakes.Connector.WaitForAsync(r => r.IsCreateConversationWith(Ilse.Id), TimeSpan.FromMilliseconds(200));

        found.ResponseId.Should().Be("a:personal-29:1naima");
        (await missing.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("POST /v3/conversations");
    }

    /// <summary>The two fakes wired together, with an access token from the fake token endpoint.</summary>
    private sealed class Fakes : IAsyncDisposable
    {
        private readonly HttpClient _http = new();

        private Fakes(FakeBotFrameworkIdentity identity, FakeBotConnector connector)
        {
            Identity = identity;
            Connector = connector;
        }

        public FakeBotFrameworkIdentity Identity { get; }

        public FakeBotConnector Connector { get; }

        public string Token { get; private set; } = "";

        public static async Task<Fakes> StartAsync()
        {
            var identity = await FakeBotFrameworkIdentity.StartAsync();
            identity.RegisterClient(Tenant, AppId, "s3cret");
            var fakes = new Fakes(identity, await FakeBotConnector.StartAsync(identity));
            var response = await fakes._http.PostAsync(
                new Uri($"{identity.LoginUrl(Tenant)}/oauth2/v2.0/token"),
                new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = AppId,
                    ["client_secret"] = "s3cret",
                    ["scope"] = FakeBotFrameworkIdentity.BotFrameworkScope,
                }));
            fakes.Token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
            return fakes;
        }

        public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json) =>
            SendAsync(method, path, json, $"Bearer {Token}");

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? authorization)
        {
            using var request = new HttpRequestMessage(method, new Uri(Connector.ServiceUrl + path));
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            }

            return await _http.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await Connector.DisposeAsync();
            await Identity.DisposeAsync();
        }
    }
}
