namespace KlassenouderBot.School;

// EventIds 1100-1149 belong to the school configuration (1150-1199: Alerts).
internal static partial class SchoolLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Loaded school {SchoolName} from {Path}: {ClassCount} groepen, {FaqCount} FAQ entries")]
    public static partial void SchoolLoaded(this ILogger logger, string schoolName, string path, int classCount, int faqCount);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Using version {Version} of the school as saved in the admin app ({Change} by {ChangedBy})")]
    public static partial void SchoolVersionLoaded(this ILogger logger, long version, string change, string changedBy);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "The school file {Path} changed since the admin app took it over; the admin app's version {Version} stays in use. To use the file, import it in the admin app (Klassen, YAML importeren)")]
    public static partial void SchoolFileChangedSince(this ILogger logger, string path, long version);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Version {Version} of the school in the database cannot be used ({Problem}); keeping the current one")]
    public static partial void SchoolVersionUnusable(this ILogger logger, long version, string problem);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "School saved as version {Version}: {Change}")]
    public static partial void SchoolSaved(this ILogger logger, long version, string change);
}
