using System.Net;

namespace KlassenouderBot.Platforms.Teams.Connector;

/// <summary>
/// A Bot Connector call that did not succeed after retries. Carries the status and the connector's error
/// code (e.g. <c>MessageWritesBlocked</c>), never the message that was being sent.
/// </summary>
internal sealed class ConnectorException(string operation, HttpStatusCode? statusCode, string? errorCode, Exception? inner = null)
    : Exception($"{operation} failed: {(statusCode is { } code ? ((int)code).ToString() : "no response")} {errorCode}".TrimEnd(), inner)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;

    public string? ErrorCode { get; } = errorCode;

    /// <summary>The user blocked or removed the bot: sending again will not help.</summary>
    public bool WritesBlocked => StatusCode == HttpStatusCode.Forbidden
        && (ErrorCode?.Contains("MessageWritesBlocked", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>A short reason to store with an undelivered intervention.</summary>
    public string Reason => WritesBlocked
        ? "blocked: the recipient removed or blocked the bot"
        : StatusCode is { } code ? $"connector {(int)code} {ErrorCode}".TrimEnd() : $"connector unreachable ({ErrorCode ?? InnerException?.GetType().Name})";
}
