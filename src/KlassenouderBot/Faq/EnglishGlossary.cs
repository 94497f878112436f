namespace KlassenouderBot.Faq;

/// <summary>
/// English words and phrases parents use about school, with the Dutch words a school guide uses for them
/// (Faq/english-dutch.tsv, written for this project): an English question against a Dutch guide otherwise
/// only meets the few English answers a school wrote and the synonym lists.
/// </summary>
internal static class EnglishGlossary
{
    private static readonly Lazy<(Dictionary<string, string[]> Entries, int LongestPhrase)> Loaded = new(Load);

    /// <summary>The longest glossary phrase starting at <paramref name="start"/>, with its Dutch words; null when none does.</summary>
    public static (int Length, string[] Dutch)? Longest(string[] words, int start)
    {
        var (entries, longest) = Loaded.Value;
        for (var length = Math.Min(longest, words.Length - start); length >= 1; length--)
        {
            if (entries.TryGetValue(length == 1 ? words[start] : string.Join(' ', words, start, length), out var dutch))
            {
                return (length, dutch);
            }
        }

        return null;
    }

    private static (Dictionary<string, string[]>, int) Load()
    {
        var entries = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var longest = 1;
        foreach (var columns in EmbeddedTable.Lines("Faq.english-dutch.tsv").Select(line => line.Split('\t')).Where(columns => columns.Length == 2))
        {
            var english = string.Join(' ', FaqText.Words(FaqText.Normalize(columns[0])));
            var dutch = columns[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(FaqText.Normalize).ToArray();
            if (english.Length > 0 && dutch.Length > 0)
            {
                // A word listed twice keeps all its translations.
                entries[english] = entries.TryGetValue(english, out var earlier) ? [.. earlier.Union(dutch)] : dutch;
                longest = Math.Max(longest, english.Count(c => c == ' ') + 1);
            }
        }

        // "teacher training days" means what "teacher training day" does: each entry also stands in the plural
        // of its last word, unless the list gives that plural its own line.
        foreach (var (english, dutch) in entries.ToList())
        {
            if (Plural(english) is { } plural)
            {
                entries.TryAdd(plural, dutch);
            }
        }

        return (entries, longest);
    }

    private static string? Plural(string phrase)
    {
        var last = phrase[(phrase.LastIndexOf(' ') + 1)..];
        if (last.Length < 3 || last.EndsWith('s'))
        {
            return null;
        }

        return last switch
        {
            _ when last.EndsWith('y') && !"aeiou".Contains(last[^2]) => phrase[..^1] + "ies",
            _ when last.EndsWith('x') || last.EndsWith('z') || last.EndsWith("ch", StringComparison.Ordinal) || last.EndsWith("sh", StringComparison.Ordinal) => phrase + "es",
            _ => phrase + "s",
        };
    }
}
