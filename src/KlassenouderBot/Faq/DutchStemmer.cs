using System.Text;

namespace KlassenouderBot.Faq;

/// <summary>
/// Martin Porter's Dutch stemmer as Snowball defines it (<c>dutch_porter</c>; Snowball 3 renamed it when it
/// made Kraaij-Pohlmann the default <c>dutch</c>). Chosen for a school FAQ because it is fully specified,
/// conservative (it leaves "ge-" and diminutives alone, which keep their meaning apart) and checked here
/// against Snowball's own 45,670-word vocabulary. Written from the published algorithm; input is one
/// lower-case word.
/// </summary>
/// <remarks>
/// Outline: fold accents and mark consonantal i/y; find R1 and R2; remove -heden/-en(e)/-s(e), a final -e,
/// -heid, then one of -end/-ing/-ig/-lijk/-baar/-bar; finally undouble a vowel (maan → man).
/// </remarks>
public static class DutchStemmer
{
    public static string Stem(string word)
    {
        if (word.Length == 0)
        {
            return word;
        }

        var s = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            s.Append(FoldAccent(c));
        }

        MarkConsonants(s);
        var (p1, p2) = Regions(s);
        var eFound = false;

        // Step 1: the longest of -heden, -en, -ene, -s, -se; only that one is tried.
        if (EndsWith(s, "heden"))
        {
            if (s.Length - 5 >= p1)
            {
                s.Length -= 5;
                s.Append("heid");
            }
        }
        else if (EndsWith(s, "ene"))
        {
            EnEnding(s, 3, p1);
        }
        else if (EndsWith(s, "en"))
        {
            EnEnding(s, 2, p1);
        }
        else if (EndsWith(s, "se"))
        {
            SEnding(s, 2, p1);
        }
        else if (EndsWith(s, "s"))
        {
            SEnding(s, 1, p1);
        }

        // Step 2: a final -e after a consonant.
        eFound = EEnding(s, p1);

        // Step 3a: -heid (not after c), then an -en before it as in step 1.
        if (EndsWith(s, "heid") && s.Length - 4 >= p2 && !CharBefore(s, 4, 'c'))
        {
            s.Length -= 4;
            if (EndsWith(s, "en"))
            {
                EnEnding(s, 2, p1);
            }
        }

        // Step 3b: the longest of -end, -ing, -ig, -lijk, -baar, -bar.
        if (EndsWith(s, "end") || EndsWith(s, "ing"))
        {
            if (s.Length - 3 >= p2)
            {
                s.Length -= 3;
                if (EndsWith(s, "ig") && s.Length - 2 >= p2 && !CharBefore(s, 2, 'e'))
                {
                    s.Length -= 2;
                }
                else
                {
                    Undouble(s);
                }
            }
        }
        else if (EndsWith(s, "lijk"))
        {
            if (s.Length - 4 >= p2)
            {
                s.Length -= 4;
                EEnding(s, p1);
            }
        }
        else if (EndsWith(s, "baar"))
        {
            if (s.Length - 4 >= p2)
            {
                s.Length -= 4;
            }
        }
        else if (EndsWith(s, "bar"))
        {
            if (s.Length - 3 >= p2 && eFound)
            {
                s.Length -= 3;
            }
        }
        else if (EndsWith(s, "ig"))
        {
            if (s.Length - 2 >= p2 && !CharBefore(s, 2, 'e'))
            {
                s.Length -= 2;
            }
        }

        // Step 4: consonant, double vowel, consonant (not I) at the end → one vowel fewer.
        UndoubleVowel(s);

        for (var i = 0; i < s.Length; i++)
        {
            s[i] = s[i] switch
            {
                'I' => 'i',
                'Y' => 'y',
                var c => c,
            };
        }

        return s.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'è';

    private static char FoldAccent(char c) => c switch
    {
        'ä' or 'á' => 'a',
        'ë' or 'é' => 'e',
        'ï' or 'í' => 'i',
        'ö' or 'ó' => 'o',
        'ü' or 'ú' => 'u',
        _ => c,
    };

