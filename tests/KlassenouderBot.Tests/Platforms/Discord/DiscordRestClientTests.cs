using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KlassenouderBot.Platforms.Discord.Rest;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Tests.Platforms.Discord;

public sealed class DiscordRestClientTests : IDisposable
{
    private const string Channel = "111111111111111111";
    private const string Messages = $"POST /channels/{Channel}/messages";

    private readonly StubDiscordApi _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task NormalCall_SendsTheBotTokenAndDiscordsUserAgent()
    {
        _api.On("GET /gateway/bot", StubAnswer.Ok("""{"url":"wss://gateway.discord.gg","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":1000,"max_concurrency":1}}"""));

        var gateway = await _api.CreateClient().GetGatewayBotAsync(CancellationToken.None);

        gateway.Url.Should().Be("wss://gateway.discord.gg");
        gateway.SessionStartLimit!.Remaining.Should().Be(999);
        var request = _api.Requests.Should().ContainSingle().Subject;
        request.Authorization.Should().Be("Bot t");
        request.UserAgent.Should().StartWith("DiscordBot (https://").And.Contain(", ");
    }

    [Fact]
    public async Task CreateMessage_PostsJsonToTheChannel()
    {
        _api.On(Messages, StubAnswer.Ok("""{"id":"555555555555555555","channel_id":"111111111111111111"}"""));

        var sent = await _api.CreateClient().CreateMessageAsync(Channel, new CreateMessage { Content = "Hallo" }, CancellationToken.None);

        sent.Id.Should().Be("555555555555555555");
        var request = _api.Requests.Should().ContainSingle().Subject;
        request.Route.Should().Be(Messages);
        request.ContentType.Should().Be("application/json");
        request.Authorization.Should().Be("Bot t");
        request.Body!.Value.GetProperty("content").GetString().Should().Be("Hallo");
    }

    [Fact]
    public async Task InteractionCallback_CarriesNoAuthorization()
    {
        const string route = "POST /interactions/900000000000000001/tok-1/callback";
        _api.On(route, StubAnswer.NoContent());

        await _api.CreateClient().RespondToInteractionAsync("900000000000000001", "tok-1", new InteractionResponse { Type = 4, Data = new CreateMessage { Content = "Hoi" } }, CancellationToken.None);

        var request = _api.Requests.Should().ContainSingle().Subject;
        request.Route.Should().Be(route);
        request.Authorization.Should().BeNull("the interaction token in the path is the credential");
        request.UserAgent.Should().StartWith("DiscordBot (");
        request.Body!.Value.GetProperty("type").GetInt32().Should().Be(4);
    }

