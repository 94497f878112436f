using System.Collections.Concurrent;

namespace KlassenouderBot.Faq;

/// <summary>A term and how much it counts: a word's stem counts fully, the parts of a compound half.</summary>
internal readonly record struct WeightedTerm(string Term, double Weight);

/// <summary>
/// The words of one school's FAQ and guide, for comparing questions with them: synonym groups brought to
/// one form, compounds split into the parts the school's own texts use ("ouderbijdrage" also counts as
/// "ouder" and "bijdrage"), and, for questions only, a misspelt word corrected to the closest word the
/// texts contain (one edit for short words, two for long ones).
/// </summary>
internal sealed class FaqAnalyzer
{
    private const double CompoundPartWeight = 0.5;
    private const int MinPartLength = 3;
    private const int MinCompoundLength = 7;

    /// <summary>Shorter words are not corrected: "niks" is one letter from "nits".</summary>
    private const int MinCorrectedLength = 5;

    /// <summary>Parts the school's texts may not use on their own but parents do ("gym" + "kleren").</summary>
    private static readonly string[] DomainParts =
    [
        "ouder", "ouders", "bijdrage", "gym", "kleding", "kleren", "schoenen", "tas", "herfst", "kerst", "voorjaar", "zomer",
        "mei", "vakantie", "luizen", "controle", "school", "reis", "kamp", "tijden", "tijd", "advies", "gesprek", "gesprekken",
        "opvang", "dag", "dagen", "studie", "verlof", "ziek", "melden", "klas", "les", "rooster", "regels", "pauze", "fruit",
        "brood", "melk", "water", "foto", "fotos", "app", "groep", "raad", "leer", "kracht", "jaar", "week", "middag", "ochtend",
        "feest", "sport", "zwem", "zwemmen", "fiets", "fietsen", "auto", "plein", "deur", "brief", "mail", "portaal", "toets",
        "rapport", "avond", "koffie", "kinderen", "kind", "juf", "meester", "traktatie", "verjaardag", "jarig",
    ];

    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);
    private readonly int _longestSynonym;
    private readonly HashSet<string> _parts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _deletes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _stemCache = new(StringComparer.Ordinal);

    public FaqAnalyzer(IEnumerable<IReadOnlyList<string>> synonymGroups)
    {
        foreach (var group in synonymGroups)
        {
            var forms = group.Select(form => string.Join(' ', FaqText.Words(FaqText.Normalize(form)))).Where(f => f.Length > 0).ToList();
            if (forms.Count < 2)
            {
                continue;
            }

            var canonical = forms[0].Replace(" ", "", StringComparison.Ordinal);
            foreach (var form in forms)
            {
                // The first group that names a form keeps it: the built-in list comes first, the school's after.
                _canonical.TryAdd(form, canonical);
                _longestSynonym = Math.Max(_longestSynonym, form.Count(c => c == ' ') + 1);
            }
        }

        foreach (var part in DomainParts)
        {
            _parts.Add(part);
        }
    }

    /// <summary>Adds a document's words to the vocabulary (for compound parts and spelling correction).</summary>
    public void Learn(string text)
    {
        foreach (var word in Words(text))
        {
            _frequency[word] = _frequency.GetValueOrDefault(word) + 1;
            if (word.Length >= MinPartLength)
            {
                _parts.Add(word);
            }
        }
    }

    /// <summary>True when a normalised word occurs in the school's texts or the synonym lists.</summary>
    public bool IsKnownWord(string word) => _frequency.ContainsKey(word) || _canonical.ContainsKey(word);

    /// <summary>Builds the spelling index once every document is learnt.</summary>
    public void Freeze()
    {
        var candidates = _frequency.Keys.Concat(_canonical.Keys.Where(k => !k.Contains(' ', StringComparison.Ordinal)));
        foreach (var word in candidates.Distinct(StringComparer.Ordinal))
        {
            if (word.Length < MinCorrectedLength - 1 || word.All(char.IsAsciiDigit))
            {
                continue;
            }

            foreach (var variant in Deletes(word, MaxEdits(word.Length)))
            {
                if (!_deletes.TryGetValue(variant, out var words))
                {
                    words = [];
                    _deletes[variant] = words;
                }

                words.Add(word);
            }
        }
    }

    /// <summary>A document's terms: stems, and the stems of compound parts at half weight.</summary>
    public List<WeightedTerm> DocumentTerms(string text) => Terms(Words(text), correct: false);

    /// <summary>
    /// A question's terms: as a document's, after correcting words the school's texts do not contain (Dutch
    /// questions only: an English word is too often one edit from an unrelated Dutch one, "wear" from "year").
    /// </summary>
    public List<WeightedTerm> QueryTerms(string text, bool english) => Terms(Words(text, english), correct: !english);

    /// <summary>
    /// Normalised words with synonym phrases replaced by their canonical form and stop words removed; in an
    /// English question each word (or phrase) the glossary knows also brings its Dutch translations, so "what
    /// should my child wear" meets the guide's "kleding" and "dragen".
    /// </summary>
    public List<string> Words(string text, bool english = false)
    {
        var raw = FaqText.Words(FaqText.Normalize(text));
        var words = new List<string>(raw.Length);
        for (var i = 0; i < raw.Length;)
        {
            var matched = false;
            for (var length = Math.Min(_longestSynonym, raw.Length - i); length >= 1 && !matched; length--)
            {
                // "gym tas" is the one word "gymtas" (gym clothes), not "gym" followed by a bag.
                if (length == 1 && i + 1 < raw.Length && Joined(raw[i], raw[i + 1]) is { } joined && _canonical.TryGetValue(joined, out var whole))
                {
                    words.Add(whole);
                    i += 2;
                    matched = true;
                    break;
                }

                var phrase = length == 1 ? raw[i] : string.Join(' ', raw, i, length);
                if (_canonical.TryGetValue(phrase, out var canonical))
                {
                    words.Add(canonical);
                    i += length;
                    matched = true;
                }
            }

            if (!matched && i + 1 < raw.Length && Joined(raw[i], raw[i + 1]) is { } compound)
            {
                // A compound written apart ("ouder bijdrage", "krokus vakantie") is read as the word the texts use.
                words.Add(_canonical.GetValueOrDefault(compound, compound));
                i += 2;
                matched = true;
            }

            if (!matched && english && EnglishGlossary.Longest(raw, i) is { } translated)
            {
                // The English word itself is kept only where the school's texts use it (an English answer).
                foreach (var word in raw.Skip(i).Take(translated.Length).Where(w => !FaqText.IsStopWord(w) && _frequency.ContainsKey(w)))
                {
                    words.Add(word);
                }

                foreach (var dutch in translated.Dutch.SelectMany(FaqText.Words))
                {
                    words.Add(_canonical.GetValueOrDefault(dutch, dutch));
                }

                i += translated.Length;
                matched = true;
            }

            if (!matched)
            {
                if (!FaqText.IsStopWord(raw[i]))
                {
                    words.Add(raw[i]);
                }

                i++;
            }
        }

        return words;
    }

    /// <summary>Two words that together make a word of the texts or a synonym list, or null.</summary>
    private string? Joined(string first, string second)
    {
        if (first.Length < 2 || second.Length < 3 || first.All(char.IsAsciiDigit) || second.All(char.IsAsciiDigit))
        {
            return null;
        }

        foreach (var linker in Linkers)
        {
            var joined = first + linker + second;
            if (_frequency.ContainsKey(joined) || _canonical.ContainsKey(joined))
            {
                return joined;
            }
        }

        return null;
    }

    private List<WeightedTerm> Terms(List<string> words, bool correct)
    {
        var terms = new List<WeightedTerm>(words.Count * 2);
        foreach (var word in words)
        {
            var known = _frequency.ContainsKey(word) || _canonical.ContainsKey(word);
            var parts = Split(word);
            var spelled = word;
            if (correct && !known && parts is null)
            {
                spelled = Correct(word);
                if (_canonical.TryGetValue(spelled, out var canonical))
                {
                    spelled = canonical;
                }

                parts = Split(spelled);
            }

            terms.Add(new WeightedTerm(StemOf(spelled), 1.0));

            // When the texts never use the whole compound, its parts are all there is to go on.
            var partWeight = _frequency.ContainsKey(spelled) ? CompoundPartWeight : 1.0;
            foreach (var part in parts ?? [])
            {
                terms.Add(new WeightedTerm(StemOf(part), partWeight));
            }
        }

        return terms;
    }

    private string StemOf(string word)
    {
        if (word.All(char.IsAsciiDigit))
        {
            return word;
        }

        if (_stemCache.TryGetValue(word, out var stem))
        {
            return stem;
        }

        stem = DutchStemmer.Stem(word);

        // Questions bring new words; the cache stays bounded.
        if (_stemCache.Count < 50_000)
        {
            _stemCache[word] = stem;
        }

        return stem;
    }

    /// <summary>
    /// The two known parts of a compound ("ouder|bijdrage", "herfst|vakantie", "luiz|en|controle" with a
    /// linking -s-, -e- or -en-), preferring the most even split; null when the word is no compound of known parts.
    /// </summary>
    private string[]? Split(string word)
    {
        if (word.Length < MinCompoundLength)
        {
            return null;
        }

        string[]? best = null;
        var bestShortest = 0;
        for (var i = MinPartLength; i <= word.Length - MinPartLength; i++)
        {
            var head = word[..i];
            if (!_parts.Contains(head))
            {
                continue;
            }

            foreach (var linker in Linkers)
            {
                if (!word.AsSpan(i).StartsWith(linker, StringComparison.Ordinal))
                {
                    continue;
                }

                var tail = word[(i + linker.Length)..];
                if (tail.Length >= MinPartLength && _parts.Contains(tail) && Math.Min(head.Length, tail.Length) > bestShortest)
                {
                    best = [head, tail];
                    bestShortest = Math.Min(head.Length, tail.Length);
                }
            }
        }

        return best;
    }

    private static readonly string[] Linkers = ["", "s", "en", "e"];

    /// <summary>The closest word the school's texts (or a synonym list) contain, or the word itself.</summary>
    private string Correct(string word)
    {
        if (word.Length < MinCorrectedLength || word.All(char.IsAsciiDigit))
        {
            return word;
        }

        var maxEdits = MaxEdits(word.Length);
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = -1;
        foreach (var variant in Deletes(word, maxEdits))
        {
            if (!_deletes.TryGetValue(variant, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                var distance = EditDistance(word, candidate, maxEdits);
                var frequency = _frequency.GetValueOrDefault(candidate);
                if (distance <= maxEdits && (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency)))
                {
                    (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
                }
            }
        }

        return best ?? word;
    }

    private static int MaxEdits(int length) => length >= 8 ? 2 : 1;

    /// <summary>The word with up to <paramref name="edits"/> letters left out (the word itself included).</summary>
    private static HashSet<string> Deletes(string word, int edits)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (var round = 0; round < edits; round++)
        {
            var next = new List<string>();
            foreach (var current in frontier)
            {
                for (var i = 0; i < current.Length; i++)
                {
                    var shorter = current.Remove(i, 1);
                    if (result.Add(shorter))
                    {
                        next.Add(shorter);
                    }
                }
            }

            frontier = next;
        }

        return result;
    }

    /// <summary>Optimal string alignment distance (insert, delete, substitute, swap neighbours), stopping early past <paramref name="limit"/>.</summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
