using System.Text;

namespace KlassenouderBot.Moderation.Analysis;

/// <summary>
/// Undoes the tricks people use to slip words past a filter: casing, stretched letters (kuuuut), leetspeak
/// (k4nker), spaced or dotted letters (K A N K E R, k.u.t.), masking (k*t), zero-width and bidi characters.
/// Linear in the length of the text.
/// </summary>
internal static class TextNormalizer
{
    public static NormalizedText Normalize(string text)
    {
        var tokens = new List<Token>(Math.Min(text.Length / 4 + 4, 4096));
        var quoted = new List<string>();
        var word = new StringBuilder(32);
        var letters = 0;
        var upper = 0;
        var allCapsWords = 0;
        var clause = 0;
        var emoji = EmojiCues.None;
        var inQuote = false;
        var quoteStart = -1;
        var separatorSinceLastToken = ' ';

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length)
            {
                emoji |= Classify(char.ConvertToUtf32(c, text[i + 1]));
                Flush();
                i++;
                separatorSinceLastToken = ' ';
                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            if (IsWordChar(c) || (IsInnerJoiner(c) && word.Length > 0 && i + 1 < text.Length && IsWordChar(text[i + 1]) && !IsQuoteBoundary(text, i)))
            {
                word.Append(c);
                if (char.IsLetter(c))
                {
                    letters++;
                    if (char.IsUpper(c))
                    {
                        upper++;
                    }
                }

                continue;
            }

            Flush();
            if (c is '\'' or '"' or '‘' or '’' or '“' or '”' or '„' or '`' or '´')
            {
                if (IsOpeningQuote(text, i))
                {
                    inQuote = true;
                    quoteStart = tokens.Count;
                }
                else if (inQuote)
                {
                    inQuote = false;
                    if (quoteStart >= 0 && tokens.Count > quoteStart)
                    {
                        quoted.Add(string.Join(' ', tokens.Skip(quoteStart).Select(t => t.Text)));
                    }
                }

                continue;
            }

            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')' or '\n' or '\r' or '…')
            {
                // A dot or dash between single letters is spelling out a word (k.u.t.), not a clause end.
                if (!(c == '.' && tokens.Count > 0 && tokens[^1].Text.Length == 1 && i + 1 < text.Length && char.IsLetter(text[i + 1])))
                {
                    clause++;
                }
            }