    [Fact]
    public async Task TooManyRequests_WaitsRetryAfterFromTheBodyThenSucceeds()
    {
        _api.On(Messages, StubAnswer.TooManyRequests(0.05), StubAnswer.Ok("""{"id":"555555555555555555"}"""));
        var stopwatch = Stopwatch.StartNew();

        var sent = await _api.CreateClient().CreateMessageAsync(Channel, new CreateMessage { Content = "Hallo" }, CancellationToken.None);

        sent.Id.Should().Be("555555555555555555");
        _api.Requests.Should().HaveCount(2);
        stopwatch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(40), "Discord asked for 50 ms, more than the 1 ms back-off");
    }

    [Fact]
    public async Task DmClosed_ThrowsWithDiscordsCode()
    {
        _api.On(Messages, StubAnswer.Error(HttpStatusCode.Forbidden, 50007, "Cannot send messages to this user"));

        var act = () => _api.CreateClient().CreateMessageAsync(Channel, new CreateMessage { Content = "Hallo" }, CancellationToken.None);

        var exception = (await act.Should().ThrowAsync<DiscordApiException>()).Which;
        exception.IsDmClosed.Should().BeTrue();
        exception.Status.Should().Be(403);
        exception.Code.Should().Be(50007);
        _api.Requests.Should().HaveCount(1, "a refusal is not retried");
    }

    [Fact]
    public async Task Unauthorized_ThrowsWithStatus401WithoutRetry()
    {
        _api.On("GET /applications/@me", StubAnswer.Error(HttpStatusCode.Unauthorized, 0, "401: Unauthorized"));

        var act = () => _api.CreateClient().GetApplicationAsync(CancellationToken.None);

        var exception = (await act.Should().ThrowAsync<DiscordApiException>()).Which;
        exception.Status.Should().Be(401);
        exception.IsDmClosed.Should().BeFalse();
        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedUntilSuccess()
    {
        _api.On(
            Messages,
            StubAnswer.Error(HttpStatusCode.InternalServerError, 0),
            StubAnswer.Error(HttpStatusCode.InternalServerError, 0),
            StubAnswer.Ok("""{"id":"555555555555555555"}"""));

        var sent = await _api.CreateClient().CreateMessageAsync(Channel, new CreateMessage { Content = "Hallo" }, CancellationToken.None);

        sent.Id.Should().Be("555555555555555555");
        _api.Requests.Should().HaveCount(3);
        _api.Requests.Select(r => r.Body!.Value.GetProperty("content").GetString()).Should().AllBe("Hallo", "every attempt carries the body");
    }

    [Fact]
    public async Task ServerErrorsThatDoNotStop_GiveUpWithTheStatus()
    {
        _api.On(Messages, StubAnswer.Error(HttpStatusCode.BadGateway, 0));

        var act = () => _api.CreateClient().CreateMessageAsync(Channel, new CreateMessage { Content = "Hallo" }, CancellationToken.None);

        (await act.Should().ThrowAsync<DiscordApiException>()).Which.Status.Should().Be(502);
        _api.Requests.Should().HaveCount(1 + StubDiscordApi.FastRetries.MaxRetryAttempts);
    }

    [Theory]
    [InlineData("general")]
    [InlineData("111/../../users/@me")]
    [InlineData("")]
    public async Task NonDigitIds_AreRefusedWithoutARequest(string id)
    {
        var sut = _api.CreateClient();

        await FluentActions.Awaiting(() => sut.CreateMessageAsync(id, new CreateMessage { Content = "x" }, CancellationToken.None)).Should().ThrowAsync<DiscordApiException>();
        await FluentActions.Awaiting(() => sut.EditMessageAsync(Channel, id, new CreateMessage { Content = "x" }, CancellationToken.None)).Should().ThrowAsync<DiscordApiException>();
        await FluentActions.Awaiting(() => sut.SearchMembersAsync(id, "naima", CancellationToken.None)).Should().ThrowAsync<DiscordApiException>();
        await FluentActions.Awaiting(() => sut.RespondToInteractionAsync(id, "tok", new InteractionResponse { Type = 4 }, CancellationToken.None)).Should().ThrowAsync<DiscordApiException>();

        _api.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task SearchMembers_EscapesTheQuery()
    {
        _api.On("GET /guilds/222222222222222222/members/search", StubAnswer.Ok("""[{"user":{"id":"777777777777777777","username":"naima.b"},"nick":"Naima"}]"""));

        var members = await _api.CreateClient().SearchMembersAsync("222222222222222222", "naima&limit=1000", CancellationToken.None);

        members.Should().ContainSingle().Which.Nick.Should().Be("Naima");
        _api.Requests.Single().Query.Should().Be("query=naima%26limit%3D1000&limit=25");
    }

    [Fact]
    public async Task OverwriteCommands_InAGuild_PutsToTheGuildRoute()
    {
        using var commands = JsonDocument.Parse("""[{"name":"help","description":"Help","type":1}]""");
        _api.On("PUT /applications/123456789012345678/guilds/222222222222222222/commands", StubAnswer.Ok("""[{"id":"1","name":"help"}]"""));

        var registered = await _api.CreateClient().OverwriteCommandsAsync("123456789012345678", "222222222222222222", commands.RootElement, CancellationToken.None);

        registered.GetArrayLength().Should().Be(1);
        _api.Requests.Single().Body!.Value[0].GetProperty("name").GetString().Should().Be("help");
    }
}
