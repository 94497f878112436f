using System.Net;
using KlassenouderBot.Platforms.Discord.Rest;
using KlassenouderBot.Tests.Fakes;

namespace KlassenouderBot.Tests.Platforms.Discord;

public sealed class DiscordRateLimitsTests
{
    private const string Channel = "111111111111111111";
    private const string OtherChannel = "111111111111111222";

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Route_ChannelMessages_KeepsTheChannelAsMajorId()
    {
        var route = DiscordRateLimits.Route(HttpMethod.Post, $"/channels/{Channel}/messages");

        route.MajorId.Should().Be(Channel);
        route.Key.Should().Be("POST /channels/:major/messages", "the channel counts in the bucket key, not the route");
        route.IsInteractionCallback.Should().BeFalse();
    }

    [Fact]
    public void Route_MessageId_IsTemplated()
    {
        var first = DiscordRateLimits.Route(HttpMethod.Patch, $"/channels/{Channel}/messages/333333333333333333");
        var second = DiscordRateLimits.Route(HttpMethod.Patch, $"/channels/{Channel}/messages/444444444444444444");

        first.Key.Should().EndWith("/messages/:id").And.NotContain("333333333333333333");
        second.Should().Be(first, "two messages of one channel share the route");
        first.MajorId.Should().Be(Channel);
    }

    [Fact]
    public void Route_MethodIsPartOfTheKey() =>
        DiscordRateLimits.Route(HttpMethod.Post, $"/channels/{Channel}/messages").Key
            .Should().NotBe(DiscordRateLimits.Route(HttpMethod.Get, $"/channels/{Channel}/messages").Key);

    [Fact]
    public void Route_GuildMemberSearch_HasTheGuildAsMajorId() =>
        DiscordRateLimits.Route(HttpMethod.Get, "/guilds/222222222222222222/members/search").MajorId.Should().Be("222222222222222222");

    [Fact]
    public void Route_InteractionCallback_TemplatesIdAndTokenAndIsExempt()
    {
        var first = DiscordRateLimits.Route(HttpMethod.Post, "/interactions/900000000000000001/aW50ZXJhY3Rpb24.token-1/callback");
        var second = DiscordRateLimits.Route(HttpMethod.Post, "/interactions/900000000000000002/b3RoZXI.token-2/callback");

        first.Key.Should().Be("POST /interactions/:id/:token/callback");
        first.IsInteractionCallback.Should().BeTrue();
        first.MajorId.Should().BeEmpty();
        second.Should().Be(first);
    }

    [Fact]
    public void Route_WithoutMajorResource_HasAnEmptyMajorId()
    {
        var route = DiscordRateLimits.Route(HttpMethod.Post, "/users/@me/channels");

        route.Key.Should().Be("POST /users/@me/channels");
        route.MajorId.Should().BeEmpty();
    }

