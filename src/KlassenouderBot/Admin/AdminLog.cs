namespace KlassenouderBot.Admin;

/// <summary>Admin app events (EventIds 1300–1399). Never a password; the setup link only while no admin exists.</summary>
internal static partial class AdminLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "No admin account yet. Open {Path} on this server to create the school admin (the link works once, until the bot restarts), or run: create-admin --email EMAIL --password-stdin")]
    public static partial void FirstAdminLink(this ILogger logger, string path);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Account {AccountId} signed in")]
    public static partial void SignedIn(this ILogger logger, string accountId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "A sign-in failed{Detail}")]
    public static partial void SignInFailed(this ILogger logger, string detail);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "The first school admin {AccountId} was created through the setup link")]
    public static partial void FirstAdminCreated(this ILogger logger, string accountId);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Account {AccountId} asked for alert {AlertId} of another groep")]
    public static partial void AlertRefused(this ILogger logger, string accountId, Guid alertId);
}
