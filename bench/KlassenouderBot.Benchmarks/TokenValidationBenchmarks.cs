using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using KlassenouderBot.Platforms.Teams;
using KlassenouderBot.Platforms.Teams.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KlassenouderBot.Benchmarks;

/// <summary>
/// What full Bot Connector token validation costs per request once the signing keys are cached: header
/// parsing, RS256 signature, issuer/audience/lifetime, endorsement and <c>serviceurl</c> checks.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private const string AppId = "5f0c2a77-1a38-4bd4-9b4b-2f0c1c0d9e11";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly RSA _rsa = RSA.Create(2048);
    private BotFrameworkAuthenticator _authenticator = null!;
    private string _header = "";
    private Activity _activity = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new TeamsOptions { AppId = AppId, AppPassword = "x", AppTenantId = "t" };
        var http = new HttpClient(new KeyServer(_rsa));
        SigningKeyCache Cache(string url) => new(http, url, TimeSpan.FromHours(24), TimeSpan.FromSeconds(10), TimeProvider.System);
        _authenticator = new BotFrameworkAuthenticator(options, Cache("https://login.test/v1/config"), Cache("https://login.test/entra/config"), TimeProvider.System);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
        });
        _header = $"Bearer {token}";
        _activity = new Activity { Type = "message", ChannelId = "msteams", ServiceUrl = ServiceUrl };
        if (!ValidateToken().Result)
        {
            throw new InvalidOperationException("The benchmark token does not validate.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _rsa.Dispose();

    [Benchmark]
    public async Task<bool> ValidateToken() =>
        (await _authenticator.AuthenticateAsync(_header, _activity, CancellationToken.None)).Succeeded;

    private sealed class KeyServer(RSA rsa) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var parameters = rsa.ExportParameters(false);
            var body = request.RequestUri!.AbsolutePath.EndsWith("config", StringComparison.Ordinal)
                ? new JsonObject { ["jwks_uri"] = "https://login.test/v1/keys" }
                : new JsonObject
                {
                    ["keys"] = new JsonArray(new JsonObject
                    {
                        ["kty"] = "RSA",
                        ["kid"] = "k1",
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                        ["endorsements"] = new JsonArray("msteams"),
                    }),
                };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") });
        }
    }
}
