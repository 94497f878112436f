using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Xml;

namespace KlassenouderBot.Moderation.Analysis;

/// <summary>
/// The word lists behind the local analyser, read once from embedded resources: our own tone lexicon
/// (Lexicon/tone-nl-en.txt), a first-name list, and the CLiPS Dutch adjective polarity lexicon (PDDL).
/// </summary>
internal sealed class ToneLexicon
{
    private static readonly Lazy<ToneLexicon> Shared = new(Load);

    private readonly FrozenDictionary<string, WordInfo> _words;
    private readonly FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _spans;

    private ToneLexicon(Dictionary<string, WordInfo> words, string[] cursePrefixes)
    {
        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
        _spans = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        CursePrefixes = cursePrefixes;
        foreach (var group in cursePrefixes.GroupBy(p => p[0]))
        {
            _prefixesByFirstLetter[group.Key] = [.. group];
        }
    }

    public static ToneLexicon Default => Shared.Value;

    /// <summary>Curse prefixes, longest first, for splitting compounds such as "kutschool".</summary>
    public IReadOnlyList<string> CursePrefixes { get; }

    private readonly Dictionary<char, string[]> _prefixesByFirstLetter = [];

    /// <summary>The curse prefixes a word could start with, longest first; most words have few or none.</summary>
    public IReadOnlyList<string> CursePrefixesStartingWith(char first) =>
        _prefixesByFirstLetter.TryGetValue(first, out var prefixes) ? prefixes : [];

    public WordInfo? Find(string word) => _words.GetValueOrDefault(word);

    public WordInfo? Find(ReadOnlySpan<char> word) => _spans.TryGetValue(word, out var info) ? info : null;

    private static ToneLexicon Load()
    {
        var words = new Dictionary<string, WordInfo>(StringComparer.Ordinal);
        WordInfo Entry(string word)
        {
            if (!words.TryGetValue(word, out var info))
            {
                info = new WordInfo();
                words[word] = info;
            }

            return info;
        }

        var assembly = typeof(ToneLexicon).Assembly;
        ReadToneLexicon(ReadResource(assembly, "tone-nl-en.txt"), Entry);
        foreach (var name in ReadResource(assembly, "first-names.txt").Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!name.StartsWith('#'))
            {
                Entry(Normalize(name)).FirstName = true;
            }
        }

        ReadPolarity(assembly, Entry);
        foreach (var word in DutchFunctionWords)
        {
            Entry(word).DutchFunctionWord = true;
        }

        foreach (var word in EnglishFunctionWords)
        {
            Entry(word).EnglishFunctionWord = true;
        }

        var prefixes = words.Where(w => w.Value.CursePrefix > 0).Select(w => w.Key).OrderByDescending(p => p.Length).ToArray();
        return new ToneLexicon(words, prefixes);
    }

    private static void ReadToneLexicon(string text, Func<string, WordInfo> entry)
    {
        var section = "";
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var word = Normalize(parts[0]);
            var weight = parts.Length > 1 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : 1.0;
            var info = entry(word);
            switch (section)
            {
                case "insult": info.Insult = weight; break;
                case "insult_mild": info.MildInsult = weight; break;
                case "animal": info.Animal = true; break;
                case "curse_prefix": info.CursePrefix = weight; break;
                case "curse_word": info.CurseWord = weight; break;
                case "curse_abbrev": info.CurseWord = Math.Max(info.CurseWord, weight); break;
                case "slur": info.Slur = weight; break;
                case "medical_tail": info.MedicalTail = true; break;
                case "harmless_head": info.HarmlessHead = true; break;
                case "person_target": info.Target = ParseTarget(parts.Length > 1 ? parts[1] : "school"); break;
                default: throw new InvalidOperationException($"Unknown lexicon section [{section}]");
            }
        }
    }

    private static TargetKind ParseTarget(string kind) => kind switch
    {
        "teacher" => TargetKind.Teacher,
        "staff" => TargetKind.Staff,
        "school" => TargetKind.School,
        "parents" => TargetKind.Parents,
        "parent" => TargetKind.Parent,
        "child" => TargetKind.Child,
        _ => throw new InvalidOperationException($"Unknown target kind '{kind}'"),
    };

    private static void ReadPolarity(Assembly assembly, Func<string, WordInfo> entry)
    {
        using var stream = OpenResource(assembly, "nl-sentiment.xml");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true });
        var sums = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Name != "word")
            {
                continue;
            }

            var form = reader.GetAttribute("form");
            var polarity = reader.GetAttribute("polarity");
            if (form is null || polarity is null || form.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            var value = double.Parse(polarity, CultureInfo.InvariantCulture);
            var key = Normalize(form);
            sums[key] = sums.TryGetValue(key, out var s) ? (s.Sum + value, s.Count + 1) : (value, 1);
        }

        foreach (var (word, (sum, count)) in sums)
        {
            entry(word).Polarity = sum / count;
        }
    }

    private static string Normalize(string word) => TextNormalizer.NormalizeWord(word).Normal;

    private static string ReadResource(Assembly assembly, string fileName)
    {
        using var stream = OpenResource(assembly, fileName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Stream OpenResource(Assembly assembly, string fileName)
    {
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(name)!;
    }

    private static readonly string[] DutchFunctionWords =
    [
        "de", "het", "een", "en", "van", "ik", "je", "jij", "we", "wij", "ze", "zij", "hij", "is", "zijn", "niet", "dat", "die", "dit",
        "op", "te", "met", "voor", "maar", "ook", "nog", "wel", "geen", "als", "er", "naar", "heb", "heeft", "hebben", "kan", "weet",
        "iemand", "jullie", "mijn", "onze", "ons", "wat", "hoe", "waarom", "wie", "echt", "gewoon", "zo", "dan", "bij", "om", "uit",
        "hier", "nu", "al", "toch", "even", "ff", "morgen", "vandaag", "school", "juf", "meester", "groep", "gaat", "kunnen", "moet",
        "vind", "snap", "weer", "mag", "zegt", "hoor", "nee", "ja", "goed", "heel", "gaan", "kwam", "laten", "zou", "klopt",
    ];

    private static readonly string[] EnglishFunctionWords =
    [
        "the", "a", "an", "and", "of", "i", "you", "we", "they", "he", "she", "is", "are", "was", "not", "that", "this", "to", "with",
        "for", "but", "also", "if", "there", "have", "has", "can", "know", "anyone", "my", "our", "what", "how", "why", "who", "really",
        "just", "so", "then", "at", "from", "here", "now", "all", "does", "do", "did", "it", "it's", "i'm", "im", "your", "be", "on",
        "in", "school", "teacher", "teachers", "class", "thanks", "thank", "please", "would", "should", "could", "will", "about", "me",
        "no", "yes", "bit", "lot", "very", "honestly", "sorry", "don't", "dont", "wanted", "say", "amazing", "did",
    ];
}
