namespace KlassenouderBot.School;

// EventIds 1100-1149 belong to the school configuration (1150-1199: Alerts).
internal static partial class SchoolLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Loaded school {SchoolName} from {Path}: {ClassCount} groepen, {FaqCount} FAQ entries")]
    public static partial void SchoolLoaded(this ILogger logger, string schoolName, string path, int classCount, int faqCount);
}
