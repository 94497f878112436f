using KlassenouderBot.Data;
using KlassenouderBot.Privacy;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

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
    /// <summary>The school's FAQ index, rebuilt whenever the school changes. Needs <c>AddSchool</c>.</summary>
    public static IServiceCollection AddFaq(this IServiceCollection services)
    {
        services.AddSingleton(sp => new FaqAnswerStore(
            sp.GetRequiredService<IDbContextFactory<BotDbContext>>(),
            sp.GetRequiredService<TimeProvider>(),
            PersonalDataRedactor.Following(sp.GetRequiredService<SchoolSource>())));
        services.AddSingleton<FaqIndex>();
        return services;
    }

    /// <summary>Builds the engine before the app starts, so an unreadable guide is one line on stderr (exit 2), not a stack trace.</summary>
    public static bool TryBuild(IServiceProvider services, TextWriter error)
    {
        try
        {
            _ = services.GetRequiredService<FaqIndex>();
            return true;
        }
        catch (SchoolGuideException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return false;
        }
    }
}