    /// <summary>
    /// A word-initial y, a y after a vowel and an i between vowels are consonants: they become Y and I
    /// (not vowels) until the end.
    /// </summary>
    private static void MarkConsonants(StringBuilder s)
    {
        if (s[0] == 'y')
        {
            s[0] = 'Y';
        }

        var position = 0;
        while (true)
        {
            var vowel = IndexOfVowel(s, position);
            if (vowel < 0)
            {
                return;
            }

            position = vowel + 1;
            if (position >= s.Length)
            {
                return;
            }

            if (s[position] == 'i')
            {
                if (position + 1 < s.Length && IsVowel(s[position + 1]))
                {
                    s[position] = 'I';
                }

                position++;
            }
            else if (s[position] == 'y')
            {
                s[position] = 'Y';
                position++;
            }
        }
    }

    /// <summary>
    /// R1 starts after the first consonant that follows a vowel, but leaves at least three letters before
    /// it; R2 is found the same way after R1's (unadjusted) start. Words under three letters have neither.
    /// </summary>
    private static (int P1, int P2) Regions(StringBuilder s)
    {
        var limit = s.Length;
        if (limit < 3)
        {
            return (limit, limit);
        }

        var first = AfterVowelThenConsonant(s, 0);
        if (first < 0)
        {
            return (limit, limit);
        }

        var second = AfterVowelThenConsonant(s, first);
        return (Math.Max(first, 3), second < 0 ? limit : second);
    }

    /// <summary>The position just past the first non-vowel that follows a vowel, from <paramref name="start"/>; -1 when there is none.</summary>
    private static int AfterVowelThenConsonant(StringBuilder s, int start)
    {
        var vowel = IndexOfVowel(s, start);
        if (vowel < 0)
        {
            return -1;
        }

        for (var i = vowel + 1; i < s.Length; i++)
        {
            if (!IsVowel(s[i]))
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static int IndexOfVowel(StringBuilder s, int start)
    {
        for (var i = start; i < s.Length; i++)
        {
            if (IsVowel(s[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>-en/-ene: removed in R1 after a consonant, but not after "gem"; then undouble.</summary>
    private static void EnEnding(StringBuilder s, int suffixLength, int p1)
    {
        var start = s.Length - suffixLength;
        if (start < p1 || start == 0 || IsVowel(s[start - 1]) || EndsWithAt(s, start, "gem"))
        {
            return;
        }

        s.Length = start;
        Undouble(s);
    }

    /// <summary>-s/-se: removed in R1 after a consonant other than j.</summary>
    private static void SEnding(StringBuilder s, int suffixLength, int p1)
    {
        var start = s.Length - suffixLength;
        if (start < p1 || start == 0 || IsVowel(s[start - 1]) || s[start - 1] == 'j')
        {
            return;
        }

        s.Length = start;
    }

    /// <summary>A final -e in R1 after a consonant is removed (then undouble); true when it was.</summary>
    private static bool EEnding(StringBuilder s, int p1)
    {
        var start = s.Length - 1;
        if (start < 1 || s[start] != 'e' || start < p1 || IsVowel(s[start - 1]))
        {
            return false;
        }

        s.Length = start;
        Undouble(s);
        return true;
    }

    /// <summary>-kk, -dd, -tt lose their last letter.</summary>
    private static void Undouble(StringBuilder s)
    {
        if (EndsWith(s, "kk") || EndsWith(s, "dd") || EndsWith(s, "tt"))
        {
            s.Length--;
        }
    }

    private static void UndoubleVowel(StringBuilder s)
    {
        var n = s.Length;
        if (n < 4 || IsVowel(s[n - 1]) || s[n - 1] == 'I' || IsVowel(s[n - 4]))
        {
            return;
        }

        var a = s[n - 3];
        if (a == s[n - 2] && a is 'a' or 'e' or 'o' or 'u')
        {
            s.Remove(n - 2, 1);
        }
    }

    private static bool CharBefore(StringBuilder s, int suffixLength, char c)
    {
        var index = s.Length - suffixLength - 1;
        return index >= 0 && s[index] == c;
    }

    private static bool EndsWith(StringBuilder s, string suffix) => EndsWithAt(s, s.Length, suffix);

    private static bool EndsWithAt(StringBuilder s, int end, string suffix)
    {
        if (end < suffix.Length)
        {
            return false;
        }

        for (var i = 0; i < suffix.Length; i++)
        {
            if (s[end - suffix.Length + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }
}
