using System.Numerics;

namespace KlassenouderBot.Faq;

/// <summary>
/// The words a misspelling may stand for, found by leaving letters out on both sides (symmetric delete): a
/// word is stored under each of its forms with up to one letter left out (two for words of eight letters or
/// more), and a question's word looks up its own such forms. The built-in word lists have one index shared by
/// every school, so a school's index holds only the words of its own texts.
/// </summary>
/// <remarks>
/// Stored compactly: each form as a 64-bit hash in one array, pointing at a run of word numbers. A
/// dictionary of lists kept about 16 MB for the built-in lists and a sample school (a string and a list per
/// form); this keeps about 3 MB. Two forms with the same hash only add a candidate, and every candidate is
/// checked by edit distance anyway.
/// </remarks>
internal sealed class SpellingIndex
{
    /// <summary>Words shorter than this are not corrected: "niks" is one letter from "nits".</summary>
    public const int MinCorrectedLength = 5;

    private readonly string[] _words;

    /// <summary>The forms' hashes, distinct.</summary>
    private readonly ulong[] _forms;

    /// <summary>Form <c>i</c>'s words are <c>_wordNumbers[_firstWord[i].._firstWord[i + 1]]</c>, in the order they were given.</summary>
    private readonly int[] _firstWord;

    private readonly int[] _wordNumbers;

    /// <summary>Open addressing over <see cref="_forms"/>: a form's number plus one, or 0 for an empty slot. A lookup is one or two probes.</summary>
    private readonly int[] _slots;

    public SpellingIndex(IEnumerable<string> words)
    {
        // A four-letter word is one insertion from a five-letter misspelling.
        _words = [.. words.Distinct(StringComparer.Ordinal).Where(word => word.Length >= MinCorrectedLength - 1 && !FaqText.IsNumber(word))];
        var pairs = new List<(ulong Form, int Word)>();
        for (var number = 0; number < _words.Length; number++)
        {
            foreach (var form in Forms(_words[number], MaxEdits(_words[number].Length)))
            {
                pairs.Add((form, number));
            }
        }

        // By form, then by word number: the words of one form keep the order they were given in.
        pairs.Sort();
        var forms = new List<ulong>();
        var firstWord = new List<int>();
        _wordNumbers = new int[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i == 0 || pairs[i].Form != pairs[i - 1].Form)
            {
                forms.Add(pairs[i].Form);
                firstWord.Add(i);
            }

            _wordNumbers[i] = pairs[i].Word;
        }

        firstWord.Add(pairs.Count);
        _forms = [.. forms];
        _firstWord = [.. firstWord];
        _slots = new int[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)_forms.Length * 2))];
        for (var form = 0; form < _forms.Length; form++)
        {
            var slot = FirstSlot(_forms[form]);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }

            _slots[slot] = form + 1;
        }
    }

    /// <summary>How many edits a word of this length may be away from the word it stands for.</summary>
    public static int MaxEdits(int length) => length >= 8 ? 2 : 1;

    /// <summary>
    /// The forms of a word: it and the words it becomes with up to <paramref name="edits"/> letters left out, as
    /// the hashes an index looks up. Computed once per misspelling for both indexes it is looked up in.
    /// </summary>
    public static ulong[] Forms(string word, int edits) => [.. Deletes(word, edits).Select(Hash)];

    /// <summary>The stored words sharing one of <paramref name="forms"/> (a misspelling's <see cref="Forms"/>); possibly further than the edit limit.</summary>
    public IEnumerable<string> Candidates(IReadOnlyList<ulong> forms)
    {
        foreach (var hash in forms)
        {
            var form = Find(hash);
            if (form < 0)
            {
                continue;
            }

            for (var i = _firstWord[form]; i < _firstWord[form + 1]; i++)
            {
                yield return _words[_wordNumbers[i]];
            }
        }
    }

    private int Find(ulong hash)
    {
        for (var slot = FirstSlot(hash); _slots[slot] != 0; slot = (slot + 1) & (_slots.Length - 1))
        {
            if (_forms[_slots[slot] - 1] == hash)
            {
                return _slots[slot] - 1;
            }
        }

        return -1;
    }

    private int FirstSlot(ulong hash) => (int)(hash ^ (hash >> 32)) & (_slots.Length - 1);

    /// <summary>FNV-1a over the characters, 64 bits: stable across runs, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var character in text)
        {
            hash = (hash ^ character) * 1099511628211UL;
        }

        return hash;
    }

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
}
