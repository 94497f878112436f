namespace KlassenouderBot.Platforms.Teams.Auth;

/// <summary>The bearer token the bot presents to the Bot Connector; null in the anonymous local mode.</summary>
internal interface IBotTokenProvider
{
    /// <summary>A cached token, or a new one when it is close to expiry or <paramref name="forceRefresh"/> is set (after a 401).</summary>
    ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}

/// <summary>No identity configured: the local anonymous mode sends no Authorization header, as the Bot Framework SDK does.</summary>
internal sealed class AnonymousTokenProvider : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

/// <summary>A token could not be obtained; the message says why without any secret.</summary>
internal sealed class BotTokenException(string message, Exception? inner = null) : Exception(message, inner);
