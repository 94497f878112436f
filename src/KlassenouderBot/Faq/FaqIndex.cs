using KlassenouderBot.School;

namespace KlassenouderBot.Faq;

/// <summary>
/// The FAQ engine for the school as it stands. Built from the first snapshot at start-up and again, in the
/// background of nothing, whenever the school changes (an entry edited, a guide uploaded): the index of 500
/// entries builds in about 130 ms, so the engine is replaced whole and questions never see half an index.
/// </summary>
public sealed class FaqIndex
{
    private readonly ILogger _logger;
    private Built _built;

    public FaqIndex(SchoolSource school, ILogger<FaqIndex> logger)
    {
        _logger = logger;
        _built = Build(school.Snapshot);
        school.Changed += snapshot =>
        {
            try
            {
                Volatile.Write(ref _built, Build(snapshot));
            }
            catch (SchoolGuideException exception)
            {
                // The admin app checks a guide before storing it; one that still fails leaves the old index.
                _logger.GuideProblem(exception.Message);
            }
        };
    }

    private FaqIndex(FaqEngine engine)
    {
        _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _built = new Built(engine, SchoolGuide.Empty);
    }

    public FaqEngine Current => Volatile.Read(ref _built).Engine;

    /// <summary>An index that never changes, around an engine built elsewhere (tests, the command line).</summary>
    public static FaqIndex Fixed(FaqEngine engine) => new(engine);

    /// <summary>The guide the current engine was built from, for the admin app's preview.</summary>
    public SchoolGuide Guide => Volatile.Read(ref _built).Guide;

    private Built Build(SchoolSnapshot snapshot)
    {
        var engine = FaqEngineFactory.Create(snapshot, out var guide);
        foreach (var problem in guide.Problems)
        {
            _logger.GuideProblem(problem);
        }

        _logger.Indexed(engine.EntryCount, engine.PassageCount);
        return new Built(engine, guide);
    }

    private sealed record Built(FaqEngine Engine, SchoolGuide Guide);
}
