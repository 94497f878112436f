using BenchmarkDotNet.Attributes;
using KlassenouderBot.Faq;
using KlassenouderBot.School;

namespace KlassenouderBot.Benchmarks;

/// <summary>
/// The targets: answering over 500 FAQ entries plus a 10,000-word guide in at most 1 ms per question
/// (median, one core), and building that index in at most 200 ms. The 500 entries are the sample school's 40
/// repeated with their own ids and varied wordings; the guide is the sample guide extended to 10,000+ words
/// with renamed copies of its sections. The questions are the development set's (informal, misspelt, English).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FaqBenchmarks
{
    private IReadOnlyList<FaqEntry> _entries = [];
    private SchoolGuide _guide = SchoolGuide.Empty;
    private FaqEngine _engine = null!;
    private string[] _questions = [];

    private const int DevQuestions = 134;

    [GlobalSetup]
    public void Setup()
    {
        var school = SchoolConfigurationLoader.Load(SchoolOptions.DefaultConfigPath);
        _entries = [.. Enumerable.Range(0, 500).Select(i => Variant(school.Faq[i % school.Faq.Count], i))];

        var markdown = File.ReadAllText(school.SchoolGuidePath!);
        var text = markdown;
        for (var copy = 1; CountWords(text) < 10_000; copy++)
        {
            text += "\n\n" + markdown.Replace("## ", $"## Bijlage {copy}: ", StringComparison.Ordinal);
        }

        _guide = SchoolGuide.FromMarkdown(text);
        _engine = FaqEngine.Create(_entries, _guide);
        var dev = Path.Combine(AppContext.BaseDirectory, "faq-dev.tsv");
        _questions = [.. File.ReadAllLines(dev).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t', 3)[2])];
        if (_questions.Length != DevQuestions)
        {
            throw new InvalidOperationException($"faq-dev.tsv has {_questions.Length} questions; set DevQuestions so the time per question stays right.");
        }
    }

    /// <summary>Per question: every development question once per invocation.</summary>
    [Benchmark(OperationsPerInvoke = DevQuestions)]
    public int Answer()
    {
        var answered = 0;
        foreach (var question in _questions)
        {
            if (_engine.Ask(question).Answered)
            {
                answered++;
            }
        }

        return answered;
    }

    [Benchmark]
    public FaqEngine BuildIndex() => FaqEngine.Create(_entries, _guide);

    private static FaqEntry Variant(FaqEntry entry, int index) => index < 40
        ? entry
        : entry with
        {
            Id = $"{entry.Id}-{index}",
            Question = $"{entry.Question} (locatie {index % 7}, variant {index})",
            Alternates = [.. entry.Alternates.Select((a, j) => $"{a} {Words[(index + j) % Words.Length]}")],
        };

    private static readonly string[] Words = ["dependance", "hoofdgebouw", "peuterspeelzaal", "nevenvestiging", "kindcentrum", "bovenbouw", "onderbouw"];

    private static int CountWords(string text) => text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
}