            separatorSinceLastToken = c;
        }

        Flush();
        if (inQuote && quoteStart >= 0)
        {
            // An unclosed quote is an apostrophe or a stray mark, not a quotation.
            for (var t = quoteStart; t < tokens.Count; t++)
            {
                tokens[t] = tokens[t] with { Flags = tokens[t].Flags & ~TokenFlags.Quoted };
            }
        }

        var joinedTokens = JoinSpelledOutLetters(tokens);
        return new NormalizedText
        {
            Tokens = joinedTokens,
            Joined = JoinTexts(joinedTokens),
            UpperRatio = letters == 0 ? 0 : (double)upper / letters,
            AllCapsWords = allCapsWords,
            LetterCount = letters,
            Emoji = emoji,
            QuotedPhrases = quoted,
            EmphaticQuestion = text.Contains("??", StringComparison.Ordinal) || text.Contains("?!", StringComparison.Ordinal),
        };

        void Flush()
        {
            if (word.Length == 0)
            {
                return;
            }

            var raw = word.ToString();
            word.Clear();
            var flags = TokenFlags.None;
            var rawLetters = 0;
            var rawUpper = 0;
            foreach (var ch in raw)
            {
                if (char.IsLetter(ch))
                {
                    rawLetters++;
                    if (char.IsUpper(ch))
                    {
                        rawUpper++;
                    }
                }
            }

            if (rawLetters > 0 && char.IsUpper(raw[0]))
            {
                flags |= TokenFlags.Capitalized;
            }

            if (rawLetters >= 2 && rawUpper == rawLetters)
            {
                flags |= TokenFlags.AllCaps;
                if (rawLetters >= 3)
                {
                    allCapsWords++;
                }
            }

            if (inQuote)
            {
                flags |= TokenFlags.Quoted;
            }

            var (normal, alternative, extraFlags) = NormalizeWord(raw);
            flags |= extraFlags;
            if (normal.Length > 0)
            {
                // A separator of '.', '-' or '_' between single letters means the word was spelled out.
                if (separatorSinceLastToken is '.' or '-' or '_' or '*' && normal.Length == 1)
                {
                    flags |= TokenFlags.Spaced;
                }

                tokens.Add(new Token(normal, alternative, clause, flags));
                if (normal is "maar" or "but")
                {
                    clause++;
                }
            }

            separatorSinceLastToken = ' ';
        }
    }

    /// <summary>Lower-cases, folds accents, undoes leetspeak and stretching; returns a second reading if useful.</summary>
    internal static (string Normal, string? Alternative, TokenFlags Flags) NormalizeWord(string raw)
    {
        var flags = TokenFlags.None;
        var hasLetter = false;
        var hasDigitOrSymbol = false;
        var letterCount = 0;
        foreach (var ch in raw)
        {
            if (char.IsLetter(ch))
            {
                hasLetter = true;
                letterCount++;
            }
            else if (char.IsDigit(ch) || ch is '@' or '$' or '€' or '!')
            {
                hasDigitOrSymbol = true;
            }
        }

        // Leetspeak only where letters and digits mix inside a word with at least two letters:
        // "k4nker" yes, "8e", "3x" and "22" no.
        var leet = hasLetter && hasDigitOrSymbol && letterCount >= 2 && !IsOrdinalOrUnit(raw);
        // Words are short; a stack buffer avoids a builder per word on the hot path.
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var length = 0;
        foreach (var ch in raw)
        {
            var c = FoldAccent(char.ToLowerInvariant(ch));
            if (leet)
            {
                c = c switch
                {
                    '4' or '@' => 'a',
                    '3' or '€' => 'e',
                    '1' or '!' => 'i',
                    '0' => 'o',
                    '5' or '$' => 's',
                    '7' => 't',
                    '9' => 'g',
                    _ => c,
                };
            }

            if (c is '-' or '_' or '’')
            {
                continue;
            }

            if (c == '.')
            {
                // Only kept inside a word when spelling it out letter by letter: "k.u.t".
                flags |= TokenFlags.Spaced;
                continue;
            }

            buffer[length++] = c;
        }

        if (leet)
        {
            flags |= TokenFlags.Leet;
        }

        var folded = buffer[..length].SequenceEqual(raw) ? raw : new string(buffer[..length]);
        if (folded.Contains('*', StringComparison.Ordinal))
        {
            flags |= TokenFlags.Masked;
        }

        if (folded is "ni" or "nie")
        {
            // Flemish and typed-fast "niet".
            folded = "niet";
        }

        var (collapsedToOne, collapsedToTwo, stretched) = Collapse(folded);
        if (stretched)
        {
            flags |= TokenFlags.Stretched;
        }

        return (collapsedToOne, collapsedToTwo != collapsedToOne ? collapsedToTwo : null, flags);
    }

    private static bool IsOrdinalOrUnit(string raw)
    {
        // 12e, 3x, 10km, 2de, 1ste: numbers with a unit or ordinal suffix are not disguised words.
        var i = 0;
        while (i < raw.Length && char.IsDigit(raw[i]))
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        var suffix = raw[i..].ToLowerInvariant();
        return suffix is "e" or "de" or "ste" or "x" or "km" or "kg" or "min" or "uur" or "u" or "jarige" or "jarigen" or "jaar" or "st" or "nd" or "rd" or "th" or "ste" or "ies" or "er" or "tal"
            || suffix.StartsWith("jarig", StringComparison.Ordinal)
            || suffix.StartsWith("minuten", StringComparison.Ordinal);
    }

    /// <summary>
    /// Stretched words collapse to a single letter ("kuuuut" → "kut"); the two-letter reading
    /// ("heeeel" → "heel") is kept as an alternative. Runs of one or two letters stay as written.
    /// </summary>
    private static (string One, string Two, bool Stretched) Collapse(string word)
    {
        if (!HasRunOfThree(word))
        {
            return (word, word, false);
        }

        var one = new StringBuilder(word.Length);
        var two = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length;)
        {
            var runLength = 1;
            while (i + runLength < word.Length && word[i + runLength] == word[i])
            {
                runLength++;
            }

            one.Append(word[i], runLength >= 3 ? 1 : runLength);
            two.Append(word[i], Math.Min(runLength, 2));
            i += runLength;
        }

        return (one.ToString(), two.ToString(), true);
    }

    private static string JoinTexts(List<Token> tokens)
    {
        var length = tokens.Count;
        foreach (var token in tokens)
        {
            length += token.Text.Length;
        }

        return string.Create(Math.Max(0, length - 1), tokens, static (span, list) =>
        {
            var position = 0;
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    span[position++] = ' ';
                }

                list[i].Text.AsSpan().CopyTo(span[position..]);
                position += list[i].Text.Length;
            }
        });
    }

    private static bool HasRunOfThree(string word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && word[i] == word[i - 2])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs of three or more single letters are a word spelled out: "K A N K E R", "k.u.t.".</summary>
    private static List<Token> JoinSpelledOutLetters(List<Token> tokens)
    {
        var singles = 0;
        var anyRun = false;
        foreach (var token in tokens)
        {
            singles = token.Text.Length == 1 && char.IsLetter(token.Text[0]) ? singles + 1 : 0;
            anyRun |= singles >= 3;
        }

        if (!anyRun)
        {
            return tokens;
        }

        var result = new List<Token>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var j = i;
            while (j < tokens.Count && tokens[j].Text.Length == 1 && char.IsLetter(tokens[j].Text[0]))
            {
                j++;
            }

            if (j - i >= 3)
            {
                var joined = string.Concat(tokens.Skip(i).Take(j - i).Select(t => t.Text));
                result.Add(new Token(joined, null, tokens[i].Clause, (tokens[i].Flags & TokenFlags.Quoted) | TokenFlags.Spaced | TokenFlags.AllCaps));
                i = j;
                continue;
            }

            result.Add(tokens[i]);
            i++;
        }

        return result;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '@' or '$' or '*' or '€';

    private static bool IsInnerJoiner(char c) => c is '\'' or '’' or '-' or '_' or '.' || c == '!';

    /// <summary>An apostrophe that opens or closes a quotation rather than joining a word (z'n, d'r).</summary>
    private static bool IsQuoteBoundary(string text, int i)
    {
        var c = text[i];
        if (c is '.' or '!')
        {
            // Inside a word only when spelling out (k.u.t) or leet (k!t); otherwise it ends the sentence.
            return !(i > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]) && (c == '!' || (i >= 1 && IsSingleLetterBefore(text, i))));
        }

        return false;
    }

    private static bool IsSingleLetterBefore(string text, int i) =>
        char.IsLetter(text[i - 1]) && (i < 2 || !char.IsLetterOrDigit(text[i - 2]));

    private static bool IsOpeningQuote(string text, int i)
    {
        var before = i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or ':';
        var after = i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
        if (!before || !after)
        {
            return false;
        }

        // 's avonds, 't is: a clipped article, not a quotation.
        if (i + 2 < text.Length && text[i + 1] is 's' or 't' or 'n' && !char.IsLetter(text[i + 2]))
        {
            return false;
        }

        return true;
    }

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F' or '\u061C'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
        || c is '\uFE0F' or '\uFE0E';

    internal static char FoldAccent(char c) => c switch
    {
        'á' or 'à' or 'â' or 'ä' or 'ã' or 'å' => 'a',
        'é' or 'è' or 'ê' or 'ë' => 'e',
        'í' or 'ì' or 'î' or 'ï' => 'i',
        'ó' or 'ò' or 'ô' or 'ö' or 'õ' => 'o',
        'ú' or 'ù' or 'û' or 'ü' => 'u',
        'ý' or 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    };

    private static EmojiCues Classify(int codePoint) => codePoint switch
    {
        0x1F644 => EmojiCues.EyeRoll,
        0x1F44F => EmojiCues.Clap,
        0x1F92E => EmojiCues.Vomit,
        0x1F922 => EmojiCues.Disgust,
        0x1F921 => EmojiCues.Clown,
        0x1F621 or 0x1F620 or 0x1F92C or 0x1F47F => EmojiCues.Angry,
        0x1F602 or 0x1F923 or 0x1F606 or 0x1F605 or 0x1F601 => EmojiCues.Laughing,
        0x1F643 or 0x1F60F or 0x1F612 => EmojiCues.UpsideDown,
        0x1F595 => EmojiCues.Middlefinger,
        0x1F52A or 0x1F52B or 0x1F44A => EmojiCues.Weapon,
        0x1F64F => EmojiCues.Pray,
        >= 0x1F493 and <= 0x1F49F => EmojiCues.Heart,
        0x1F970 or 0x1F60D or 0x1F917 => EmojiCues.Heart,
        _ => EmojiCues.None,
    };
}
