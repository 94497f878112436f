using KlassenouderBot.School;

namespace KlassenouderBot.Faq;

internal static partial class FaqLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "FAQ index: {EntryCount} entries and {PassageCount} schoolgids passages")]
    public static partial void Indexed(this ILogger logger, int entryCount, int passageCount);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Schoolgids: {Problem}")]
    public static partial void GuideProblem(this ILogger logger, string problem);
}

public static class FaqSetup
{
    /// <summary>The school's FAQ engine, built once from the school file and its guide. Needs <c>AddSchool</c>.</summary>
    public static IServiceCollection AddFaq(this IServiceCollection services)
    {
        services.AddSingleton<FaqAnswerStore>();
        services.AddSingleton(static sp =>
        {
            var school = sp.GetRequiredService<SchoolConfiguration>();
            var guide = FaqEngineFactory.ReadGuide(school.SchoolGuidePath);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("KlassenouderBot.Faq");
            foreach (var problem in guide.Problems)
            {
                logger.GuideProblem(problem);
            }

            var engine = FaqEngine.Create(school.Faq, guide, school.Synonyms, school.FaqOptions);
            logger.Indexed(engine.EntryCount, engine.PassageCount);
            return engine;
        });
        return services;
    }

    /// <summary>Builds the engine before the app starts, so an unreadable guide is one line on stderr (exit 2), not a stack trace.</summary>
    public static bool TryBuild(IServiceProvider services, TextWriter error)
    {
        try
        {
            _ = services.GetRequiredService<FaqEngine>();
            return true;
        }
        catch (SchoolGuideException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return false;
        }
    }
}
