using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KlassenouderBot.IntegrationTests.Teams.Fakes;

// Minting: the tokens the Bot Connector and Entra ID would send, and the forged ones an attacker would.
internal sealed partial class FakeBotFrameworkIdentity
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>
    /// A Bot Connector token as Teams sends it: <c>iss</c> https://api.botframework.com, <c>aud</c> the app
    /// id, <c>serviceurl</c>, <c>nbf</c> and <c>exp</c>, RS256 with <paramref name="key"/> (by default the
    /// published, msteams-endorsed <see cref="ChannelKey"/>). Every claim can be overridden, added or left out.
    /// </summary>
    public string CreateChannelToken(
        string appId,
        string serviceUrl,
        FakeSigningKey? key = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        string? issuer = null,
        string? audience = null,
        IReadOnlyDictionary<string, JsonNode?>? extraClaims = null,
        IEnumerable<string>? omitClaims = null) =>
        Sign(ChannelPayload(appId, serviceUrl, notBefore, expires, issuer, audience, extraClaims, omitClaims), key ?? ChannelKey);

    /// <summary>
    /// An Entra ID v2 app token (single tenant): <c>iss</c> https://login.microsoftonline.com/{tenant}/v2.0,
    /// <c>aud</c> and <c>azp</c> the app id, <c>tid</c>, <c>ver</c> 2.0, signed with <see cref="EntraKey"/>.
    /// </summary>
    public string CreateEntraToken(
        string tenant,
        string appId,
        string? serviceUrl = null,
        FakeSigningKey? key = null,
        string? issuer = null,
        IReadOnlyDictionary<string, JsonNode?>? extraClaims = null,
        IEnumerable<string>? omitClaims = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var payload = new JsonObject
        {
            ["aud"] = appId,
            ["iss"] = issuer ?? EntraIssuer(tenant),
            ["iat"] = Seconds(now.AddMinutes(-5)),
            ["nbf"] = Seconds(now.AddMinutes(-5)),
            ["exp"] = Seconds(now.AddHours(1)),
            ["azp"] = appId,
            ["azpacr"] = "1",
            ["oid"] = Guid.NewGuid().ToString(),
            ["sub"] = Guid.NewGuid().ToString(),
            ["tid"] = tenant,
            ["uti"] = Base64UrlEncoder.Encode(Guid.NewGuid().ToByteArray()),
            ["ver"] = "2.0",
        };
        if (serviceUrl is not null)
        {
            payload["serviceurl"] = serviceUrl;
        }

        Apply(payload, extraClaims, omitClaims);
        return Sign(payload, key ?? EntraKey);
    }

    /// <summary>The algorithm-confusion forgery: HS256 with the channel key's public key bytes as the HMAC secret.</summary>
    public string CreateHs256ChannelToken(string appId, string serviceUrl)
    {
        var secret = new SymmetricSecurityKey(ChannelKey.PublicKeyDer) { KeyId = ChannelKey.KeyId };
        var payload = ChannelPayload(appId, serviceUrl, null, null, null, null, null, null);
        return Handler.CreateToken(payload.ToJsonString(), new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));
    }

    /// <summary>An unsigned token (<c>alg: none</c>), built by hand: header.payload. with an empty signature.</summary>
    public string CreateUnsignedChannelToken(string appId, string serviceUrl)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = ChannelKey.KeyId };
        var payload = ChannelPayload(appId, serviceUrl, null, null, null, null, null, null);
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.";
    }

    /// <summary>The same token with its payload changed (an hour added to <c>exp</c>) and the original signature kept.</summary>
    public static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["exp"] = payload["exp"]!.GetValue<long>() + 3600;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>The decoded header and payload, for assertions on the fake itself.</summary>
    public static (JsonObject Header, JsonObject Payload) Decode(string token)
    {
        var parts = token.Split('.');
        return (JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject(), JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject());
    }

    private static JsonObject ChannelPayload(
        string appId,
        string serviceUrl,
        DateTimeOffset? notBefore,
        DateTimeOffset? expires,
        string? issuer,
        string? audience,
        IReadOnlyDictionary<string, JsonNode?>? extraClaims,
        IEnumerable<string>? omitClaims)
    {
        var now = TimeProvider.System.GetUtcNow();
        var payload = new JsonObject
        {
            ["serviceurl"] = serviceUrl,
            ["nbf"] = Seconds(notBefore ?? now.AddMinutes(-5)),
            ["exp"] = Seconds(expires ?? now.AddHours(1)),
            ["iss"] = issuer ?? ChannelIssuer,
            ["aud"] = audience ?? appId,
        };
        Apply(payload, extraClaims, omitClaims);
        return payload;
    }

    private static void Apply(JsonObject payload, IReadOnlyDictionary<string, JsonNode?>? extraClaims, IEnumerable<string>? omitClaims)
    {
        foreach (var (name, value) in extraClaims ?? new Dictionary<string, JsonNode?>())
        {
            payload[name] = value?.DeepClone();
        }

        foreach (var name in omitClaims ?? [])
        {
            payload.Remove(name);
        }
    }

    private static string Sign(JsonObject payload, FakeSigningKey key) =>
        Handler.CreateToken(payload.ToJsonString(), key.SigningCredentials);

    private static long Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds();
}
