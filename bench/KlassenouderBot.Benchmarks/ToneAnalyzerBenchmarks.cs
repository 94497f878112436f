using BenchmarkDotNet.Attributes;
using KlassenouderBot.Moderation;

namespace KlassenouderBot.Benchmarks;

/// <summary>
/// The target: the local analyser at 50,000 messages/s or more on one core, for typical
/// 20-word messages. Each invocation assesses the whole corpus; the reported time is per message.
/// </summary>
[MemoryDiagnoser]
public class ToneAnalyzerBenchmarks
{
    private LocalToneAnalyzer _analyzer = null!;
    private string[] _corpus = [];

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = new LocalToneAnalyzer();
        _corpus = [.. ChatCorpus.Build()];
    }

    [Benchmark(OperationsPerInvoke = ChatCorpus.Size)]
    public int AssessCorpus()
    {
        // Count hurtful verdicts, so the JIT cannot drop the work.
        var hurtful = 0;
        foreach (var text in _corpus)
        {
            if (_analyzer.Assess(text).Label == ToneLabel.Hurtful)
            {
                hurtful++;
            }
        }

        return hurtful;
    }
}
