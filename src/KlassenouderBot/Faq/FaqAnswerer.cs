using System.Globalization;
using System.Text;
using KlassenouderBot.School;

namespace KlassenouderBot.Faq;

/// <summary>One answer (or a refusal to guess) for a parent's question.</summary>
/// <param name="Entry">The FAQ entry that answers it, or null when the bot abstains.</param>
/// <param name="Confidence">How much of the question's weight the entry's wording covers, in [0,1].</param>
public sealed record FaqMatch(FaqEntry? Entry, double Confidence);

/// <summary>
/// Finds the school FAQ entry that answers a question by the words they share, each word weighted by how
/// rare it is among the entries (a question about "gym" should not be won by "wanneer"). Words are compared
/// after lower-casing and removing accents, and on their first six letters so "vakanties" meets "vakantie".
/// Below <see cref="Threshold"/> it abstains rather than guess. The question and alternates of an entry
/// count; the best-matching wording wins. Built once per school file.
/// </summary>
public sealed class FaqAnswerer
{
    public const double Threshold = 0.5;

    private const int PrefixLength = 6;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "en", "of", "is", "zijn", "er", "ik", "je", "jij", "u", "we", "wij", "ze", "mijn", "mij", "me",
        "onze", "ons", "in", "op", "aan", "van", "voor", "met", "bij", "naar", "om", "te", "tot", "dat", "die", "dit", "wat",
        "hoe", "waar", "wie", "welke", "wel", "niet", "nog", "ook", "al", "dan", "als", "kan", "kun", "kunnen", "moet", "moeten",
        "mag", "mogen", "wordt", "worden", "heb", "hebt", "heeft", "hebben", "doe", "doen", "even", "toch", "eigenlijk", "hallo", "hoi",
        "the", "a", "an", "and", "or", "is", "are", "do", "does", "i", "my", "we", "our", "you", "to", "of", "in", "on", "at", "for",
        "what", "when", "how", "where", "who", "which", "can", "should", "there", "it", "this", "that", "be", "hi", "hello", "please",
    };

    private static readonly HashSet<string> EnglishMarkers = new(StringComparer.Ordinal)
    {
        "the", "what", "when", "how", "where", "is", "are", "does", "do", "my", "can", "should", "school", "time", "child",
    };

    private static readonly HashSet<string> DutchMarkers = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "wat", "wanneer", "hoe", "waar", "is", "mijn", "kan", "moet", "mag", "kind", "school", "tijd",
    };

    private readonly IReadOnlyList<(FaqEntry Entry, IReadOnlyList<HashSet<string>> Wordings)> _entries;
    private readonly Dictionary<string, double> _weights;
    private readonly HashSet<string> _subjectTerms;
    private readonly double _unknownWeight;

    public FaqAnswerer(IReadOnlyList<FaqEntry> entries)
    {
        _entries = [.. entries.Select(entry => (entry, (IReadOnlyList<HashSet<string>>)[.. new[] { entry.Question }.Concat(entry.Alternates).Select(Terms)]))];

        // A word's weight: log of how many entries there are over how many use it (inverse document frequency).
        var entryCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, wordings) in _entries)
        {
            foreach (var term in wordings.SelectMany(w => w).Distinct())
            {
                entryCounts[term] = entryCounts.GetValueOrDefault(term) + 1;
            }
        }

        // The words of an entry's own question name its subject ("herfstvakantie", "luizencontrole").
        _subjectTerms = [.. _entries.SelectMany(e => e.Wordings[0])];

        var total = Math.Max(1, _entries.Count);
        _weights = entryCounts.ToDictionary(pair => pair.Key, pair => Math.Log(1 + ((double)total / pair.Value)), StringComparer.Ordinal);
        _unknownWeight = Math.Log(1 + total);
    }

    /// <summary>The best entry and its confidence; <see cref="FaqMatch.Entry"/> is null below the threshold.</summary>
    public FaqMatch Match(string question)
    {
        var terms = Terms(question);
        if (terms.Count == 0)
        {
            return new FaqMatch(null, 0);
        }

        var questionWeight = terms.Sum(Weight);
        var best = (Entry: (FaqEntry?)null, Score: 0.0);
        foreach (var (entry, wordings) in _entries)
        {
            // A question that names another entry's subject, which this entry never mentions, is about that
            // subject: "hoe lang duurt de herfstvakantie?" shares only "hoe lang duurt" with the summer holiday.
            var otherSubject = terms.Where(t => _subjectTerms.Contains(t) && !wordings.Any(w => w.Contains(t))).Sum(Weight) * 0.5;
            foreach (var wording in wordings)
            {
                var covered = terms.Where(wording.Contains).Sum(Weight);

                // Words of the wording the question lacks count a little against it, so a short exact wording beats a long one.
                var missing = wording.Where(t => !terms.Contains(t)).Sum(Weight) * 0.25;
                var score = Math.Clamp((covered - missing - otherSubject) / questionWeight, 0, 1);
                if (score > best.Score)
                {
                    best = (entry, score);
                }
            }
        }

        return best.Score >= Threshold ? new FaqMatch(best.Entry, best.Score) : new FaqMatch(null, best.Score);
    }

    /// <summary>True when the question reads as English rather than Dutch.</summary>
    public static bool LooksEnglish(string question)
    {
        var words = Words(question).ToList();
        return words.Count(EnglishMarkers.Contains) > words.Count(DutchMarkers.Contains);
    }

    private double Weight(string term) => _weights.GetValueOrDefault(term, _unknownWeight);

    private static HashSet<string> Terms(string text) =>
        [.. Words(text).Where(w => !StopWords.Contains(w) && w.Length > 1).Select(w => w.Length > PrefixLength ? w[..PrefixLength] : w)];

    private static string[] Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
