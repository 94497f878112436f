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
    private const int MaxCachedWords = 50_000;

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

    /// <summary>The built-in synonym forms and their canonical words, read once for every school.</summary>
    private static readonly Dictionary<string, string> BuiltInCanonical = new(StringComparer.Ordinal);
    private static readonly int BuiltInLongestSynonym = AddSynonyms(BuiltInCanonical, FaqText.BuiltInSynonyms);

    /// <summary>The spelling index of the built-in single-word forms (some 1,200), shared by every school.</summary>
    private static readonly SpellingIndex BuiltInSpelling = new(BuiltInCanonical.Keys.Where(IsSingleWord));

    private readonly Dictionary<string, string> _canonical;
    private readonly int _longestSynonym;
    private readonly HashSet<string> _parts = new(DomainParts, StringComparer.Ordinal);
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phraseStarts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _frequencyBySpan;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _canonicalBySpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _partsBySpan;
    private readonly ConcurrentDictionary<string, WeightedTerm[]> _termCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WeightedTerm[]> _writtenPartsCache = new(StringComparer.Ordinal);
    private SpellingIndex _schoolSpelling = new([]);
    private bool _frozen;

    /// <param name="schoolSynonyms">The school's own groups; they come after the built-in ones, which keep the forms they name.</param>
    public FaqAnalyzer(IEnumerable<IReadOnlyList<string>> schoolSynonyms)
    {
        _canonical = new Dictionary<string, string>(BuiltInCanonical, StringComparer.Ordinal);
        _longestSynonym = Math.Max(BuiltInLongestSynonym, AddSynonyms(_canonical, schoolSynonyms));
        _phraseStarts = new HashSet<string>(_canonical.Keys.Where(form => !IsSingleWord(form)).Select(form => form[..form.IndexOf(' ', StringComparison.Ordinal)]), StringComparer.Ordinal);
        _frequencyBySpan = _frequency.GetAlternateLookup<ReadOnlySpan<char>>();
        _canonicalBySpan = _canonical.GetAlternateLookup<ReadOnlySpan<char>>();
        _partsBySpan = _parts.GetAlternateLookup<ReadOnlySpan<char>>();

        // A group's word is a word of the school's language even where its texts never use it alone ("overzicht").
        _parts.UnionWith(_canonical.Values.Where(word => word.Length >= MinPartLength));
    }

    /// <summary>Adds each form of each group under the group's first form; returns the longest form in words.</summary>
    private static int AddSynonyms(Dictionary<string, string> canonicalOf, IEnumerable<IReadOnlyList<string>> groups)
    {
        var longest = 0;
        foreach (var group in groups)
        {
            var forms = group.Select(form => string.Join(' ', FaqText.Words(FaqText.Normalize(form)))).Where(f => f.Length > 0).ToList();
            if (forms.Count < 2)
            {
                continue;
            }

            var canonical = forms[0].Replace(" ", "", StringComparison.Ordinal);
            foreach (var form in forms)
            {
                // The first group that names a form keeps it.
                canonicalOf.TryAdd(form, canonical);
                longest = Math.Max(longest, form.Count(c => c == ' ') + 1);
            }
        }

        return longest;
    }

    private static bool IsSingleWord(string form) => !form.Contains(' ', StringComparison.Ordinal);

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

    /// <summary>Builds the school's spelling index once every document is learnt: its words the built-in index does not hold.</summary>
    public void Freeze()
    {
        _schoolSpelling = new SpellingIndex(_frequency.Keys.Concat(_canonical.Keys.Where(IsSingleWord)).Where(word => !BuiltInCanonical.ContainsKey(word)));
        _frozen = true;
    }

    /// <summary>A document's terms: stems, and the stems of compound parts at half weight.</summary>
    public List<WeightedTerm> DocumentTerms(string text) => Terms(ReadWords(text, english: false), correct: false);

    /// <summary>
    /// A question's terms: as a document's, after correcting words the school's texts do not contain (Dutch
    /// questions only: an English word is too often one edit from an unrelated Dutch one, "wear" from "year").
    /// </summary>
    public List<WeightedTerm> QueryTerms(string text, bool english) => Terms(ReadWords(text, english), correct: !english);

    /// <summary>
    /// Normalised words with synonym phrases replaced by their canonical form and stop words removed; in an
    /// English question each word (or phrase) the glossary knows also brings its Dutch translations, so "what
    /// should my child wear" meets the guide's "kleding" and "dragen".
    /// </summary>
    public List<string> Words(string text, bool english = false) => [.. ReadWords(text, english).Select(w => w.Word)];

    /// <summary>
    /// As <see cref="Words"/>, each word with the form the text used when a synonym list replaced it: the parts
    /// of "vakantieoverzicht" say "overzicht" even though the word is read as its group's "vakantierooster".
    /// </summary>
    private List<(string Word, string Written)> ReadWords(string text, bool english)
    {
        var raw = FaqText.Words(FaqText.Normalize(text));
        var words = new List<(string Word, string Written)>(raw.Length);
        for (var i = 0; i < raw.Length;)
        {
            var matched = false;

            // A phrase of several words ("ziek melden") can only start with a word that starts one.
            var longest = _phraseStarts.Contains(raw[i]) ? Math.Min(_longestSynonym, raw.Length - i) : 1;
            for (var length = longest; length >= 2 && !matched; length--)
            {
                if (_canonical.TryGetValue(string.Join(' ', raw, i, length), out var canonical))
                {
                    words.Add((canonical, canonical));
                    i += length;
                    matched = true;
                }
            }

            var joined = !matched && i + 1 < raw.Length ? Joined(raw[i], raw[i + 1]) : null;
            if (joined is not null && _canonical.TryGetValue(joined, out var whole))
            {
                // "gym tas" is the one word "gymtas" (gym clothes), not "gym" followed by a bag.
                words.Add((whole, whole));
                i += 2;
                matched = true;
            }
            else if (!matched && _canonical.TryGetValue(raw[i], out var canonical))
            {
                words.Add((canonical, raw[i]));
                i++;
                matched = true;
            }
            else if (joined is not null)
            {
                // A compound written apart ("ouder bijdrage", "krokus vakantie") is read as the word the texts use.
                words.Add((joined, joined));
                i += 2;
                matched = true;
            }

            if (!matched && english && EnglishGlossary.Longest(raw, i) is { } translated)
            {
                // The English word itself is kept only where the school's texts use it (an English answer).
                foreach (var word in raw.Skip(i).Take(translated.Length).Where(w => !FaqText.IsStopWord(w) && _frequency.ContainsKey(w)))
                {
                    words.Add((word, word));
                }

                foreach (var dutch in translated.Dutch.SelectMany(FaqText.Words))
                {
                    var read = _canonical.GetValueOrDefault(dutch, dutch);
                    words.Add((read, read));
                }

                i += translated.Length;
                matched = true;
            }

            if (!matched)
            {
                if (!FaqText.IsStopWord(raw[i]))
                {
                    words.Add((raw[i], raw[i]));
                }

                i++;
            }
        }

        return words;
    }

    /// <summary>Two words that together make a word of the texts or a synonym list, or null.</summary>
    private string? Joined(string first, string second)
    {
        if (first.Length < 2 || second.Length < 3 || FaqText.IsNumber(first) || FaqText.IsNumber(second))
        {
            return null;
        }

        // Every pair of neighbouring words in every text is tried: only a word that exists is allocated.
        var length = first.Length + 2 + second.Length;
        var buffer = length <= 128 ? stackalloc char[length] : new char[length];
        first.CopyTo(buffer);
        foreach (var linker in Linkers)
        {
            linker.CopyTo(buffer[first.Length..]);
            second.CopyTo(buffer[(first.Length + linker.Length)..]);
            var joined = buffer[..(first.Length + linker.Length + second.Length)];
            if (_frequencyBySpan.TryGetValue(joined, out var word, out _) || _canonicalBySpan.TryGetValue(joined, out word, out _))
            {
                return word;
            }
        }

        return null;
    }

    private List<WeightedTerm> Terms(List<(string Word, string Written)> words, bool correct)
    {
        var terms = new List<WeightedTerm>(words.Count * 2);
        foreach (var (word, written) in words)
        {
            var read = WordTerms(word);
            if (correct && read.Length == 1 && !IsKnownWord(word))
            {
                // Neither a word of the texts nor a compound of their words: a misspelling, perhaps.
                var spelled = Correct(word);
                read = WordTerms(_canonical.GetValueOrDefault(spelled, spelled));
            }

            terms.AddRange(read);
            if (!string.Equals(word, written, StringComparison.Ordinal))
            {
                terms.AddRange(WrittenParts(written, read));
            }
        }

        return terms;
    }

    /// <summary>
    /// The parts of a compound a synonym list replaced that its group's word does not have: "vakantieoverzicht"
    /// is read as "vakantierooster", and its "overzicht" still meets a parent's "lijstje".
    /// </summary>
    private WeightedTerm[] WrittenParts(string written, WeightedTerm[] read)
    {
        if (_writtenPartsCache.TryGetValue(written, out var cached))
        {
            return cached;
        }

        // Only parts a synonym list names: other parts ("reisje" in "schoolreisje") are the group word's own.
        WeightedTerm[] parts =
        [
            .. (Split(written) ?? [])
                .Select(part => _canonical.GetValueOrDefault(part))
                .OfType<string>()
                .Select(group => new WeightedTerm(StemOf(group), CompoundPartWeight))
                .Where(part => !read.Any(r => r.Term == part.Term)),
        ];
        return Remember(_writtenPartsCache, written, parts);
    }

    /// <summary>A word's stem, then the stems of its compound parts (cached: the texts repeat their words).</summary>
    private WeightedTerm[] WordTerms(string word)
    {
        if (_termCache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var parts = Split(word);

        // When the texts never use the whole compound, its parts are all there is to go on.
        var partWeight = _frequency.ContainsKey(word) ? CompoundPartWeight : 1.0;
        WeightedTerm[] terms = [new(StemOf(word), 1.0), .. (parts ?? []).Select(part => new WeightedTerm(StemOf(part), partWeight))];

        return Remember(_termCache, word, terms);
    }

    /// <summary>
    /// Caches what a word was read as. Questions bring new words, so the cache stays bounded; before Freeze
    /// the vocabulary still grows and a reading may still change, so nothing is kept.
    /// </summary>
    private WeightedTerm[] Remember(ConcurrentDictionary<string, WeightedTerm[]> cache, string word, WeightedTerm[] terms)
    {
        if (_frozen && cache.Count < MaxCachedWords)
        {
            cache[word] = terms;
        }

        return terms;
    }

    private static string StemOf(string word) => FaqText.IsNumber(word) ? word : DutchStemmer.Stem(word);

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
            if (!_partsBySpan.TryGetValue(word.AsSpan(0, i), out var head))
            {
                continue;
            }

            foreach (var linker in Linkers)
            {
                if (!word.AsSpan(i).StartsWith(linker, StringComparison.Ordinal))
                {
                    continue;
                }

                var tailStart = i + linker.Length;
                if (word.Length - tailStart >= MinPartLength && _partsBySpan.TryGetValue(word.AsSpan(tailStart), out var tail) && Math.Min(head.Length, tail.Length) > bestShortest)
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
        if (word.Length < SpellingIndex.MinCorrectedLength || FaqText.IsNumber(word))
        {
            return word;
        }

        // A real Dutch word is only read as another form of a word of the texts ("schoolvakanties" as
        // "schoolvakantie"), never as a different word that is one letter away ("borgen" is not "zorgen").
        var inflectedOnly = DutchVocabulary.Contains(word);

        var maxEdits = SpellingIndex.MaxEdits(word.Length);
        var forms = SpellingIndex.Forms(word, maxEdits);
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = -1;
        foreach (var candidate in _schoolSpelling.Candidates(forms).Concat(BuiltInSpelling.Candidates(forms)))
        {
            if (inflectedOnly && !SameBeginning(word, candidate))
            {
                continue;
            }

            var distance = EditDistance(word, candidate, maxEdits);
            var frequency = _frequency.GetValueOrDefault(candidate);

            if (distance <= maxEdits && (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency)))
            {
                (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
            }
        }

        return best ?? word;
    }

    /// <summary>True when two words differ only in their last two letters (an ending: -s, -en, -e, -je).</summary>
    private static bool SameBeginning(string word, string candidate)
    {
        var stem = Math.Min(word.Length, candidate.Length) - InflectionLength;
        return stem > 0 && word.AsSpan(0, stem).SequenceEqual(candidate.AsSpan(0, stem)) && Math.Max(word.Length, candidate.Length) - stem <= InflectionLength + 1;
    }

    private const int InflectionLength = 2;

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
