using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace KlassenouderBot.IntegrationTests.Teams.Fakes;

/// <summary>
/// Stands in for login.botframework.com (OpenID metadata and JWKS with <c>endorsements</c>) and for
/// login.microsoftonline.com (per-tenant metadata, keys and the client-credentials token endpoint).
/// Keys can be added, removed and re-endorsed while the bot runs; every fetch is counted.
/// </summary>
internal sealed partial class FakeBotFrameworkIdentity : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string BotFrameworkResource = "https://api.botframework.com";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    /// <summary>What the real Bot Framework JWKS lists for the keys Teams uses.</summary>
    public static readonly IReadOnlyList<string> DefaultEndorsements = ["msteams", "webchat", "directline", "skype"];

    private readonly Lock _gate = new();
    private readonly List<(FakeSigningKey Key, IReadOnlyList<string>? Endorsements)> _channelKeys = [];
    private readonly List<FakeSigningKey> _entraKeys = [];
    private readonly List<FakeSigningKey> _ownedKeys = [];
    private readonly List<TokenRequestRecord> _tokenRequests = [];
    private readonly ConcurrentDictionary<string, (string Secret, string Tenant)> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedAccessToken> _issuedTokens = new(StringComparer.Ordinal);
    private LoopbackServer? _server;
    private int _channelMetadataFetches;
    private int _channelKeysFetches;
    private int _entraMetadataFetches;
    private int _entraKeysFetches;

    private FakeBotFrameworkIdentity()
    {
        ChannelKey = OwnKey(new FakeSigningKey("bf-key-1"));
        _channelKeys.Add((ChannelKey, DefaultEndorsements));
        EntraKey = OwnKey(new FakeSigningKey("entra-key-1"));
        _entraKeys.Add(EntraKey);
    }

    /// <summary>The published channel key, endorsed for <see cref="DefaultEndorsements"/>.</summary>
    public FakeSigningKey ChannelKey { get; }

    /// <summary>The published Entra ID key (Entra keys carry no endorsements).</summary>
    public FakeSigningKey EntraKey { get; }

    public Uri BaseAddress => _server?.BaseAddress ?? throw new InvalidOperationException("Not started.");

    /// <summary>For <c>ToBotFromChannelOpenIdMetadataUrl</c>.</summary>
    public string ChannelMetadataUrl => $"{BaseAddress}v1/.well-known/openidconfiguration";

    public string ChannelKeysUrl => $"{BaseAddress}v1/.well-known/keys";

    /// <summary>For <c>ToBotFromEmulatorOpenIdMetadataUrl</c> (single tenant).</summary>
    public string EntraMetadataUrl(string tenant) => $"{BaseAddress}{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>For <c>ToChannelFromBotLoginUrl</c>: the authority, without a trailing slash.</summary>
    public string LoginUrl(string tenant) => $"{BaseAddress}{tenant}";

    public static string EntraIssuer(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    public int ChannelMetadataFetches => Volatile.Read(ref _channelMetadataFetches);

    public int ChannelKeysFetches => Volatile.Read(ref _channelKeysFetches);

    public int EntraMetadataFetches => Volatile.Read(ref _entraMetadataFetches);

    public int EntraKeysFetches => Volatile.Read(ref _entraKeysFetches);

    /// <summary>How long issued access tokens live (<c>expires_in</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public IReadOnlyList<TokenRequestRecord> TokenRequests
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokenRequests];
            }
        }
    }

    public IReadOnlyCollection<string> IssuedAccessTokens => [.. _issuedTokens.Keys];

    public static async Task<FakeBotFrameworkIdentity> StartAsync()
    {
        var identity = new FakeBotFrameworkIdentity();
        identity._server = await LoopbackServer.StartAsync(identity.HandleAsync);
        return identity;
    }

    /// <summary>Lets the token endpoint of <paramref name="tenant"/> issue tokens to this app registration.</summary>
    public void RegisterClient(string tenant, string clientId, string clientSecret) =>
        _clients[clientId] = (clientSecret, tenant);

    /// <summary>True for a token this fake issued for <paramref name="resource"/> that has not expired.</summary>
    public bool IsValidAccessToken(string token, string resource = BotFrameworkResource) =>
        _issuedTokens.TryGetValue(token, out var issued)
        && issued.Resource == resource
        && issued.ExpiresAt > TimeProvider.System.GetUtcNow();

    /// <summary>Publishes a new channel key; no endorsements at all is <see cref="AddChannelKeyWithoutEndorsements"/>.</summary>
    public FakeSigningKey AddChannelKey(params string[] endorsements)
    {
        var key = OwnKey(new FakeSigningKey());
        PublishChannelKey(key, endorsements);
        return key;
    }

    /// <summary>Publishes a channel key whose JWKS entry has no <c>endorsements</c> property.</summary>
    public FakeSigningKey AddChannelKeyWithoutEndorsements()
    {
        var key = OwnKey(new FakeSigningKey());
        PublishChannelKey(key, null);
        return key;
    }

    /// <summary>A key that is in no JWKS (yet): tokens signed with it have an unknown kid.</summary>
    public FakeSigningKey CreateUnpublishedKey(string? keyId = null) => OwnKey(new FakeSigningKey(keyId));

    /// <summary>Adds <paramref name="key"/> to the channel JWKS, or replaces its endorsements (null: no property).</summary>
    public void PublishChannelKey(FakeSigningKey key, IReadOnlyList<string>? endorsements)
    {
        lock (_gate)
        {
            _channelKeys.RemoveAll(k => k.Key.KeyId == key.KeyId);
            _channelKeys.Add((key, endorsements));
        }
    }

    public void RemoveChannelKey(FakeSigningKey key)
    {
        lock (_gate)
        {
            _channelKeys.RemoveAll(k => k.Key.KeyId == key.KeyId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        foreach (var key in _ownedKeys)
        {
            key.Dispose();
        }
    }

    private FakeSigningKey OwnKey(FakeSigningKey key)
    {
        lock (_gate)
        {
            _ownedKeys.Add(key);
        }

        return key;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = (request.Path.Value ?? "").Trim('/').Split('/');
        var path = string.Join('/', segments);

        if (HttpMethods.IsGet(request.Method) && path is "v1/.well-known/openidconfiguration" or "v1/.well-known/openid-configuration")
        {
            Interlocked.Increment(ref _channelMetadataFetches);
            await LoopbackServer.WriteJsonAsync(context.Response, 200, ChannelMetadata());
        }
        else if (HttpMethods.IsGet(request.Method) && path == "v1/.well-known/keys")
        {
            Interlocked.Increment(ref _channelKeysFetches);
            await LoopbackServer.WriteJsonAsync(context.Response, 200, ChannelKeys());
        }
        else if (HttpMethods.IsGet(request.Method) && segments is [var tenant, "v2.0", ".well-known", "openid-configuration"])
        {
            Interlocked.Increment(ref _entraMetadataFetches);
            await LoopbackServer.WriteJsonAsync(context.Response, 200, EntraMetadata(tenant));
        }
        else if (HttpMethods.IsGet(request.Method) && segments is [_, "discovery", "v2.0", "keys"])
        {
            Interlocked.Increment(ref _entraKeysFetches);
            await LoopbackServer.WriteJsonAsync(context.Response, 200, EntraKeys());
        }
        else if (HttpMethods.IsPost(request.Method) && segments is [var tokenTenant, "oauth2", "v2.0", "token"])
        {
            await IssueTokenAsync(context, tokenTenant);
        }
        else
        {
            await LoopbackServer.WriteJsonAsync(context.Response, 404, new JsonObject { ["error"] = "not_found" });
        }
    }

    private JsonObject ChannelMetadata() => new()
    {
        ["issuer"] = ChannelIssuer,
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = ChannelKeysUrl,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_signing_alg_values_supported"] = new JsonArray("RS256"),
    };

    private JsonObject ChannelKeys()
    {
        lock (_gate)
        {
            return new JsonObject { ["keys"] = new JsonArray([.. _channelKeys.Select(k => (JsonNode)k.Key.ToJwk(k.Endorsements))]) };
        }
    }

    private JsonObject EntraMetadata(string tenant) => new()
    {
        ["token_endpoint"] = $"{BaseAddress}{tenant}/oauth2/v2.0/token",
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
        ["jwks_uri"] = $"{BaseAddress}{tenant}/discovery/v2.0/keys",
        ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["issuer"] = EntraIssuer(tenant),
        ["authorization_endpoint"] = $"{BaseAddress}{tenant}/oauth2/v2.0/authorize",
        ["tenant_region_scope"] = "EU",
    };

    private JsonObject EntraKeys()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["keys"] = new JsonArray([.. _entraKeys.Select(k =>
                {
                    var jwk = k.ToJwk(endorsements: null);
                    jwk["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0";
                    return (JsonNode)jwk;
                })]),
            };
        }
    }

    private async Task IssueTokenAsync(HttpContext context, string tenant)
    {
        var request = context.Request;
        IFormCollection form = request.HasFormContentType ? await request.ReadFormAsync() : FormCollection.Empty;
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        var grantType = Field("grant_type");
        var clientId = Field("client_id");
        var clientSecret = Field("client_secret");
        var scope = Field("scope");

        var (status, body) = Decide(tenant, grantType, clientId, clientSecret, scope);
        lock (_gate)
        {
            _tokenRequests.Add(new TokenRequestRecord(tenant, grantType, clientId, clientSecret, scope, status, TimeProvider.System.GetUtcNow()));
        }

        await LoopbackServer.WriteJsonAsync(context.Response, status, body);
    }

    private (int Status, JsonObject Body) Decide(string tenant, string? grantType, string? clientId, string? clientSecret, string? scope)
    {
        if (grantType != "client_credentials")
        {
            return (400, Error("unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type."));
        }

        if (string.IsNullOrEmpty(clientId) || !_clients.TryGetValue(clientId, out var client) || client.Tenant != tenant)
        {
            return (400, Error("unauthorized_client", $"AADSTS700016: Application '{clientId}' was not found in the directory '{tenant}'."));
        }

        if (client.Secret != clientSecret)
        {
            return (401, Error("invalid_client", "AADSTS7000215: Invalid client secret provided."));
        }

        if (string.IsNullOrEmpty(scope) || !scope.EndsWith("/.default", StringComparison.Ordinal))
        {
            return (400, Error("invalid_scope", "AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier."));
        }

        return (200, Issue(scope[..^"/.default".Length], clientId));
    }

    private JsonObject Issue(string resource, string clientId)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(48));
        _issuedTokens[token] = new IssuedAccessToken(resource, clientId, TimeProvider.System.GetUtcNow() + AccessTokenLifetime);
        var seconds = (int)AccessTokenLifetime.TotalSeconds;
        return new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = seconds,
            ["ext_expires_in"] = seconds,
            ["access_token"] = token,
        };
    }

    private static JsonObject Error(string error, string description) => new()
    {
        ["error"] = error,
        ["error_description"] = description,
        ["error_codes"] = new JsonArray(int.Parse(description[6..description.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)),
        ["trace_id"] = Guid.NewGuid().ToString(),
        ["correlation_id"] = Guid.NewGuid().ToString(),
    };

    private sealed record IssuedAccessToken(string Resource, string ClientId, DateTimeOffset ExpiresAt);
}
