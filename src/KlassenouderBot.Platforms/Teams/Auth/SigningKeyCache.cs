using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace KlassenouderBot.Platforms.Teams.Auth;

/// <summary>A signing key and the channels the Bot Framework endorses it for (null: no endorsements listed).</summary>
internal sealed record SigningKey(SecurityKey Key, IReadOnlyList<string>? Endorsements);

/// <summary>
/// The signing keys behind one OpenID metadata document, cached for a day and fetched again when a token
/// names a key id the cache does not know (key rollover). Endorsements are a Bot Framework extension of
/// the JWKS, so the document is read here rather than through a generic OpenID client.
/// </summary>
internal sealed class SigningKeyCache(
    HttpClient httpClient,
    string metadataUrl,
    TimeSpan cacheDuration,
    TimeSpan minimumRefreshInterval,
    TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private Task<IReadOnlyDictionary<string, SigningKey>>? _refreshing;
    private IReadOnlyDictionary<string, SigningKey>? _keys;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset _lastMissRefresh = DateTimeOffset.MinValue;

    /// <summary>The key with this id, refreshing once (within the throttle) when it is unknown or the cache is old.</summary>
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = _keys;
        var now = timeProvider.GetUtcNow();
        if (keys is not null && now - _fetchedAt < cacheDuration && keys.TryGetValue(keyId, out var known))
        {
            return known;
        }

        keys = await RefreshAsync(force: keys is null || now - _fetchedAt >= cacheDuration, cancellationToken);
        return keys.TryGetValue(keyId, out var found) ? found : null;
    }

    /// <summary>One refresh at a time: concurrent callers with the same unknown key id share it.</summary>
    private Task<IReadOnlyDictionary<string, SigningKey>> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_refreshing is { IsCompleted: false } running)
            {
                return running.WaitAsync(cancellationToken);
            }

            // Only refreshes caused by an unknown key id are throttled; the scheduled one always runs.
            var now = timeProvider.GetUtcNow();
            if (!force)
            {
                if (_keys is { } current && now - _lastMissRefresh < minimumRefreshInterval)
                {
                    return Task.FromResult(current);
                }

                _lastMissRefresh = now;
            }

            _refreshing = RefreshCoreAsync(now);
            return _refreshing.WaitAsync(cancellationToken);
        }
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> RefreshCoreAsync(DateTimeOffset now)
    {
        try
        {
            // Not the caller's token: a request that gives up must not abort the fetch others wait for.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20), timeProvider);
            var keys = await FetchAsync(timeout.Token);
            _keys = keys;
            _fetchedAt = now;
            return keys;
        }
        catch (Exception exception) when (_keys is { } previous && exception is HttpRequestException or JsonException or KeyDocumentException or OperationCanceledException)
        {
            // Keep trusting the keys we had: an outage of the metadata endpoint must not lock every parent out.
            return previous;
        }
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> FetchAsync(CancellationToken cancellationToken)
    {
        using var metadata = await GetJsonAsync(metadataUrl, cancellationToken);
        if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwksUri) || jwksUri.GetString() is not { Length: > 0 } jwksUrl)
        {
            throw new KeyDocumentException("The OpenID metadata has no jwks_uri.");
        }

        if (!TeamsOptionsValidator.IsSecureOrLoopback(jwksUrl))
        {
            throw new KeyDocumentException("The jwks_uri must be https (http only on loopback).");
        }

        using var jwks = await GetJsonAsync(jwksUrl, cancellationToken);
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        if (!jwks.RootElement.TryGetProperty("keys", out var keyArray) || keyArray.ValueKind != JsonValueKind.Array)
        {
            return keys;
        }

        foreach (var element in keyArray.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var key = new JsonWebKey(element.GetRawText());
            if (string.IsNullOrEmpty(key.Kid) || key.Kty != JsonWebAlgorithmsKeyTypes.RSA)
            {
                continue;
            }

            IReadOnlyList<string>? endorsements = element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : null;
            keys[key.Kid] = new SigningKey(key, endorsements);
        }

        return keys;
    }

    private async Task<JsonDocument> GetJsonAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await httpClient.GetAsync(new Uri(url), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new KeyDocumentException($"GET {url} answered {(int)response.StatusCode}.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }
}

/// <summary>The metadata or key document could not be used.</summary>
internal sealed class KeyDocumentException(string message) : Exception(message);
