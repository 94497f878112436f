namespace KlassenouderBot.Moderation.Analysis;

[Flags]
internal enum TokenFlags
{
    None = 0,
    Capitalized = 1,
    AllCaps = 2,
    Leet = 4,
    Spaced = 8,
    Stretched = 16,
    Quoted = 32,
    Masked = 64,
}

/// <summary>One word after normalisation: lower case, accents folded, disguises undone.</summary>
/// <param name="Text">The normalised word.</param>
/// <param name="Alternative">A second reading where stretching was ambiguous ("heeeel" → "heel"), else null.</param>
/// <param name="Clause">Clauses end at punctuation and at "maar"/"but"; negation does not cross them.</param>
/// <param name="Flags">How the word was written: capitals, disguises, inside quotes.</param>
internal readonly record struct Token(string Text, string? Alternative, int Clause, TokenFlags Flags)
{
    public bool Has(TokenFlags flag) => (Flags & flag) != 0;

    /// <summary>Leetspeak, spacing, masking: nobody disguises a word they mean innocently.</summary>
    public bool IsDisguised => (Flags & (TokenFlags.Leet | TokenFlags.Spaced | TokenFlags.Masked)) != 0;
}
