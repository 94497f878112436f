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

    /// <summary>The most likely entry, with what its confidence was computed from (for <c>eval-faq --details</c>).</summary>
    internal FaqCandidate? Entry { get; init; }

    /// <summary>The most likely guide passage, likewise.</summary>
    internal FaqCandidate? Passage { get; init; }

    /// <summary>The heading of the most likely guide passage, answered from or not.</summary>
    internal string? NearestPassage { get; init; }

    /// <summary>Every entry and passage that competed (for calibrating with <c>eval-faq --details</c>).</summary>
    internal IReadOnlyList<FaqCandidate> Candidates { get; init; } = [];
}

/// <summary>One of the best answers to a question, for the admin app's "try a question".</summary>
/// <param name="IsPassage">True for a guide passage, false for an FAQ entry.</param>
/// <param name="Name">The entry's id or the passage's heading.</param>
/// <param name="Source">The guide heading an entry cites, or the passage's own heading.</param>
/// <param name="Confidence">How sure the bot would be, in [0,1].</param>
/// <param name="Answer">What the bot would say (an entry's answer, or the passage's answering sentences).</param>
public sealed record FaqSuggestion(bool IsPassage, string Name, string? Source, double Confidence, string Answer);

/// <summary>An FAQ entry or guide passage that might answer a question.</summary>
/// <param name="IsPassage">True for a guide passage, false for an FAQ entry.</param>
/// <param name="Index">Its position among the entries or the passages.</param>
/// <param name="Features">What was measured of it.</param>
/// <param name="Confidence">How likely it is the answer; 0 when it lacks the kind of fact asked for.</param>
/// <param name="Name">The entry's id or the passage's heading.</param>
internal sealed record FaqCandidate(bool IsPassage, int Index, string Name, MatchFeatures Features, double Confidence);

/// <summary>How well a candidate fits a question.</summary>
/// <param name="Coverage">Share of the question's word weight the candidate contains.</param>
/// <param name="Focus">Share of the candidate's best wording (or heading) the question contains.</param>
/// <param name="Relative">Its ranking score relative to the best of its kind (1 for the best).</param>
/// <param name="Gap">How far it is ahead of the best other of its kind, relative to its own score (negative when behind).</param>
/// <param name="Unknown">Share of the question's words that no FAQ entry or guide passage contains at all.</param>
/// <param name="Agrees">How strongly the other kind agrees: for an entry, the relative score of the section it cites when that is among the best passages; for a passage, that of the best entry citing it (0 when none does).</param>
/// <param name="English">1 for an English question.</param>
/// <param name="Locality">Share of the question's word weight found together in one wording or two neighbouring sentences: an answer says it in one place.</param>
internal sealed record MatchFeatures(double Coverage, double Focus, double Relative, double Gap, double Unknown, double Agrees, double English, double Locality);

/// <summary>Tunables of answering; the thresholds come from the school file.</summary>
public sealed record FaqOptions
{
    /// <summary>Below this confidence the bot abstains and says who to ask.</summary>
    public double Threshold { get; init; } = 0.42;

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
    private const double AnswerWeight = 0.5;

    private const int MaxAnswerSentences = 2;

    private const int RerankDepth = 8;

    private const int MaxQuestionLength = 1_000;

    private const double RerankBm25Weight = 0.5;

    private const double PassageBm25Weight = 1.0;

    private const double FocusWeight = 0.5;

    /// <summary>Above this share of unknown question words the bot does not answer.</summary>
    private const double MaxUnknownShare = 0.65;

    /// <summary>How many entries and how many passages compete for the answer.</summary>
    private const int CandidatesPerKind = 5;

    /// <summary>An entry agrees with the guide when the section it cites is among this many best passages.</summary>
    private const int AgreementDepth = 3;

    private readonly IReadOnlyList<FaqEntry> _entries;
    private readonly SchoolGuide _guide;
    private readonly FaqAnalyzer _analyzer;
    private readonly Bm25 _wordings;
    private readonly int[] _entryOfWording;
    private readonly Bm25 _answers;
    private readonly Bm25 _passages;
    private readonly HashSet<string>[] _entryTerms;
    private readonly HashSet<string>[] _passageTerms;
    private readonly HashSet<string>[] _headingTerms;
    private readonly (string Sentence, HashSet<string> Terms)[][] _passageSentences;
    private readonly (string Sentence, HashSet<string> Terms)[][] _entrySentences;

