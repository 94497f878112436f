using System.Net;
using KlassenouderBot.Platforms.Teams;
using KlassenouderBot.Platforms.Teams.Auth;
using KlassenouderBot.Platforms.Teams.Connector;
using KlassenouderBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Platforms.Teams;

public sealed class ConnectorClientTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.trafficmanager.net/apac/tenant-id/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("https://botframework.com.evil.example/", false)]
    [InlineData("not a url", false)]
    public void IsAllowedServiceUrl_DefaultHosts(string serviceUrl, bool allowed) =>
        CreateSut(new StubHandler()).IsAllowedServiceUrl(serviceUrl).Should().Be(allowed);

    [Fact]
    public async Task SendToConversation_SpoofedHost_SendsNothingAndNoToken()
    {
        var handler = new StubHandler();
        var sut = CreateSut(handler);

        var act = () => sut.SendToConversationAsync("https://evil.example/", "19:a", new Activity { Type = "message" }, CancellationToken.None);

        await act.Should().ThrowAsync<ConnectorException>();
        handler.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task SendToConversation_EscapesTeamsIdsAndSendsTheBearer()
    {
        var handler = new StubHandler();
        var sut = CreateSut(handler);

        await sut.SendToConversationAsync("https://smba.trafficmanager.net/emea/", "19:abc;x@thread.v2", new Activity { Type = "message" }, CancellationToken.None);

        var request = handler.Requests.Should().ContainSingle().Subject;
        request.Uri.AbsoluteUri.Should().Be("https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%3Bx%40thread.v2/activities");
        request.Authorization.Should().Be("Bearer token-1");
    }

    [Fact]
    public async Task Send_Unauthorized_RetriesOnceWithAFreshToken()
    {
        var handler = new StubHandler(HttpStatusCode.Unauthorized, HttpStatusCode.OK);
        var tokens = new CountingTokens();
        var sut = CreateSut(handler, tokens);

        await sut.SendToConversationAsync("https://smba.trafficmanager.net/emea/", "19:a", new Activity { Type = "message" }, CancellationToken.None);

        handler.Requests.Select(r => r.Authorization).Should().Equal("Bearer token-1", "Bearer token-2");
    }

    [Fact]
    public async Task Send_Blocked_IsReportedWithoutRetry()
    {
        var handler = new StubHandler(HttpStatusCode.Forbidden) { ErrorBody = """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}""" };
        var sut = CreateSut(handler);

        var act = () => sut.SendToConversationAsync("https://smba.trafficmanager.net/emea/", "19:a", new Activity { Type = "message" }, CancellationToken.None);

        (await act.Should().ThrowAsync<ConnectorException>()).Which.WritesBlocked.Should().BeTrue();
        handler.Requests.Should().HaveCount(1);
    }

    [Fact]
    public void RetryAfter_HeaderIsHonouredAndCapped()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
        ConnectorResilience.RetryAfter(response).Should().Be(TimeSpan.FromSeconds(2));

        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
        ConnectorResilience.RetryAfter(response).Should().Be(ConnectorResilience.MaxRetryAfter);
    }

    private static ConnectorClient CreateSut(StubHandler handler, IBotTokenProvider? tokens = null)
    {
        var options = new TeamsOptions { AllowedServiceUrlHosts = [.. TeamsOptions.DefaultServiceUrlHosts] };
        var clock = new FakeTimeProvider();
        return new ConnectorClient(
            new HttpClient(handler),
            tokens ?? new CountingTokens(),
            new ConversationSendLimiter(clock),
            ConnectorResilience.Create(TimeProvider.System, new ConnectorResilienceSettings { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1) }),
            options,
            NullLogger<ConnectorClient>.Instance);
    }

    private sealed class CountingTokens : IBotTokenProvider
    {
        private int _count;

        public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) =>
            ValueTask.FromResult<string?>(forceRefresh || _count == 0 ? $"token-{++_count}" : $"token-{_count}");
    }

    private sealed class StubHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        private int _next;

        public List<(Uri Uri, string? Authorization)> Requests { get; } = [];

        public string ErrorBody { get; init; } = "{}";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, request.Headers.Authorization?.ToString()));
            var status = statuses.Length == 0 ? HttpStatusCode.OK : statuses[Math.Min(_next++, statuses.Length - 1)];
            var body = status == HttpStatusCode.OK ? """{"id":"1"}""" : ErrorBody;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
