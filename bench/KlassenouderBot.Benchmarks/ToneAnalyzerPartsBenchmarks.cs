using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using KlassenouderBot.Moderation.Analysis;

namespace KlassenouderBot.Benchmarks;

/// <summary>
/// The analyser's steps measured one at a time over the same corpus, to show where
/// <see cref="ToneAnalyzerBenchmarks.AssessCorpus"/> spends its time. Times are per message.
/// </summary>
[MemoryDiagnoser]
public class ToneAnalyzerPartsBenchmarks
{
    private string[] _corpus = [];
    private string[] _joined = [];

    [GlobalSetup]
    public void Setup()
    {
        _corpus = [.. ChatCorpus.Build()];
        _joined = [.. _corpus.Select(t => TextNormalizer.Normalize(t).Joined)];
    }

    [Benchmark(OperationsPerInvoke = ChatCorpus.Size)]
    public int Normalize()
    {
        var tokens = 0;
        foreach (var text in _corpus)
        {
            tokens += TextNormalizer.Normalize(text).Tokens.Count;
        }

        return tokens;
    }

    /// <summary>Every phrase pattern the scoring runs unconditionally, in one pass per message.</summary>
    [Benchmark(OperationsPerInvoke = ChatCorpus.Size)]
    public int AllPatterns()
    {
        var matched = 0;
        foreach (var joined in _joined)
        {
            foreach (var pattern in TonePatternBenchmarks.All.Values)
            {
                // Match, not IsMatch: the scoring takes the matched text as the signal's evidence.
                matched += pattern.Match(joined).Length;
            }
        }

        return matched;
    }
}

/// <summary>Each phrase pattern alone, over the corpus's normalised text; time per message.</summary>
[MemoryDiagnoser]
public class TonePatternBenchmarks
{
    // The patterns LocalToneAnalyzer.Scoring runs on every message (HostileGoal and HostileLegalTurn
    // run only after a GangUpCall or LegalThreat match; Agreement runs in the escalation tracker).
    internal static readonly Dictionary<string, Regex> All = new(StringComparer.Ordinal)
    {
        [nameof(TonePatterns.CounterSpeech)] = TonePatterns.CounterSpeech(),
        [nameof(TonePatterns.MedicalContext)] = TonePatterns.MedicalContext(),
        [nameof(TonePatterns.Threat)] = TonePatterns.Threat(),
        [nameof(TonePatterns.GangUpCall)] = TonePatterns.GangUpCall(),
        [nameof(TonePatterns.PressThreat)] = TonePatterns.PressThreat(),
        [nameof(TonePatterns.LegalThreat)] = TonePatterns.LegalThreat(),
        [nameof(TonePatterns.Dehumanising)] = TonePatterns.Dehumanising(),
        [nameof(TonePatterns.PersonalAttack)] = TonePatterns.PersonalAttack(),
        [nameof(TonePatterns.Mockery)] = TonePatterns.Mockery(),
        [nameof(TonePatterns.SarcasticPraise)] = TonePatterns.SarcasticPraise(),
        [nameof(TonePatterns.UsVersusThem)] = TonePatterns.UsVersusThem(),
        [nameof(TonePatterns.ChildAccusation)] = TonePatterns.ChildAccusation(),
        [nameof(TonePatterns.HygieneShaming)] = TonePatterns.HygieneShaming(),
        [nameof(TonePatterns.Concern)] = TonePatterns.Concern(),
        [nameof(TonePatterns.ConcernHint)] = TonePatterns.ConcernHint(),
    };

    private string[] _joined = [];
    private Regex _regex = null!;

    [ParamsSource(nameof(Names))]
    public string Pattern { get; set; } = "";

    public static IEnumerable<string> Names => All.Keys;

    [GlobalSetup]
    public void Setup()
    {
        _joined = [.. ChatCorpus.Build().Select(t => TextNormalizer.Normalize(t).Joined)];
        _regex = All[Pattern];
    }

    [Benchmark(OperationsPerInvoke = ChatCorpus.Size)]
    public int Match()
    {
        var matched = 0;
        foreach (var joined in _joined)
        {
            matched += _regex.Match(joined).Length;
        }

        return matched;
    }
}
