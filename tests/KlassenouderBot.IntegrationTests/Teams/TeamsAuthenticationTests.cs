using System.Net;
using System.Text.Json.Nodes;
using KlassenouderBot.IntegrationTests.Teams.Fakes;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary>
/// POST /api/messages with real Bot Connector tokens: what is accepted, what is refused, and that a
/// refused activity never reaches the bot (the activity is a hurtful message, so acting on it would
/// mean a nudge to Mark; a barrier message proves the bot had time to act).
/// </summary>
public sealed class TeamsAuthenticationTests
{
    private static readonly TeamsMember Mark = TeamsTestData.Mark;

    [Fact]
    public async Task PostActivity_ValidChannelToken_Returns200AndTheBotActs()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {host.ChannelToken()}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForPrivateMessageAsync(Mark);
    }

    [Fact]
    public async Task PostActivity_NoAuthorizationHeader_Returns401WithBearerChallenge()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(HurtfulFromMark(host), authorization: null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNzd29yZA==")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    [InlineData("Bearer a b")]
    [InlineData("{token}")]
    [InlineData("Token {token}")]
    [InlineData("Bearer {token} extra")]
    public async Task PostActivity_MalformedAuthorizationHeader_Returns401(string header)
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(HurtfulFromMark(host), header.Replace("{token}", host.ChannelToken(), StringComparison.Ordinal));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Fact]
    public async Task PostActivity_TokenExpiredBeyondTheFiveMinuteSkew_Returns401()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var now = TimeProvider.System.GetUtcNow();
        var token = host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, notBefore: now.AddMinutes(-70), expires: now.AddMinutes(-10));

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Fact]
    public async Task PostActivity_TokenExpiredWithinTheFiveMinuteSkew_Returns200()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var now = TimeProvider.System.GetUtcNow();
        var token = host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, notBefore: now.AddMinutes(-62), expires: now.AddMinutes(-2));

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostActivity_TokenNotValidForAnotherTenMinutes_Returns401()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var now = TimeProvider.System.GetUtcNow();
        var token = host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, notBefore: now.AddMinutes(10), expires: now.AddMinutes(70));

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Theory]
    [InlineData("another-app")]
    [InlineData("api-uri-of-another-app")]
    [InlineData("empty")]
    [InlineData("missing")]
    public async Task PostActivity_WrongOrMissingAudience_Returns401(string audience)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var token = audience switch
        {
            "another-app" => host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, audience: "3e9a1c55-7b2d-4f80-a6c4-0d9e8f7a6b5c"),
            "api-uri-of-another-app" => host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, audience: "api://3e9a1c55-7b2d-4f80-a6c4-0d9e8f7a6b5c"),
            "empty" => host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, audience: ""),
            _ => host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, omitClaims: ["aud"]),
        };

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Theory]
    [InlineData("https://api.botframework.com/")]
    [InlineData("http://api.botframework.com")]
    [InlineData("https://api.botframework.us")]
    [InlineData("https://sts.windows.net/0b8e3a8c-4f1d-4c2e-9a7b-6d5e4f3a2b1c/")]
    [InlineData("https://evil.example")]
    [InlineData("missing")]
    public async Task PostActivity_WrongIssuer_Returns401(string issuer)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var token = issuer == "missing"
            ? host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, omitClaims: ["iss"])
            : host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, issuer: issuer);

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Fact]
    public async Task PostActivity_UnknownKeyId_Returns401AndFetchesTheKeysAgain()
    {
        await using var host = await TeamsTestHost.StartAsync();
        await WarmUpAsync(host);
        var fetchesBefore = host.Identity.ChannelKeysFetches;
        var token = host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, key: host.Identity.CreateUnpublishedKey());

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await Eventually.GetAsync(
            () => Task.FromResult(host.Identity.ChannelKeysFetches > fetchesBefore ? "fetched" : null),
            "the signing keys to be fetched again: an unknown kid means the keys may have rolled over");
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Fact]
    public async Task PostActivity_UnknownKeyLaterPublished_SameTokenIsAccepted()
    {
        // Refreshes caused by unknown key ids are throttled (10 s by default, unit-tested on a fake clock);
        // here the published key must be picked up by the very next request.
        await using var host = await TeamsTestHost.StartAsync(settings: new Dictionary<string, string?> { ["BotFramework:KeyRefreshMinimumInterval"] = "00:00:00" });
        await WarmUpAsync(host);
        var newKey = host.Identity.CreateUnpublishedKey();
        var token = host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, key: newKey);
        (await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        host.Identity.PublishChannelKey(newKey, FakeBotFrameworkIdentity.DefaultEndorsements);

        // Accepted at once or after a short refresh throttle; the same token, as Teams would resend it.
        await Eventually.GetAsync(
            async () => (await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}")).StatusCode == HttpStatusCode.OK ? "accepted" : null,
            "the token signed with the newly published key to be accepted");
        await host.WaitForPrivateMessageAsync(Mark);
    }

    [Fact]
    public async Task PostActivity_KeyPublishedAfterStartUp_IsAcceptedWithoutRestart()
    {
        await using var host = await TeamsTestHost.StartAsync();
        await WarmUpAsync(host);
        var rolledOver = host.Identity.AddChannelKey("msteams");
        host.Identity.RemoveChannelKey(host.Identity.ChannelKey);
        var token = host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, key: rolledOver);

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForPrivateMessageAsync(Mark);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("webchat,directline")]
    [InlineData("")]
    public async Task PostActivity_KeyNotEndorsedForMsTeams_Returns403(string endorsements)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var key = host.Identity.AddChannelKey(endorsements.Split(',', StringSplitOptions.RemoveEmptyEntries));
        var token = host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, key: key);

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Fact]
    public async Task PostActivity_KeyWithMsTeamsAmongOtherEndorsements_Returns200()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var key = host.Identity.AddChannelKey("webchat", "msteams", "skype");
        var token = host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, key: key);

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostActivity_KeyWithoutEndorsementsProperty_Returns401Or403()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var key = host.Identity.AddChannelKeyWithoutEndorsements();
        var token = host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, key: key);

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("https://evil.example/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("other-port")]
    public async Task PostActivity_ServiceUrlClaimMissingOrDifferent_Returns401Or403(string claim)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var token = claim switch
        {
            "missing" => host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl, omitClaims: ["serviceurl"]),
            "other-port" => host.Identity.CreateChannelToken(TeamsTestData.AppId, OtherPort(host.Connector.ServiceUrl)),
            _ => host.Identity.CreateChannelToken(TeamsTestData.AppId, claim),
        };

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Fact]
    public async Task PostActivity_ActivityServiceUrlSpoofed_Returns401Or403AndNothingIsSent()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var spoofed = new TeamsActivities("https://evil.example/smba/").GroupMessage(Mark, TeamsTestData.Hurtful);

        var response = await host.PostAsync(spoofed, $"Bearer {host.ChannelToken()}");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Fact]
    public async Task PostActivity_ValidTokenForAHostNotAllowed_Returns403AndNoTokenLeaves()
    {
        await using var host = await TeamsTestHost.StartAsync();
        const string NotAllowed = "https://evil.example/smba/";
        var activity = new TeamsActivities(NotAllowed).GroupMessage(Mark, TeamsTestData.Hurtful);
        var token = host.Identity.CreateChannelToken(TeamsTestData.AppId, NotAllowed);

        var response = await host.PostAsync(activity, $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Fact]
    public async Task PostActivity_ServiceUrlClaimDiffersOnlyInLetterCase_Returns200()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var token = host.Identity.CreateChannelToken(TeamsTestData.AppId, host.Connector.ServiceUrl.ToUpperInvariant());

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForPrivateMessageAsync(Mark);
    }

    [Theory]
    [InlineData("hs256-with-public-key")]
    [InlineData("alg-none")]
    [InlineData("tampered-payload")]
    [InlineData("key-not-in-jwks")]
    [InlineData("impostor-key-with-published-kid")]
    [InlineData("entra-key-on-channel-issuer")]
    public async Task PostActivity_ForgedToken_Returns401(string forgery)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var (identity, appId, serviceUrl) = (host.Identity, TeamsTestData.AppId, host.Connector.ServiceUrl);
        var token = forgery switch
        {
            "hs256-with-public-key" => identity.CreateHs256ChannelToken(appId, serviceUrl),
            "alg-none" => identity.CreateUnsignedChannelToken(appId, serviceUrl),
            "tampered-payload" => FakeBotFrameworkIdentity.Tamper(identity.CreateChannelToken(appId, serviceUrl)),
            "key-not-in-jwks" => identity.CreateChannelToken(appId, serviceUrl, key: identity.CreateUnpublishedKey()),
            "impostor-key-with-published-kid" => identity.CreateChannelToken(appId, serviceUrl, key: identity.CreateUnpublishedKey(identity.ChannelKey.KeyId)),
            _ => identity.CreateChannelToken(appId, serviceUrl, key: identity.EntraKey),
        };

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    [Fact]
    public async Task PostActivity_SingleTenantEntraTokenFromOurTenant_Returns200()
    {
        await using var host = await TeamsTestHost.StartAsync();

        // The contract does not say whether Entra-issued tokens carry serviceurl; this one does, so the
        // test is about the issuer, audience and tenant only.
        var token = host.Identity.CreateEntraToken(TeamsTestData.TenantId, TeamsTestData.AppId, host.Connector.ServiceUrl);
        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForPrivateMessageAsync(Mark);
    }

    [Fact]
    public async Task PostActivity_EntraTokenFromAnotherTenant_Returns401()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var token = host.Identity.CreateEntraToken(TeamsTestData.OtherTenantId, TeamsTestData.AppId, host.Connector.ServiceUrl);

        var response = await host.PostAsync(HurtfulFromMark(host), $"Bearer {token}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await ShouldHaveIgnoredMarkAsync(host);
    }

    private static string OtherPort(string serviceUrl)
    {
        var uri = new Uri(serviceUrl);
        return new UriBuilder(uri) { Port = uri.Port == 65535 ? 1024 : uri.Port + 1 }.Uri.ToString();
    }

    private static JsonObject HurtfulFromMark(TeamsTestHost host) => host.Activities.GroupMessage(Mark, TeamsTestData.Hurtful);

    /// <summary>A calm, accepted activity first, so the bot has fetched and cached the signing keys.</summary>
    private static async Task WarmUpAsync(TeamsTestHost host)
    {
        var response = await host.PostAsync(host.Activities.GroupMessage(TeamsTestData.NewParent(0), TeamsTestData.Calm));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Identity.ChannelKeysFetches.Should().BeGreaterThan(0);
    }

    private static async Task ShouldHaveIgnoredMarkAsync(TeamsTestHost host)
    {
        var barrier = await host.SendBarrierAsync();
        host.ShouldHaveSentNothingBesides(barrier, "a refused activity must never reach the bot");
    }
}
