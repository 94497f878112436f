using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KlassenouderBot.Platforms.Teams.Auth;

/// <summary>
/// Validates the bearer token on <c>POST /api/messages</c> the way the Bot Connector requires: the token's
/// unvalidated issuer picks the key source (Bot Framework for channel tokens, Entra ID for single-tenant
/// tokens), then signature (RS256/384/512 only, key by id, refresh on an unknown id), issuer, audience and
/// lifetime with 5 minutes of skew are checked, and for channel tokens the key's endorsements must name the
/// activity's channel and the <c>serviceurl</c> claim must equal the activity's service URL.
/// </summary>
internal sealed class BotFrameworkAuthenticator(
    TeamsOptions options,
    SigningKeyCache channelKeys,
    SigningKeyCache entraKeys,
    TimeProvider timeProvider)
{
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly AuthenticationOutcome Authenticated = new(AuthenticationStatus.Authenticated, "valid token");

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return options.AllowUnauthenticated
                ? new AuthenticationOutcome(AuthenticationStatus.Anonymous, "no token; anonymous access is switched on")
                : AuthenticationOutcome.Unauthorized("no Authorization header");
        }

        if (!options.IsConfigured)
        {
            // A token we cannot check is not a token we accept, even in anonymous mode.
            return AuthenticationOutcome.Unauthorized("MicrosoftAppId is not configured");
        }

        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            return AuthenticationOutcome.Unauthorized("not a Bearer token");
        }

        var token = parts[1];
        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthenticationOutcome.Unauthorized("malformed token");
        }

        if (!AllowedAlgorithms.Contains(unvalidated.Alg, StringComparer.Ordinal))
        {
            return AuthenticationOutcome.Unauthorized($"algorithm '{unvalidated.Alg}' is not allowed");
        }

        if (string.IsNullOrEmpty(unvalidated.Kid))
        {
            return AuthenticationOutcome.Unauthorized("token names no signing key");
        }

        var issuer = unvalidated.Issuer;
        if (string.Equals(issuer, options.ChannelTokenIssuer, StringComparison.Ordinal))
        {
            return await ValidateChannelTokenAsync(token, unvalidated.Kid, activity, cancellationToken);
        }

        if (options.EntraIssuers.Contains(issuer, StringComparer.Ordinal))
        {
            return await ValidateEntraTokenAsync(token, unvalidated.Kid, activity, cancellationToken);
        }

        return AuthenticationOutcome.Unauthorized("unknown issuer");
    }

    private async Task<AuthenticationOutcome> ValidateChannelTokenAsync(string token, string keyId, Activity activity, CancellationToken cancellationToken)
    {
        var (key, failure) = await FindKeyAsync(channelKeys, keyId, cancellationToken);
        if (key is null)
        {
            return failure!;
        }

        var result = await ValidateAsync(token, key, [options.ChannelTokenIssuer], [options.AppId]);
        if (!result.IsValid)
        {
            return AuthenticationOutcome.Unauthorized(Describe(result.Exception));
        }

        // Endorsements bind a key to the channels it may speak for; a key without them is not a channel key.
        if (key.Endorsements is null)
        {
            return AuthenticationOutcome.Forbidden("signing key has no endorsements");
        }

        if (!string.IsNullOrEmpty(activity.ChannelId) && !key.Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return AuthenticationOutcome.Forbidden("signing key is not endorsed for the activity's channel");
        }

        return CheckServiceUrl(result, activity, required: true) ?? Authenticated;
    }

    private async Task<AuthenticationOutcome> ValidateEntraTokenAsync(string token, string keyId, Activity activity, CancellationToken cancellationToken)
    {
        var (key, failure) = await FindKeyAsync(entraKeys, keyId, cancellationToken);
        if (key is null)
        {
            return failure!;
        }

        var audiences = new[] { options.AppId, $"api://{options.AppId}", $"api://botid-{options.AppId}" };
        var result = await ValidateAsync(token, key, options.EntraIssuers, audiences);
        if (!result.IsValid)
        {
            return AuthenticationOutcome.Unauthorized(Describe(result.Exception));
        }

        // The issuer names the tenant; the tid claim must agree, or a token from elsewhere could borrow our issuer string.
        if (!result.Claims.TryGetValue("tid", out var tenant) || !string.Equals(tenant as string, options.AppTenantId, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Unauthorized("tenant claim does not match");
        }

        return CheckServiceUrl(result, activity, required: false) ?? Authenticated;
    }

    private static async Task<(SigningKey? Key, AuthenticationOutcome? Failure)> FindKeyAsync(SigningKeyCache cache, string keyId, CancellationToken cancellationToken)
    {
        try
        {
            var key = await cache.FindAsync(keyId, cancellationToken);
            return key is null ? (null, AuthenticationOutcome.Unauthorized("unknown signing key")) : (key, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or KeyDocumentException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, new AuthenticationOutcome(AuthenticationStatus.KeysUnavailable, $"signing keys unavailable: {exception.GetType().Name}"));
        }
    }

    private Task<TokenValidationResult> ValidateAsync(string token, SigningKey key, IEnumerable<string> issuers, IEnumerable<string> audiences) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudiences = audiences,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = ClockSkew,
            TryAllIssuerSigningKeys = false,
            LifetimeValidator = IsWithinLifetime,
        });

    /// <summary>The lifetime check on the injected clock, with the industry-standard 5 minutes of skew.</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } expiry
            && expiry.ToUniversalTime() + ClockSkew >= now
            && (notBefore is not { } start || start.ToUniversalTime() - ClockSkew <= now);
    }

    private static AuthenticationOutcome? CheckServiceUrl(TokenValidationResult result, Activity activity, bool required)
    {
        var claim = result.Claims.TryGetValue("serviceurl", out var value) ? value as string : null;
        if (claim is null)
        {
            return required ? AuthenticationOutcome.Forbidden("token has no serviceurl claim") : null;
        }

        return SameServiceUrl(claim, activity.ServiceUrl) ? null : AuthenticationOutcome.Forbidden("serviceurl claim does not match the activity");
    }

    /// <summary>Compared as the Bot Framework SDK does (ignoring case), and a trailing slash does not make a different URL.</summary>
    internal static bool SameServiceUrl(string claim, string? activityServiceUrl) =>
        activityServiceUrl is not null
        && string.Equals(claim.TrimEnd('/'), activityServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidLifetimeException => "token expired or not yet valid",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenNoExpirationException => "token has no expiry",
        null => "invalid token",
        _ => exception.GetType().Name,
    };
}
