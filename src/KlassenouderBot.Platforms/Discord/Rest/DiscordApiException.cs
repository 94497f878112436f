namespace KlassenouderBot.Platforms.Discord.Rest;

/// <summary>A Discord REST call that did not succeed, with Discord's JSON error code when it gave one.</summary>
internal sealed class DiscordApiException(string operation, int? status, int? code, string reason)
    : Exception($"Discord {operation} failed: {reason}")
{
    /// <summary>Discord's "Cannot send messages to this user": the member's DMs are closed to the bot.</summary>
    public const int CannotMessageUser = 50007;

    public string Operation { get; } = operation;

    /// <summary>The HTTP status, or null when no answer came (network, timeout, open circuit).</summary>
    public int? Status { get; } = status;

    /// <summary>Discord's JSON error code, e.g. 50007, 50013, 10003.</summary>
    public int? Code { get; } = code;

    /// <summary>What went wrong, without anything a parent wrote.</summary>
    public string Reason { get; } = reason;

    public bool IsDmClosed => Code == CannotMessageUser;
}