    [Fact]
    public void TryReserve_BucketExhausted_WaitsForResetAfterOnThatChannelOnly()
    {
        var sut = new DiscordRateLimits(_clock);
        var route = DiscordRateLimits.Route(HttpMethod.Post, $"/channels/{Channel}/messages");
        var other = DiscordRateLimits.Route(HttpMethod.Post, $"/channels/{OtherChannel}/messages");
        sut.TryReserve(route).Should().Be(TimeSpan.Zero);

        using var response = Response(HttpStatusCode.OK, ("X-RateLimit-Bucket", "abcd1234"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "2"));
        sut.Update(route, response, retryAfter: null, isGlobal: false);

        sut.TryReserve(route).Should().Be(TimeSpan.FromSeconds(2));
        sut.TryReserve(other).Should().Be(TimeSpan.Zero, "another channel is another bucket");
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        sut.TryReserve(route).Should().Be(TimeSpan.FromSeconds(0.5));
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        sut.TryReserve(route).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void TryReserve_BucketWithRequestsLeft_CountsThemDown()
    {
        var sut = new DiscordRateLimits(_clock);
        var route = DiscordRateLimits.Route(HttpMethod.Post, $"/channels/{Channel}/messages");
        using var response = Response(HttpStatusCode.OK, ("X-RateLimit-Bucket", "abcd1234"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "2"), ("X-RateLimit-Reset-After", "3"));
        sut.Update(route, response, retryAfter: null, isGlobal: false);

        sut.TryReserve(route).Should().Be(TimeSpan.Zero);
        sut.TryReserve(route).Should().Be(TimeSpan.Zero);
        sut.TryReserve(route).Should().Be(TimeSpan.FromSeconds(3), "two were left, and both are now in flight");
    }

    [Fact]
    public void TryReserve_Bucket429_PausesTheBucketForRetryAfter()
    {
        var sut = new DiscordRateLimits(_clock);
        var route = DiscordRateLimits.Route(HttpMethod.Post, $"/channels/{Channel}/messages");
        using var response = Response(HttpStatusCode.TooManyRequests, ("X-RateLimit-Bucket", "abcd1234"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "3"));

        sut.Update(route, response, retryAfter: TimeSpan.FromSeconds(4), isGlobal: false);

        sut.TryReserve(route).Should().Be(TimeSpan.FromSeconds(4));
        sut.TryReserve(DiscordRateLimits.Route(HttpMethod.Post, "/users/@me/channels")).Should().Be(TimeSpan.Zero, "a route's 429 is not global");
    }

    [Fact]
    public void TryReserve_Global429_BlocksEveryRouteButInteractionCallbacks()
    {
        var sut = new DiscordRateLimits(_clock);
        var route = DiscordRateLimits.Route(HttpMethod.Post, $"/channels/{Channel}/messages");
        using var response = Response(HttpStatusCode.TooManyRequests, ("X-RateLimit-Global", "true"));

        sut.Update(route, response, retryAfter: TimeSpan.FromSeconds(3), isGlobal: true);

        sut.TryReserve(DiscordRateLimits.Route(HttpMethod.Post, "/users/@me/channels")).Should().Be(TimeSpan.FromSeconds(3));
        sut.TryReserve(DiscordRateLimits.Route(HttpMethod.Get, "/guilds/222222222222222222/members/search")).Should().Be(TimeSpan.FromSeconds(3));
        sut.TryReserve(DiscordRateLimits.Route(HttpMethod.Post, "/interactions/900000000000000001/tok/callback")).Should().Be(TimeSpan.Zero);
        _clock.Advance(TimeSpan.FromSeconds(3));
        sut.TryReserve(route).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void TryReserve_GlobalLimit_Allows50PerSecondThenWaits()
    {
        var sut = new DiscordRateLimits(_clock);
        for (var i = 0; i < DiscordRateLimits.GlobalPerSecond; i++)
        {
            sut.TryReserve(DiscordRateLimits.Route(HttpMethod.Post, $"/channels/1111111111111{i:D5}/messages")).Should().Be(TimeSpan.Zero, $"request {i + 1} is within 50");
        }

        var route = DiscordRateLimits.Route(HttpMethod.Post, $"/channels/{Channel}/messages");
        sut.TryReserve(route).Should().Be(TimeSpan.FromSeconds(1));
        sut.TryReserve(DiscordRateLimits.Route(HttpMethod.Post, "/interactions/900000000000000001/tok/callback")).Should().Be(TimeSpan.Zero, "interaction callbacks are not under the global limit");
        _clock.Advance(TimeSpan.FromSeconds(1));
        sut.TryReserve(route).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task WaitAsync_ExhaustedBucket_CompletesWhenTheBucketResets()
    {
        var sut = new DiscordRateLimits(_clock);
        var route = DiscordRateLimits.Route(HttpMethod.Post, $"/channels/{Channel}/messages");
        using var response = Response(HttpStatusCode.OK, ("X-RateLimit-Bucket", "abcd1234"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "2.5"));
        sut.Update(route, response, retryAfter: null, isGlobal: false);

        var waiting = sut.WaitAsync(route, CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(2));
        waiting.IsCompleted.Should().BeFalse();
        _clock.Advance(TimeSpan.FromSeconds(0.5));

        await waiting.WaitAsync(TimeSpan.FromSeconds(2));
    }

    private static HttpResponseMessage Response(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
