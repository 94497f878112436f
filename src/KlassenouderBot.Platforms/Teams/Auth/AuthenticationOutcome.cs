namespace KlassenouderBot.Platforms.Teams.Auth;

internal enum AuthenticationStatus
{
    /// <summary>A valid Bot Connector or Entra ID token.</summary>
    Authenticated,

    /// <summary>No token, accepted only under the explicit local opt-in.</summary>
    Anonymous,

    /// <summary>Missing, malformed or invalid token: 401.</summary>
    Unauthorized,

    /// <summary>A valid token that does not fit this activity (endorsement, service URL): 403.</summary>
    Forbidden,

    /// <summary>The signing keys could not be fetched: 503, so the channel delivers again later.</summary>
    KeysUnavailable,
}

/// <summary>The verdict on a request's token; <see cref="Reason"/> is for logs and never for the response body.</summary>
internal sealed record AuthenticationOutcome(AuthenticationStatus Status, string Reason)
{
    public bool Succeeded => Status is AuthenticationStatus.Authenticated or AuthenticationStatus.Anonymous;

    public static AuthenticationOutcome Unauthorized(string reason) => new(AuthenticationStatus.Unauthorized, reason);

    public static AuthenticationOutcome Forbidden(string reason) => new(AuthenticationStatus.Forbidden, reason);
}
