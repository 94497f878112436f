using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KlassenouderBot.IntegrationTests.Teams.Fakes;

/// <summary>The fake login services alone: if these fail, no Teams end-to-end result means anything.</summary>
public sealed class FakeBotFrameworkIdentityTests
{
    private const string AppId = "0d5b3c7e-2f4a-4e61-9b8d-1a2c3e4f5a6b";
    private const string Tenant = "7e2a9c41-58b3-4d6f-a0e1-3c5b7d9f1e20";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    [Fact]
    public async Task GetChannelMetadata_Always_PointsAtItsOwnKeys()
    {
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        using var http = new HttpClient();

        var metadata = JsonNode.Parse(await http.GetStringAsync(new Uri(identity.ChannelMetadataUrl)))!;

        metadata["issuer"]!.GetValue<string>().Should().Be("https://api.botframework.com");
        metadata["jwks_uri"]!.GetValue<string>().Should().Be($"http://127.0.0.1:{identity.BaseAddress.Port}/v1/.well-known/keys");
        metadata["id_token_signing_alg_values_supported"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("RS256");
        metadata["token_endpoint_auth_signing_alg_values_supported"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("RS256");
        identity.ChannelMetadataFetches.Should().Be(1);
    }

    [Fact]
    public async Task GetChannelKeys_KeysAddedAndRemovedAtRuntime_ServesEndorsementsPerKeyAndCountsFetches()
    {
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        using var http = new HttpClient();
        var webchatOnly = identity.AddChannelKey("webchat");
        var bare = identity.AddChannelKeyWithoutEndorsements();
        var unpublished = identity.CreateUnpublishedKey();

        var keys = await GetKeysAsync(http, identity.ChannelKeysUrl);

        keys.Keys.Should().BeEquivalentTo([identity.ChannelKey.KeyId, webchatOnly.KeyId, bare.KeyId]);
        Endorsements(keys[identity.ChannelKey.KeyId]).Should().Contain("msteams");
        Endorsements(keys[webchatOnly.KeyId]).Should().Equal("webchat");
        keys[bare.KeyId].ContainsKey("endorsements").Should().BeFalse();
        keys[identity.ChannelKey.KeyId]["kty"]!.GetValue<string>().Should().Be("RSA");
        keys[identity.ChannelKey.KeyId]["n"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        keys[identity.ChannelKey.KeyId]["e"]!.GetValue<string>().Should().Be("AQAB");

        identity.RemoveChannelKey(webchatOnly);
        identity.PublishChannelKey(unpublished, ["msteams"]);
        identity.PublishChannelKey(bare, ["msteams", "webchat"]);
        var rotated = await GetKeysAsync(http, identity.ChannelKeysUrl);

        rotated.Keys.Should().BeEquivalentTo([identity.ChannelKey.KeyId, bare.KeyId, unpublished.KeyId]);
        Endorsements(rotated[bare.KeyId]).Should().Equal("msteams", "webchat");
        identity.ChannelKeysFetches.Should().Be(2);
    }

    [Fact]
    public async Task CreateChannelToken_Defaults_ValidatesAgainstTheServedKeysWithTheBotFrameworkClaims()
    {
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        using var http = new HttpClient();

        var token = identity.CreateChannelToken(AppId, ServiceUrl);

        var result = await ValidateAsync(http, identity.ChannelKeysUrl, token, FakeBotFrameworkIdentity.ChannelIssuer);
        result.IsValid.Should().BeTrue(result.Exception?.Message);
        var (header, payload) = FakeBotFrameworkIdentity.Decode(token);
        header["alg"]!.GetValue<string>().Should().Be("RS256");
        header["kid"]!.GetValue<string>().Should().Be(identity.ChannelKey.KeyId);
        payload["serviceurl"]!.GetValue<string>().Should().Be(ServiceUrl);
        payload["aud"]!.GetValue<string>().Should().Be(AppId);
        payload.Select(p => p.Key).Should().BeEquivalentTo(["serviceurl", "nbf", "exp", "iss", "aud"]);
    }

    [Fact]
    public async Task CreateChannelToken_Overrides_ChangeOnlyWhatWasAskedFor()
    {
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        var expires = TimeProvider.System.GetUtcNow().AddMinutes(-10);
        var other = identity.AddChannelKey("msteams");

        var token = identity.CreateChannelToken(
            AppId,
            ServiceUrl,
            key: other,
            notBefore: expires.AddHours(-1),
            expires: expires,
            issuer: "https://api.botframework.com/",
            extraClaims: new Dictionary<string, JsonNode?> { ["appid"] = "someone" },
            omitClaims: ["aud", "serviceurl"]);

        var (header, payload) = FakeBotFrameworkIdentity.Decode(token);
        header["kid"]!.GetValue<string>().Should().Be(other.KeyId);
        payload["exp"]!.GetValue<long>().Should().Be(expires.ToUnixTimeSeconds());
        payload["nbf"]!.GetValue<long>().Should().Be(expires.AddHours(-1).ToUnixTimeSeconds());
        payload["iss"]!.GetValue<string>().Should().Be("https://api.botframework.com/");
        payload["appid"]!.GetValue<string>().Should().Be("someone");
        payload.ContainsKey("aud").Should().BeFalse();
        payload.ContainsKey("serviceurl").Should().BeFalse();
    }

    [Fact]
    public async Task ForgedTokens_HmacUnsignedTamperedOrUnknownKey_FailValidationAgainstTheServedKeys()
    {
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        using var http = new HttpClient();
        var hs256 = identity.CreateHs256ChannelToken(AppId, ServiceUrl);
        var none = identity.CreateUnsignedChannelToken(AppId, ServiceUrl);
        var tampered = FakeBotFrameworkIdentity.Tamper(identity.CreateChannelToken(AppId, ServiceUrl));
        var unknownKey = identity.CreateChannelToken(AppId, ServiceUrl, key: identity.CreateUnpublishedKey());
        var impostor = identity.CreateChannelToken(AppId, ServiceUrl, key: identity.CreateUnpublishedKey(identity.ChannelKey.KeyId));

        FakeBotFrameworkIdentity.Decode(hs256).Header["alg"]!.GetValue<string>().Should().Be("HS256");
        FakeBotFrameworkIdentity.Decode(none).Header["alg"]!.GetValue<string>().Should().Be("none");
        none.Should().EndWith(".");
        FakeBotFrameworkIdentity.Decode(tampered).Payload["aud"]!.GetValue<string>().Should().Be(AppId);
        foreach (var token in new[] { hs256, none, tampered, unknownKey, impostor })
        {
            (await ValidateAsync(http, identity.ChannelKeysUrl, token, FakeBotFrameworkIdentity.ChannelIssuer)).IsValid.Should().BeFalse();
        }
    }

    [Fact]
    public async Task CreateEntraToken_OurTenant_ValidatesAgainstThatTenantsMetadataAndKeys()
    {
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        using var http = new HttpClient();

        var metadata = JsonNode.Parse(await http.GetStringAsync(new Uri(identity.EntraMetadataUrl(Tenant))))!;
        var token = identity.CreateEntraToken(Tenant, AppId);

        metadata["issuer"]!.GetValue<string>().Should().Be($"https://login.microsoftonline.com/{Tenant}/v2.0");
        var keysUrl = metadata["jwks_uri"]!.GetValue<string>();
        keysUrl.Should().Be($"{identity.BaseAddress}{Tenant}/discovery/v2.0/keys");
        (await GetKeysAsync(http, keysUrl)).Values.Should().OnlyContain(k => !k.ContainsKey("endorsements"));
        var result = await ValidateAsync(http, keysUrl, token, $"https://login.microsoftonline.com/{Tenant}/v2.0");
        result.IsValid.Should().BeTrue(result.Exception?.Message);
        var payload = FakeBotFrameworkIdentity.Decode(token).Payload;
        payload["tid"]!.GetValue<string>().Should().Be(Tenant);
        payload["azp"]!.GetValue<string>().Should().Be(AppId);
        payload["ver"]!.GetValue<string>().Should().Be("2.0");
        identity.EntraMetadataFetches.Should().Be(1);
        identity.EntraKeysFetches.Should().Be(2);
    }

    [Fact]
    public async Task PostToken_RegisteredClient_IssuesAnOpaqueBotFrameworkTokenAndRecordsTheCall()
    {
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        identity.RegisterClient(Tenant, AppId, "s3cret");
        using var http = new HttpClient();

        var response = await RequestTokenAsync(http, identity, Tenant, "s3cret", FakeBotFrameworkIdentity.BotFrameworkScope);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["token_type"]!.GetValue<string>().Should().Be("Bearer");
        body["expires_in"]!.GetValue<int>().Should().Be(3600);
        body["ext_expires_in"]!.GetValue<int>().Should().Be(3600);
        var token = body["access_token"]!.GetValue<string>();
        token.Should().NotContain(".", "the token is opaque, not a JWT the bot could be tempted to parse");
        identity.IsValidAccessToken(token).Should().BeTrue();
        identity.IsValidAccessToken(token, "https://graph.microsoft.com").Should().BeFalse();
        identity.TokenRequests.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Tenant,
            GrantType = "client_credentials",
            ClientId = AppId,
            ClientSecret = "s3cret",
            Scope = "https://api.botframework.com/.default",
            StatusCode = 200,
        });
    }

    [Theory]
    [InlineData(Tenant, "wrong", "https://api.botframework.com/.default", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("11111111-2222-3333-4444-555555555555", "s3cret", "https://api.botframework.com/.default", HttpStatusCode.BadRequest, "unauthorized_client")]
    [InlineData(Tenant, "s3cret", "https://api.botframework.com", HttpStatusCode.BadRequest, "invalid_scope")]
    public async Task PostToken_BadRequest_AnswersLikeEntraAndIssuesNothing(string tenant, string secret, string scope, HttpStatusCode expected, string error)
    {
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        identity.RegisterClient(Tenant, AppId, "s3cret");
        using var http = new HttpClient();

        var response = await RequestTokenAsync(http, identity, tenant, secret, scope);

        response.StatusCode.Should().Be(expected);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>().Should().Be(error);
        identity.IssuedAccessTokens.Should().BeEmpty();
        identity.TokenRequests.Should().ContainSingle().Which.StatusCode.Should().Be((int)expected);
    }

    private static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, FakeBotFrameworkIdentity identity, string tenant, string secret, string scope) =>
        await http.PostAsync(
            new Uri($"{identity.LoginUrl(tenant)}/oauth2/v2.0/token"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = AppId,
                ["client_secret"] = secret,
                ["scope"] = scope,
            }));

    private static async Task<Dictionary<string, JsonObject>> GetKeysAsync(HttpClient http, string url)
    {
        var jwks = JsonNode.Parse(await http.GetStringAsync(new Uri(url)))!;
        return jwks["keys"]!.AsArray().Select(k => k!.AsObject()).ToDictionary(k => k["kid"]!.GetValue<string>());
    }

    private static IEnumerable<string> Endorsements(JsonObject key) => key["endorsements"]!.AsArray().Select(e => e!.GetValue<string>());

    private static async Task<TokenValidationResult> ValidateAsync(HttpClient http, string keysUrl, string token, string issuer)
    {
        var keys = new JsonWebKeySet(await http.GetStringAsync(new Uri(keysUrl)));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = AppId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
    }
}
