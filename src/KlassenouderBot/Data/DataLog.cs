namespace KlassenouderBot.Data;

/// <summary>Data feature events, EventIds 1400–1499. Ids, kinds and counts only: never message text.</summary>
internal static partial class DataLog
{
    [LoggerMessage(1400, LogLevel.Information, "Applied database migration {Version} ({Name}) on {Provider} in {ElapsedMs} ms")]
    public static partial void MigrationApplied(this ILogger logger, int version, string name, StorageProvider provider, long elapsedMs);

    [LoggerMessage(1401, LogLevel.Information, "Database schema is up to date at version {Version} on {Provider}")]
    public static partial void SchemaUpToDate(this ILogger logger, int version, StorageProvider provider);

    [LoggerMessage(1402, LogLevel.Information, "Created database folder {Folder}")]
    public static partial void DatabaseFolderCreated(this ILogger logger, string folder);

    [LoggerMessage(1403, LogLevel.Debug, "Waiting for the PostgreSQL migration lock")]
    public static partial void WaitingForMigrationLock(this ILogger logger);

    [LoggerMessage(1416, LogLevel.Warning, "Could not record a handled message in the database ({ExceptionType}); handling it anyway")]
    public static partial void ClaimFailed(this ILogger logger, string exceptionType);

    [LoggerMessage(1420, LogLevel.Information, "Retention deleted {Interventions} interventions, {Alerts} handled alerts and {FaqAnswers} FAQ answer records older than {Cutoff:O}")]
    public static partial void RetentionDeleted(this ILogger logger, int interventions, int alerts, int faqAnswers, DateTimeOffset cutoff);

    [LoggerMessage(1421, LogLevel.Error, "Retention run failed; retrying at the next run")]
    public static partial void RetentionFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1422, LogLevel.Warning, "The shared conversation state could not be reached ({ExceptionType}); this message is decided on this instance's own copy")]
    public static partial void SharedStateUnavailable(this ILogger logger, string exceptionType);
}