    /// <summary>The English answer's sentences (the Dutch ones when the school wrote no English answer).</summary>
    private readonly (string Sentence, HashSet<string> Terms)[][] _entrySentencesEn;
    private readonly HashSet<string>[] _wordingTerms;
    private readonly Dictionary<string, double> _idf;

    /// <summary>The rarity of a word no entry or passage contains (document frequency 0).</summary>
    private readonly double _unseenIdf;

    private FaqEngine(IReadOnlyList<FaqEntry> entries, SchoolGuide guide, IEnumerable<IReadOnlyList<string>> synonyms, FaqOptions options)
    {
        _entries = entries;
        _guide = guide;
        Options = options;
        _analyzer = new FaqAnalyzer(synonyms);

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
        _entrySentences = new (string, HashSet<string>)[entries.Count][];
        _entrySentencesEn = new (string, HashSet<string>)[entries.Count][];
        var wordingTerms = new List<HashSet<string>>();
        for (var e = 0; e < entries.Count; e++)
        {
            var terms = new HashSet<string>(StringComparer.Ordinal);
            foreach (var wording in new[] { entries[e].Question }.Concat(entries[e].Alternates))
            {
                var doc = Bag(_analyzer.DocumentTerms(wording));
                wordingDocs.Add(doc);
                wordingTerms.Add([.. doc.Keys]);
                entryOfWording.Add(e);
                terms.UnionWith(doc.Keys);
            }

            var answer = Bag(_analyzer.DocumentTerms(entries[e].Answer + " " + (entries[e].AnswerEn ?? "") + " " + (entries[e].Source ?? "")));
            answerDocs.Add(answer);
            terms.UnionWith(answer.Keys);
            _entryTerms[e] = terms;
            _entrySentences[e] = [.. SchoolGuide.SplitSentences(entries[e].Answer).Select(sentence => (sentence, SentenceTerms(sentence)))];
            _entrySentencesEn[e] = entries[e].AnswerEn is { Length: > 0 } answerEn
                ? [.. SchoolGuide.SplitSentences(answerEn).Select(sentence => (sentence, SentenceTerms(sentence)))]
                : _entrySentences[e];
        }

        var passageDocs = new List<IReadOnlyDictionary<string, double>>();
        _passageTerms = new HashSet<string>[guide.Passages.Count];
        _headingTerms = new HashSet<string>[guide.Passages.Count];
        _passageSentences = new (string, HashSet<string>)[guide.Passages.Count][];
        for (var p = 0; p < guide.Passages.Count; p++)
        {
            // The heading says what the passage is about: it counts twice.
            var passage = guide.Passages[p];
            var doc = Bag(_analyzer.DocumentTerms(passage.Heading + " " + passage.Heading + " " + passage.Text));
            passageDocs.Add(doc);
            _passageTerms[p] = [.. doc.Keys];
            _headingTerms[p] = [.. _analyzer.DocumentTerms(passage.Heading).Select(t => t.Term)];

            // Read once here, so choosing the answering sentences costs a question nothing but lookups.
            _passageSentences[p] = [.. passage.Sentences.Select(sentence => (sentence, SentenceTerms(sentence)))];
        }

        _wordings = new Bm25(wordingDocs, b: 0.4);
        _entryOfWording = [.. entryOfWording];
        _wordingTerms = [.. wordingTerms];
        _answers = new Bm25(answerDocs);
        _passages = new Bm25(passageDocs);

        // One rarity scale for coverage, over everything a question could be answered from.
        var units = _entryTerms.Concat(_passageTerms).ToList();
        _idf = units.SelectMany(u => u).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Log(1 + ((units.Count - g.Count() + 0.5) / (g.Count() + 0.5))), StringComparer.Ordinal);
        _unseenIdf = Math.Log(1 + ((units.Count + 0.5) / 0.5));
    }

    /// <summary>The weight of a question word that no FAQ entry or guide passage contains.</summary>
    private const double UnknownTermWeight = 1.5;

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
        var (english, query, candidates) = Assess(question);
        var bestEntry = candidates.Where(c => !c.IsPassage).MaxBy(c => c.Confidence);
        var bestPassage = candidates.Where(c => c.IsPassage).MaxBy(c => c.Confidence);
        var best = candidates.MaxBy(c => c.Confidence);
        var abstention = new FaqResult
        {
            Answered = false,
            Confidence = best?.Confidence ?? 0,
            English = english,
            NearestFaqId = bestEntry?.Name,
            Entry = bestEntry,
            Passage = bestPassage,
            NearestPassage = bestPassage?.Name,
            Candidates = candidates,
        };

        if (best is null || best.Confidence < Options.Threshold)
        {
            return abstention;
        }

        if (!best.IsPassage)
        {
            var found = _entries[best.Index];
            var answer = english && found.AnswerEn is { Length: > 0 } answerEn ? answerEn : found.Answer;
            return abstention with { Answered = true, FaqId = found.Id, Source = found.Source, Answer = WithGroepRow(answer, found.Source, groep) };
        }

        var passage = _guide.Passages[best.Index];
        return abstention with
        {
            Answered = true,
            Source = passage.Heading,
            Answer = WithGroepRow(AnsweringSentences(best.Index, query), passage.Heading, groep),
        };
    }

    /// <summary>The best <paramref name="count"/> entries and passages for a question, most likely first.</summary>
    public IReadOnlyList<FaqSuggestion> Suggest(string question, int count = 3)
    {
        var (english, query, candidates) = Assess(question);
        return [.. candidates.OrderByDescending(c => c.Confidence).Take(count).Select(c =>
        {
            if (c.IsPassage)
            {
                return new FaqSuggestion(true, c.Name, c.Name, c.Confidence, AnsweringSentences(c.Index, query));
            }

            var entry = _entries[c.Index];
            return new FaqSuggestion(false, entry.Id, entry.Source, c.Confidence, english && entry.AnswerEn is { Length: > 0 } en ? en : entry.Answer);
        })];
    }

    /// <summary>The entries as the school wrote them, for the admin app.</summary>
    public IReadOnlyList<FaqEntry> Entries => _entries;

    /// <summary>
    /// The question read, and the best few FAQ entries and guide passages with what was measured of each and
    /// their confidence. Entries and passages compete on one scale: the calibration knows that an entry is
    /// the school's chosen answer, and that an entry and the guide section it cites agreeing is evidence.
    /// </summary>
    internal (bool English, Dictionary<string, double> Query, IReadOnlyList<FaqCandidate> Candidates) Assess(string question)
    {
        // A pasted essay is not a question; its start says what it is about, and the cost stays bounded.
        if (question.Length > MaxQuestionLength)
        {
            question = question[..MaxQuestionLength];
        }

        var english = FaqText.LooksEnglish(question);
        var query = Query(question, english);
        if (query.Count == 0)
        {
            return (english, query, []);
        }

        // When most of what was asked is in none of the school's texts, the few shared words are coincidence:
        // "who won the football match last night" shares "last" with the study days.
        var unknown = query.Sum(t => _idf.ContainsKey(t.Key) ? 0 : t.Value) / query.Sum(t => t.Value);
        if (unknown > MaxUnknownShare)
        {
            return (english, query, []);
        }

        var queryWeight = query.Where(t => _idf.ContainsKey(t.Key)).Sum(t => t.Value * Idf(t.Key));

        // A word no text contains is rarer than any word they do: weighed as such, "hond" is what "mag onze hond
        // mee het schoolplein op" is about, however well the rest matches the entry about the playground.
        var unknownWeight = query.Where(t => !_idf.ContainsKey(t.Key)).Sum(t => t.Value * _unseenIdf);
        var unknownShare = unknownWeight / (unknownWeight + queryWeight);
        var entries = EntryCandidates(query, queryWeight, unknownShare, english);
        var passages = PassageCandidates(query, queryWeight, unknownShare, english);

        // A candidate that lacks the kind of fact asked for (an amount, a time, a date, the year, a name) cannot answer.
        var needs = AnswerTypeCheck.For(question, english, _analyzer.IsKnownWord);
        var entrySentences = english ? _entrySentencesEn : _entrySentences;
        var citedByEntries = Strongest(entries.Take(AgreementDepth).Where(c => _entries[c.Index].Source is not null).Select(c => (_entries[c.Index].Source!, c.Features.Relative)));
        var passageHeadings = Strongest(passages.Take(AgreementDepth).Select(c => (_guide.Passages[c.Index].Heading, c.Features.Relative)));
        var candidates = new List<FaqCandidate>();
        foreach (var c in entries)
        {
            var features = c.Features with { Agrees = _entries[c.Index].Source is { } source ? passageHeadings.GetValueOrDefault(source) : 0 };
            var fits = needs.Fits(FactScope(entrySentences[c.Index], query));
            candidates.Add(new FaqCandidate(false, c.Index, _entries[c.Index].Id, features, fits ? Calibration.Entry(features) : 0));
        }

        foreach (var c in passages)
        {
            var features = c.Features with { Agrees = citedByEntries.GetValueOrDefault(_guide.Passages[c.Index].Heading) };
            var fits = needs.Fits(FactScope(_passageSentences[c.Index], query));
            candidates.Add(new FaqCandidate(true, c.Index, _guide.Passages[c.Index].Heading, features, fits ? Calibration.Passage(features) : 0));
        }

        return (english, query, candidates);
    }

    /// <summary>Each heading with the best relative score of a candidate that names it.</summary>
    private static Dictionary<string, double> Strongest(IEnumerable<(string Heading, double Relative)> named)
    {
        var strongest = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (heading, relative) in named)
        {
            strongest[heading] = Math.Max(strongest.GetValueOrDefault(heading), relative);
        }

        return strongest;
    }

    private Dictionary<string, double> Query(string question, bool english)
    {
        var query = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, weight) in _analyzer.QueryTerms(question, english))
        {
            query[term] = Math.Max(query.GetValueOrDefault(term), weight);
        }

        return query;
    }

    /// <summary>
    /// Where the asked-for fact must be: the sentences that mention something the question asks about, and the
    /// sentence after each (the school's answer often goes on "... Dat kost € 95."). The contribution entry
    /// lists "sportdag" among what it pays for; that does not make its dates the sports day's date. When no
    /// sentence mentions a question word (the match is on the wording alone), the whole text counts.
    /// </summary>
    private static string FactScope((string Sentence, HashSet<string> Terms)[] sentences, Dictionary<string, double> query)
    {
        var scope = new SortedSet<int>();
        for (var i = 0; i < sentences.Length; i++)
        {
            if (sentences[i].Terms.Overlaps(query.Keys))
            {
                scope.Add(i);
                scope.Add(Math.Min(i + 1, sentences.Length - 1));
            }
        }

        return string.Join(" ", scope.Count == 0 ? sentences.Select(s => s.Sentence) : scope.Select(i => sentences[i].Sentence));
    }

    /// <summary>The most of the question's word weight that two neighbouring sentences contain together.</summary>
    private double Locality((string Sentence, HashSet<string> Terms)[] sentences, Dictionary<string, double> query, double queryWeight)
    {
        var best = 0.0;
        for (var i = 0; i < sentences.Length; i++)
        {
            var here = sentences[i].Terms;
            var next = i + 1 < sentences.Length ? sentences[i + 1].Terms : here;
            best = Math.Max(best, Coverage(query, queryWeight, term => _idf.ContainsKey(term) && (here.Contains(term) || next.Contains(term))));
        }

        return best;
    }

    private List<(int Index, int BestWording, MatchFeatures Features)> EntryCandidates(Dictionary<string, double> query, double queryWeight, double unknown, bool english)
    {
        if (_entries.Count == 0)
        {
            return [];
        }

        var wordingScores = _wordings.Score(query);
        var answerScores = _answers.Score(query);
        var entryScores = new double[_entries.Count];
        var bestWording = new int[_entries.Count];
        Array.Fill(bestWording, -1);
        for (var w = 0; w < wordingScores.Length; w++)
        {
            var e = _entryOfWording[w];
            if (bestWording[e] < 0 || wordingScores[w] > wordingScores[bestWording[e]])
            {
                bestWording[e] = w;
            }

            entryScores[e] = Math.Max(entryScores[e], wordingScores[w]);
        }

        // English questions meet the Dutch wordings less often; the English answer text speaks for them.
        var answerWeight = english ? 1.0 : AnswerWeight;
        for (var e = 0; e < entryScores.Length; e++)
        {
            entryScores[e] += answerWeight * answerScores[e];
        }

        // How much of the matched wording the question asks counts too: "krokusvakantie" is the spring
        // holiday's own question, not one of the many holidays the overview entry lists.
        var ranked = Rerank(
            entryScores,
            e => Coverage(query, queryWeight, _entryTerms[e]) + (FocusWeight * Focus(query, _wordingTerms[bestWording[e]])),
            RerankBm25Weight);
        var sentences = english ? _entrySentencesEn : _entrySentences;
        return [.. Top(ranked).Select(t => (t.Index, bestWording[t.Index], new MatchFeatures(
            Coverage(query, queryWeight, _entryTerms[t.Index]),
            Focus(query, _wordingTerms[bestWording[t.Index]]),
            t.Relative,
            t.Gap,
            unknown,
            Agrees: 0,
            english ? 1 : 0,
            Math.Max(Coverage(query, queryWeight, _wordingTerms[bestWording[t.Index]]), Locality(sentences[t.Index], query, queryWeight)))))];
    }

    private List<(int Index, MatchFeatures Features)> PassageCandidates(Dictionary<string, double> query, double queryWeight, double unknown, bool english)
    {
        if (_guide.Passages.Count == 0)
        {
            return [];
        }

        // Coverage favours long sections; for passages BM25's length normalisation counts for more.
        var ranked = Rerank(_passages.Score(query), p => Coverage(query, queryWeight, _passageTerms[p]) + (FocusWeight * Focus(query, _headingTerms[p])), PassageBm25Weight);
        return [.. Top(ranked).Select(t => (t.Index, new MatchFeatures(
            Coverage(query, queryWeight, _passageTerms[t.Index]),
            Focus(query, _headingTerms[t.Index]),
            t.Relative,
            t.Gap,
            unknown,
            Agrees: 0,
            english ? 1 : 0,
            Locality(_passageSentences[t.Index], query, queryWeight))))];
    }

    /// <summary>The best few, each with its score relative to the best and its gap to the best of the others.</summary>
    private static IEnumerable<(int Index, double Relative, double Gap)> Top(double[] ranked)
    {
        var order = Enumerable.Range(0, ranked.Length).Where(i => ranked[i] > 0).OrderByDescending(i => ranked[i]).ThenBy(i => i).Take(CandidatesPerKind).ToList();
        if (order.Count == 0)
        {
            yield break;
        }

        var first = ranked[order[0]];
        var second = order.Count > 1 ? ranked[order[1]] : 0;
        foreach (var i in order)
        {
            var other = i == order[0] ? second : first;
            yield return (i, ranked[i] / first, (ranked[i] - other) / ranked[i]);
        }
    }

    /// <summary>
    /// BM25 finds the candidates; the best few are ordered by how much of the question's rare-word weight
    /// they contain, with BM25 (relative to the best) as the tie-breaker: a question about "bevrijdingsdag"
    /// belongs with the one entry that mentions it, not with the many that share "school".
    /// </summary>
    private static double[] Rerank(double[] scores, Func<int, double> coverage, double bm25Weight)
    {
        var max = scores.Length == 0 ? 0 : scores.Max();
        if (max <= 0)
        {
            return scores;
        }

        var candidates = Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0).OrderByDescending(i => scores[i]).Take(RerankDepth);
        var ranked = new double[scores.Length];
        foreach (var i in candidates)
        {
            ranked[i] = coverage(i) + (bm25Weight * scores[i] / max);
        }

        return ranked;
    }

    /// <summary>The share of the question's known-word weight (rare words count more) the candidate contains.</summary>
    private double Coverage(Dictionary<string, double> query, double queryWeight, HashSet<string> terms) =>
        Coverage(query, queryWeight, terms.Contains);

    private double Coverage(Dictionary<string, double> query, double queryWeight, Func<string, bool> contains) =>
        queryWeight <= 0 ? 0 : query.Where(t => contains(t.Key)).Sum(t => t.Value * Idf(t.Key)) / queryWeight;

    /// <summary>The share of a wording's (or heading's) rare-word weight that the question contains.</summary>
    private double Focus(Dictionary<string, double> query, HashSet<string> terms)
    {
        var total = terms.Sum(Idf);
        return total <= 0 ? 0 : terms.Where(query.ContainsKey).Sum(Idf) / total;
    }

    /// <summary>
    /// A term's rarity over everything the bot can answer from. A word no text contains gets a modest weight:
    /// it may be chatter ("oppas", "huisje"), or the very thing the school never wrote about.
    /// </summary>
    private double Idf(string term) => _idf.GetValueOrDefault(term, UnknownTermWeight);

    /// <summary>The one or two sentences of a passage that answer the question, in the guide's order.</summary>
    private string AnsweringSentences(int passage, Dictionary<string, double> query)
    {
        var scored = _guide.Passages[passage].Sentences
            .Select((sentence, index) =>
            {
                var terms = _passageSentences[passage][index].Terms;
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

    private HashSet<string> SentenceTerms(string sentence) => _analyzer.DocumentTerms(sentence).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);

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
