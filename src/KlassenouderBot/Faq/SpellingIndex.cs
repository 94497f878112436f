namespace KlassenouderBot.Faq;

/// <summary>
/// The words a misspelling may stand for, found by leaving letters out on both sides (symmetric delete): a
/// word is stored under each of its forms with up to one letter left out (two for words of eight letters or
/// more), and a question's word looks up its own such forms. The built-in word lists have one index shared by
/// every school, so a school's index holds only the words of its own texts.
/// </summary>
internal sealed class SpellingIndex
{
    /// <summary>Words shorter than this are not corrected: "niks" is one letter from "nits".</summary>
    public const int MinCorrectedLength = 5;

    private readonly Dictionary<string, List<string>> _byDeletion = new(StringComparer.Ordinal);

    public SpellingIndex(IEnumerable<string> words)
    {
        foreach (var word in words.Distinct(StringComparer.Ordinal))
        {
            // A four-letter word is one insertion from a five-letter misspelling.
            if (word.Length < MinCorrectedLength - 1 || FaqText.IsNumber(word))
            {
                continue;
            }

            foreach (var variant in Deletes(word, MaxEdits(word.Length)))
            {
                if (!_byDeletion.TryGetValue(variant, out var stored))
                {
                    stored = [];
                    _byDeletion[variant] = stored;
                }

                stored.Add(word);
            }
        }
    }

    /// <summary>How many edits a word of this length may be away from the word it stands for.</summary>
    public static int MaxEdits(int length) => length >= 8 ? 2 : 1;

    /// <summary>The stored words sharing one of <paramref name="variants"/> (a misspelling's <see cref="Deletes"/>); possibly further than the edit limit.</summary>
    public IEnumerable<string> Candidates(IEnumerable<string> variants)
    {
        foreach (var variant in variants)
        {
            if (_byDeletion.TryGetValue(variant, out var stored))
            {
                foreach (var word in stored)
                {
                    yield return word;
                }
            }
        }
    }

    /// <summary>The word with up to <paramref name="edits"/> letters left out (the word itself included).</summary>
    public static HashSet<string> Deletes(string word, int edits)
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
}
