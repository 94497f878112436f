using KlassenouderBot.School;

namespace KlassenouderBot.Faq;

/// <summary>What the bot found for a question.</summary>
public sealed record FaqResult
{
    /// <summary>False when the bot is not sure enough and abstains.</summary>
    public required bool Answered { get; init; }

    /// <summary>The FAQ entry answered from; null for a guide passage or when abstaining.</summary>
    public string? FaqId { get; init; }

    /// <summary>The guide heading the answer comes from (an entry's <c>source</c>, or the passage's heading).</summary>
    public string? Source { get; init; }

    /// <summary>How sure the bot is, in [0,1]; compared with the threshold.</summary>
    public required double Confidence { get; init; }

    /// <summary>The answer (stored text only), or, when abstaining, null.</summary>
    public string? Answer { get; init; }

    /// <summary>True when the question was in English (and the answer is, when the school wrote one).</summary>
    public bool English { get; init; }

    /// <summary>The best candidate even when abstaining (for "did you mean" and the school's miss list).</summary>
    public string? NearestFaqId { get; init; }
}

/// <summary>Tunables of answering; the thresholds come from the school file.</summary>
public sealed record FaqOptions
{
    /// <summary>Below this confidence the bot abstains and says who to ask.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>An unaddressed question in a group is answered only at or above this confidence.</summary>
    public double AutoAnswerThreshold { get; init; } = 0.8;

    /// <summary>Whether the bot answers questions in a group that were not put to it (only when very sure).</summary>
    public bool AutoAnswerInGroups { get; init; } = true;
}

/// <summary>
/// Answers parents' questions from the school's FAQ and guide. Every FAQ wording (question and
/// alternates) and every guide passage is indexed (BM25 over Dutch-stemmed, synonym- and compound-aware
/// terms); an entry's answer text counts a little too. FAQ entries come first: a guide passage answers only
/// when no entry is good enough and the passage is. The confidence combines how much of the question the
/// best candidate covers (rare words count more) with how clearly it beats the runner-up. Answers are the
/// school's own text; the bot never writes a date, amount or name of its own.
/// </summary>
public sealed class FaqEngine
{
    /// <summary>An entry's answer text counts this much next to its best wording.</summary>
    private const double AnswerWeight = 0.3;

    private const int MaxAnswerSentences = 2;

    private readonly IReadOnlyList<FaqEntry> _entries;
    private readonly SchoolGuide _guide;
    private readonly FaqAnalyzer _analyzer;
    private readonly Bm25 _wordings;
    private readonly int[] _entryOfWording;
    private readonly Bm25 _answers;
    private readonly Bm25 _passages;
    private readonly HashSet<string>[] _entryTerms;
    private readonly HashSet<string>[] _passageTerms;
    private readonly Dictionary<string, double> _idf;

