using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KlassenouderBot.Platforms.Teams;
using KlassenouderBot.Platforms.Teams.Auth;
using KlassenouderBot.Tests.Fakes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KlassenouderBot.Tests.Platforms.Teams;

public sealed class BotFrameworkAuthenticatorTests : IDisposable
{
    private const string AppId = "5f0c2a77-1a38-4bd4-9b4b-2f0c1c0d9e11";
    private const string TenantId = "0c6b1a2e-4d39-4b1e-8a43-5b3c2d1e0f99";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string ChannelIssuer = "https://api.botframework.com";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 21, 19, 0, 0, TimeSpan.Zero));
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _otherRsa = RSA.Create(2048);
    private readonly KeyServer _keys = new();

    public BotFrameworkAuthenticatorTests()
    {
        _keys.Add("key-1", _rsa, ["msteams", "webchat"]);
    }

    [Fact]
    public async Task Authenticate_ValidChannelToken_Succeeds()
    {
        var outcome = await AuthenticateAsync(ChannelToken());

        outcome.Status.Should().Be(AuthenticationStatus.Authenticated);
    }

    [Fact]
    public async Task Authenticate_ExpiredWithinSkew_Succeeds() =>
        (await AuthenticateAsync(ChannelToken(expires: _clock.GetUtcNow().AddMinutes(-4)))).Succeeded.Should().BeTrue();

    [Fact]
    public async Task Authenticate_ExpiredBeyondSkew_IsUnauthorized() =>
        (await AuthenticateAsync(ChannelToken(expires: _clock.GetUtcNow().AddMinutes(-6)))).Status.Should().Be(AuthenticationStatus.Unauthorized);

    [Fact]
    public async Task Authenticate_NotYetValid_IsUnauthorized() =>
        (await AuthenticateAsync(ChannelToken(notBefore: _clock.GetUtcNow().AddMinutes(10)))).Status.Should().Be(AuthenticationStatus.Unauthorized);

    [Theory]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    public async Task Authenticate_WrongIssuer_IsUnauthorized(string issuer) =>
        (await AuthenticateAsync(ChannelToken(issuer: issuer))).Status.Should().Be(AuthenticationStatus.Unauthorized);

    [Fact]
    public async Task Authenticate_WrongAudience_IsUnauthorized() =>
        (await AuthenticateAsync(ChannelToken(audience: Guid.NewGuid().ToString()))).Status.Should().Be(AuthenticationStatus.Unauthorized);

    [Fact]
    public async Task Authenticate_KeyNotEndorsedForTheChannel_IsForbidden()
    {
        _keys.Add("key-webchat", _otherRsa, ["webchat"]);

        var outcome = await AuthenticateAsync(ChannelToken(keyId: "key-webchat", rsa: _otherRsa));

        outcome.Status.Should().Be(AuthenticationStatus.Forbidden);
    }

    [Fact]
    public async Task Authenticate_KeyWithoutEndorsements_IsRejected()
    {
        _keys.Add("key-bare", _otherRsa, endorsements: null);

        var outcome = await AuthenticateAsync(ChannelToken(keyId: "key-bare", rsa: _otherRsa));

        outcome.Succeeded.Should().BeFalse();
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/apac/", false)]
    [InlineData("HTTPS://SMBA.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.trafficmanager.net/emea", true)]
    public async Task Authenticate_ServiceUrlClaim_MustMatchTheActivity(string claim, bool accepted)
    {
        var outcome = await AuthenticateAsync(ChannelToken(serviceUrl: claim));

        outcome.Succeeded.Should().Be(accepted);
        if (!accepted)
        {
            outcome.Status.Should().Be(AuthenticationStatus.Forbidden);
        }
    }

    [Fact]
    public async Task Authenticate_NoServiceUrlClaim_IsForbidden() =>
        (await AuthenticateAsync(ChannelToken(serviceUrl: null))).Status.Should().Be(AuthenticationStatus.Forbidden);

    [Fact]
    public async Task Authenticate_UnknownKey_RefreshesOnceThenAcceptsTheRolledKey()
    {
        await AuthenticateAsync(ChannelToken());
        var token = ChannelToken(keyId: "key-2", rsa: _otherRsa);

        (await AuthenticateAsync(token)).Status.Should().Be(AuthenticationStatus.Unauthorized);
        var fetchesAfterFirstMiss = _keys.JwksFetches;

        _keys.Add("key-2", _otherRsa, ["msteams"]);
        (await AuthenticateAsync(token)).Status.Should().Be(AuthenticationStatus.Unauthorized, "a second miss within the throttle does not fetch again");
        _keys.JwksFetches.Should().Be(fetchesAfterFirstMiss);

        _clock.Advance(TimeSpan.FromSeconds(11));
        (await AuthenticateAsync(token)).Status.Should().Be(AuthenticationStatus.Authenticated);
        fetchesAfterFirstMiss.Should().Be(2);
    }

    [Fact]
    public async Task Authenticate_Hs256SignedWithThePublicKey_IsUnauthorized()
    {
        var secret = new SymmetricSecurityKey(_rsa.ExportRSAPublicKey()) { KeyId = "key-1" };
        var token = new JsonWebTokenHandler().CreateToken(Descriptor(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256)));

        (await AuthenticateAsync(token)).Status.Should().Be(AuthenticationStatus.Unauthorized);
    }

    [Fact]
    public async Task Authenticate_AlgNone_IsUnauthorized()
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var payload = $$"""{"iss":"{{ChannelIssuer}}","aud":"{{AppId}}","serviceurl":"{{ServiceUrl}}","exp":{{_clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds()}}}""";
        var token = $$"""{{Encode("""{"alg":"none","kid":"key-1","typ":"JWT"}""")}}.{{Encode(payload)}}.""";

        (await AuthenticateAsync(token)).Status.Should().Be(AuthenticationStatus.Unauthorized);
    }

    [Fact]
    public async Task Authenticate_TamperedPayload_IsUnauthorized()
    {
        var parts = ChannelToken().Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["serviceurl"] = "https://evil.example/";
        var token = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

        (await AuthenticateAsync(token)).Status.Should().Be(AuthenticationStatus.Unauthorized);
    }

    [Theory]
    [InlineData("Basic abc")]
    [InlineData("Bearer")]
    [InlineData("Bearer a b")]
    [InlineData("Bearer not-a-jwt")]
    public async Task Authenticate_MalformedHeader_IsUnauthorized(string header) =>
        (await CreateSut().AuthenticateAsync(header, Activity(), CancellationToken.None)).Status.Should().Be(AuthenticationStatus.Unauthorized);

    [Fact]
    public async Task Authenticate_NoHeader_IsUnauthorizedUnlessAnonymousIsSwitchedOn()
    {
        (await CreateSut().AuthenticateAsync(null, Activity(), CancellationToken.None)).Status.Should().Be(AuthenticationStatus.Unauthorized);
        (await CreateSut(allowAnonymous: true).AuthenticateAsync(null, Activity(), CancellationToken.None)).Status.Should().Be(AuthenticationStatus.Anonymous);
    }

    [Fact]
    public async Task Authenticate_EntraTokenForOurTenant_Succeeds()
    {
        _keys.Add("entra-1", _otherRsa, endorsements: null, entra: true);

        var outcome = await AuthenticateAsync(EntraToken(TenantId));

        outcome.Status.Should().Be(AuthenticationStatus.Authenticated);
    }

    [Fact]
    public async Task Authenticate_EntraTokenFromAnotherTenant_IsUnauthorized()
    {
        _keys.Add("entra-1", _otherRsa, endorsements: null, entra: true);

        var outcome = await AuthenticateAsync(EntraToken(Guid.NewGuid().ToString()));

        outcome.Status.Should().Be(AuthenticationStatus.Unauthorized);
    }

    [Fact]
    public async Task Authenticate_KeysUnreachable_SaysSoInsteadOfAccepting()
    {
        _keys.Down = true;

        var outcome = await AuthenticateAsync(ChannelToken());

        outcome.Status.Should().Be(AuthenticationStatus.KeysUnavailable);
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _otherRsa.Dispose();
        _keys.Dispose();
    }

    private Task<AuthenticationOutcome> AuthenticateAsync(string token) =>
        CreateSut().AuthenticateAsync($"Bearer {token}", Activity(), CancellationToken.None);

    private BotFrameworkAuthenticator _sut = null!;

    private BotFrameworkAuthenticator CreateSut(bool allowAnonymous = false)
    {
        if (_sut is not null && !allowAnonymous)
        {
            return _sut;
        }

        var options = new TeamsOptions
        {
            AppId = AppId,
            AppPassword = "secret",
            AppTenantId = TenantId,
            AllowUnauthenticated = allowAnonymous,
            ChannelOpenIdMetadataUrl = "https://login.test/v1/.well-known/openidconfiguration",
            EntraOpenIdMetadataUrl = "https://login.test/entra/v2.0/.well-known/openid-configuration",
        };
        var http = new HttpClient(_keys);
        var sut = new BotFrameworkAuthenticator(
            options,
            new SigningKeyCache(http, options.ChannelOpenIdMetadataUrl, options.KeyCacheDuration, options.KeyRefreshMinimumInterval, _clock),
            new SigningKeyCache(http, options.EntraOpenIdMetadataUrl, options.KeyCacheDuration, options.KeyRefreshMinimumInterval, _clock),
            _clock);
        if (!allowAnonymous)
        {
            _sut = sut;
        }

        return sut;
    }

    private static Activity Activity() => new() { Type = "message", ChannelId = "msteams", ServiceUrl = ServiceUrl };

    private string ChannelToken(
        DateTimeOffset? expires = null,
        DateTimeOffset? notBefore = null,
        string issuer = ChannelIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        string keyId = "key-1",
        RSA? rsa = null)
    {
        var key = new RsaSecurityKey(rsa ?? _rsa) { KeyId = keyId };
        var descriptor = Descriptor(new SigningCredentials(key, SecurityAlgorithms.RsaSha256), expires, notBefore, issuer, audience);
        descriptor.Claims = serviceUrl is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["serviceurl"] = serviceUrl };

        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private string EntraToken(string tenant)
    {
        var key = new RsaSecurityKey(_otherRsa) { KeyId = "entra-1" };
        var descriptor = Descriptor(new SigningCredentials(key, SecurityAlgorithms.RsaSha256), issuer: $"https://login.microsoftonline.com/{tenant}/v2.0");
        descriptor.Claims = new Dictionary<string, object> { ["tid"] = tenant, ["ver"] = "2.0", ["azp"] = AppId };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private SecurityTokenDescriptor Descriptor(
        SigningCredentials credentials,
        DateTimeOffset? expires = null,
        DateTimeOffset? notBefore = null,
        string issuer = ChannelIssuer,
        string audience = AppId) => new()
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? _clock.GetUtcNow().AddMinutes(-1)).UtcDateTime,
            NotBefore = (notBefore ?? _clock.GetUtcNow().AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? _clock.GetUtcNow().AddHours(1)).UtcDateTime,
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
        };

    /// <summary>Serves both metadata documents and their key sets from memory.</summary>
    private sealed class KeyServer : HttpMessageHandler
    {
        private readonly List<(string Kid, RSA Rsa, string[]? Endorsements, bool Entra)> _keys = [];

        public int JwksFetches { get; private set; }

        public bool Down { get; set; }

        public void Add(string kid, RSA rsa, string[]? endorsements, bool entra = false) => _keys.Add((kid, rsa, endorsements, entra));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Down)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
            }

            var path = request.RequestUri!.AbsolutePath;
            var entra = path.StartsWith("/entra", StringComparison.Ordinal);
            string body;
            if (path.EndsWith("configuration", StringComparison.Ordinal))
            {
                body = new JsonObject { ["issuer"] = ChannelIssuer, ["jwks_uri"] = entra ? "https://login.test/entra/keys" : "https://login.test/v1/keys" }.ToJsonString();
            }
            else
            {
                JwksFetches += entra ? 0 : 1;
                var keys = new JsonArray();
                foreach (var (kid, rsa, endorsements, isEntra) in _keys.Where(k => k.Entra == entra))
                {
                    var parameters = rsa.ExportParameters(false);
                    var jwk = new JsonObject
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = kid,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    };
                    if (endorsements is not null)
                    {
                        jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
                    }

                    keys.Add(jwk);
                }

                body = new JsonObject { ["keys"] = keys }.ToJsonString();
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
