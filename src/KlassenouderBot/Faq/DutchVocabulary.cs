namespace KlassenouderBot.Faq;

/// <summary>
/// Dutch words as a large corpus spells them (Snowball's Dutch test vocabulary, 45,670 words, BSD; see
/// Vocabulary/COPYING): whether a word is a word, read once on first use.
/// </summary>
internal static class DutchVocabulary
{
    private static readonly Lazy<HashSet<string>> Words = new(() => new HashSet<string>(EmbeddedTable.Lines("Faq.dutch-words.txt").Select(FaqText.Normalize), StringComparer.Ordinal));

    /// <summary>True when the normalised (lower-case, accents folded) word is in the vocabulary.</summary>
    public static bool Contains(string normalizedWord) => Words.Value.Contains(normalizedWord);
}