    private FaqEngine(IReadOnlyList<FaqEntry> entries, SchoolGuide guide, IEnumerable<IReadOnlyList<string>> synonyms, FaqOptions options)
    {
        _entries = entries;
        _guide = guide;
        Options = options;
        _analyzer = new FaqAnalyzer(FaqText.BuiltInSynonyms.Concat(synonyms));

        foreach (var entry in entries)
        {
            _analyzer.Learn(entry.Question);
            foreach (var alternate in entry.Alternates)
            {
                _analyzer.Learn(alternate);
            }

            _analyzer.Learn(entry.Answer);
            _analyzer.Learn(entry.AnswerEn ?? "");
        }

        foreach (var passage in guide.Passages)
        {
            _analyzer.Learn(passage.Heading);
            _analyzer.Learn(passage.Text);
        }

        _analyzer.Freeze();

        var wordingDocs = new List<IReadOnlyDictionary<string, double>>();
        var entryOfWording = new List<int>();
        var answerDocs = new List<IReadOnlyDictionary<string, double>>();
        _entryTerms = new HashSet<string>[entries.Count];
        for (var e = 0; e < entries.Count; e++)
        {
            var terms = new HashSet<string>(StringComparer.Ordinal);
            foreach (var wording in new[] { entries[e].Question }.Concat(entries[e].Alternates))
            {
                var doc = Bag(_analyzer.DocumentTerms(wording));
                wordingDocs.Add(doc);
                entryOfWording.Add(e);
                terms.UnionWith(doc.Keys);
            }

            var answer = Bag(_analyzer.DocumentTerms(entries[e].Answer + " " + (entries[e].AnswerEn ?? "") + " " + (entries[e].Source ?? "")));
            answerDocs.Add(answer);
            terms.UnionWith(answer.Keys);
            _entryTerms[e] = terms;
        }

        var passageDocs = new List<IReadOnlyDictionary<string, double>>();
        _passageTerms = new HashSet<string>[guide.Passages.Count];
        for (var p = 0; p < guide.Passages.Count; p++)
        {
            // The heading says what the passage is about: it counts twice.
            var passage = guide.Passages[p];
            var doc = Bag(_analyzer.DocumentTerms(passage.Heading + " " + passage.Heading + " " + passage.Text));
            passageDocs.Add(doc);
            _passageTerms[p] = [.. doc.Keys];
        }

        _wordings = new Bm25(wordingDocs, b: 0.4);
        _entryOfWording = [.. entryOfWording];
        _answers = new Bm25(answerDocs);
        _passages = new Bm25(passageDocs);

        // One rarity scale for coverage, over everything a question could be answered from.
        var units = _entryTerms.Concat(_passageTerms).ToList();
        _idf = units.SelectMany(u => u).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Log(1 + ((units.Count - g.Count() + 0.5) / (g.Count() + 0.5))), StringComparer.Ordinal);
        _unknownIdf = Math.Log(1 + ((units.Count + 0.5) / 0.5));
    }

    private readonly double _unknownIdf;

    public FaqOptions Options { get; }

    public int EntryCount => _entries.Count;

    public int PassageCount => _guide.Passages.Count;

    public static FaqEngine Create(IReadOnlyList<FaqEntry> entries, SchoolGuide? guide = null, IEnumerable<IReadOnlyList<string>>? synonyms = null, FaqOptions? options = null) =>
        new(entries, guide ?? SchoolGuide.Empty, synonyms ?? [], options ?? new FaqOptions());

    /// <summary>The answer to a question, from the FAQ or the guide, or an abstention with the nearest entry.</summary>
    /// <param name="question">What the parent asked.</param>
    /// <param name="groep">The class the conversation is linked to: answers that differ per groep use its row.</param>
    public FaqResult Ask(string question, string? groep = null)
    {
        var english = FaqText.LooksEnglish(question);
        var query = Query(question);
        if (query.Count == 0)
        {
            return new FaqResult { Answered = false, Confidence = 0, English = english };
        }

        var queryWeight = query.Sum(t => t.Value * Idf(t.Key));
        var (entry, entryConfidence) = BestEntry(query, queryWeight);
        var (passage, passageConfidence) = BestPassage(query, queryWeight);

        if (entry >= 0 && entryConfidence >= Options.Threshold && entryConfidence >= passageConfidence - 0.25)
        {
            var found = _entries[entry];
            var answer = english && found.AnswerEn is { Length: > 0 } answerEn ? answerEn : found.Answer;
            return new FaqResult
            {
                Answered = true,
                FaqId = found.Id,
                Source = found.Source,
                Confidence = entryConfidence,
                Answer = WithGroepRow(answer, found.Source, groep),
                English = english,
                NearestFaqId = found.Id,
            };
        }

        if (passage >= 0 && passageConfidence >= Options.Threshold)
        {
            var found = _guide.Passages[passage];
            return new FaqResult
            {
                Answered = true,
                Source = found.Heading,
                Confidence = passageConfidence,
                Answer = WithGroepRow(AnsweringSentences(found, query), found.Heading, groep),
                English = english,
                NearestFaqId = entry >= 0 ? _entries[entry].Id : null,
            };
        }

        return new FaqResult
        {
            Answered = false,
            Confidence = Math.Max(entryConfidence, passageConfidence),
            English = english,
            NearestFaqId = entry >= 0 ? _entries[entry].Id : null,
        };
    }

    private Dictionary<string, double> Query(string question)
    {
        var query = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, weight) in _analyzer.QueryTerms(question))
        {
            query[term] = Math.Max(query.GetValueOrDefault(term), weight);
        }

        return query;
    }

    private (int Entry, double Confidence) BestEntry(Dictionary<string, double> query, double queryWeight)
    {
        if (_entries.Count == 0)
        {
            return (-1, 0);
        }

        var wordingScores = _wordings.Score(query);
        var answerScores = _answers.Score(query);
        var entryScores = new double[_entries.Count];
        for (var w = 0; w < wordingScores.Length; w++)
        {
            var e = _entryOfWording[w];
            entryScores[e] = Math.Max(entryScores[e], wordingScores[w]);
        }

        for (var e = 0; e < entryScores.Length; e++)
        {
            entryScores[e] += AnswerWeight * answerScores[e];
        }

        var (best, second) = TopTwo(entryScores);
        return best < 0 ? (-1, 0) : (best, Confidence(query, queryWeight, _entryTerms[best], entryScores[best], second < 0 ? 0 : entryScores[second]));
    }

    private (int Passage, double Confidence) BestPassage(Dictionary<string, double> query, double queryWeight)
    {
        if (_guide.Passages.Count == 0)
        {
            return (-1, 0);
        }

        var scores = _passages.Score(query);
        var (best, second) = TopTwo(scores);
        return best < 0 ? (-1, 0) : (best, Confidence(query, queryWeight, _passageTerms[best], scores[best], second < 0 ? 0 : scores[second]));
    }

    /// <summary>
    /// Coverage (the share of the question's rare-word weight the candidate contains) times a factor for
    /// how clearly it beats the runner-up: a question that half-fits two entries is not answered.
    /// </summary>
    private double Confidence(Dictionary<string, double> query, double queryWeight, HashSet<string> terms, double best, double second)
    {
        var covered = query.Where(t => terms.Contains(t.Key)).Sum(t => t.Value * Idf(t.Key));
        var coverage = queryWeight <= 0 ? 0 : covered / queryWeight;
        var margin = best <= 0 ? 0 : (best - second) / best;
        return Math.Clamp(coverage * (0.6 + (0.4 * margin)), 0, 1);
    }

    private double Idf(string term) => _idf.GetValueOrDefault(term, _unknownIdf);

    private static (int Best, int Second) TopTwo(double[] scores)
    {
        int best = -1, second = -1;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] <= 0)
            {
                continue;
            }

            if (best < 0 || scores[i] > scores[best])
            {
                (second, best) = (best, i);
            }
            else if (second < 0 || scores[i] > scores[second])
            {
                second = i;
            }
        }

        return (best, second);
    }

    /// <summary>The one or two sentences of a passage that answer the question, in the guide's order.</summary>
    private string AnsweringSentences(GuidePassage passage, Dictionary<string, double> query)
    {
        var scored = passage.Sentences
            .Select((sentence, index) =>
            {
                var terms = Bag(_analyzer.DocumentTerms(sentence)).Keys.ToHashSet(StringComparer.Ordinal);
                return (Index: index, Sentence: sentence, Terms: terms, Score: query.Where(t => terms.Contains(t.Key)).Sum(t => t.Value * Idf(t.Key)));
            })
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Index)
            .ToList();
        var chosen = new List<(int Index, string Sentence)> { (scored[0].Index, scored[0].Sentence) };
        var covered = new HashSet<string>(scored[0].Terms.Where(query.ContainsKey), StringComparer.Ordinal);
        foreach (var candidate in scored.Skip(1))
        {
            if (chosen.Count >= MaxAnswerSentences)
            {
                break;
            }

            if (candidate.Score > 0 && candidate.Terms.Any(t => query.ContainsKey(t) && !covered.Contains(t)))
            {
                chosen.Add((candidate.Index, candidate.Sentence));
                covered.UnionWith(candidate.Terms.Where(query.ContainsKey));
            }
        }

        return string.Join(" ", chosen.OrderBy(c => c.Index).Select(c => c.Sentence));
    }

    /// <summary>
    /// When the conversation's groep is known and the guide section the answer comes from has a table with a
    /// "Groep" column, the row for that groep leads the answer ("Voor groep 5: maandag en donderdag …").
    /// </summary>
    private string WithGroepRow(string answer, string? heading, string? groep)
    {
        if (groep is not { Length: > 0 } || heading is null)
        {
            return answer;
        }

        foreach (var table in _guide.Passages.Where(p => string.Equals(p.Heading, heading, StringComparison.OrdinalIgnoreCase)).SelectMany(p => p.Tables))
        {
            if (table.Header.Count < 2 || !table.Header[0].StartsWith("groep", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var row = table.Rows.FirstOrDefault(r => r.Count > 1 && GroepCellMatches(r[0], groep));
            if (row is not null)
            {
                var details = string.Join(", ", row.Skip(1).Where(c => c.Length > 0));
                return $"Voor groep {groep}: {details}. {answer}";
            }
        }

        return answer;
    }

    /// <summary>"5" matches "5"; "1/2A" matches "1/2A en 1/2B"; "5" does not match "15".</summary>
    private static bool GroepCellMatches(string cell, string groep) =>
        FaqText.Words(FaqText.Normalize(cell.Replace("/", "", StringComparison.Ordinal)))
            .Contains(FaqText.Normalize(groep.Replace("/", "", StringComparison.Ordinal)).Trim(), StringComparer.Ordinal);

    private static Dictionary<string, double> Bag(List<WeightedTerm> terms)
    {
        var bag = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, weight) in terms)
        {
            bag[term] = bag.GetValueOrDefault(term) + weight;
        }

        return bag;
    }
}
