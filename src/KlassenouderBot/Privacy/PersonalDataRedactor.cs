using System.Text;
using System.Text.RegularExpressions;
using KlassenouderBot.Faq;
using KlassenouderBot.Moderation;
using KlassenouderBot.School;

namespace KlassenouderBot.Privacy;

/// <summary>
/// Takes out what identifies a person before a message leaves the school's machine: the names the school
/// configuration knows (children, parents, staff), the parents taking part in the chat, e-mail addresses and
/// phone numbers, and any capitalised word inside a sentence that is no Dutch word, which in a parents' chat
/// is nearly always a name ("met Daan gespeeld"). What is replaced keeps its place, so the sentence still reads.
/// </summary>
public sealed partial class PersonalDataRedactor
{
    public const string Name = "[naam]";
    public const string Email = "[e-mail]";
    public const string Phone = "[telefoon]";

    private readonly HashSet<string> _names;

    public PersonalDataRedactor(IEnumerable<string> names)
    {
        _names = new HashSet<string>(names.SelectMany(NameParts), StringComparer.Ordinal);
    }

    /// <summary>Every name in the school file: staff, teachers, class parents, alert recipients and listed children.</summary>
    public static PersonalDataRedactor For(SchoolConfiguration school) => new(
        school.Staff.Select(s => s.Name)
            .Concat(school.Classes.SelectMany(c => c.Teachers.Select(t => t.Name)))
            .Concat(school.Classes.Select(c => c.ClassParent?.Name).OfType<string>())
            .Concat(school.Classes.SelectMany(c => c.AlertRecipients.Select(r => r.Name)))
            .Concat(school.Classes.SelectMany(c => c.Children))
            .Concat(school.Escalation.Director is { } director ? [director.Name] : []));

    /// <summary>A redactor that follows the school: rebuilt when the school's names change, shared until then.</summary>
    public static Func<PersonalDataRedactor> Following(SchoolSource school)
    {
        Tuple<SchoolConfiguration, PersonalDataRedactor>? cached = null;
        return () =>
        {
            var current = school.Current;
            var hit = Volatile.Read(ref cached);
            if (hit is not null && ReferenceEquals(hit.Item1, current))
            {
                return hit.Item2;
            }

            var built = For(current);
            Volatile.Write(ref cached, Tuple.Create(current, built));
            return built;
        };
    }

    public string Redact(string text, AnalysisContext context)
    {
        var redacted = EmailAddress().Replace(text, Email);
        redacted = PhoneNumber().Replace(redacted, Phone);
        var result = new StringBuilder(redacted.Length);
        var sentenceStart = true;
        var last = 0;
        foreach (Match word in Word().Matches(redacted))
        {
            result.Append(redacted, last, word.Index - last);
            var between = redacted.AsSpan(last, word.Index - last);
            sentenceStart |= between.IndexOfAny(".!?\n") >= 0;
            result.Append(IsName(word.Value, sentenceStart, context) ? Name : word.Value);
            last = word.Index + word.Length;
            sentenceStart = false;
        }

        result.Append(redacted, last, redacted.Length - last);
        return result.ToString();
    }

    private bool IsName(string word, bool sentenceStart, AnalysisContext context)
    {
        var normalized = FaqText.Normalize(word);
        if (_names.Contains(normalized) || context.ParentNames.Contains(normalized) || context.StaffNames.Contains(normalized))
        {
            return !IsTitle(normalized);
        }

        // Inside a sentence a capital letter marks a name; at its start every word has one.
        return !sentenceStart && char.IsUpper(word[0]) && word.Length > 1 && !DutchVocabulary.Contains(normalized) && !IsTitle(normalized) && !Acronym(word);
    }

    /// <summary>"juf Sanne de Vries" is known by "sanne" and "vries"; the title and particles stay.</summary>
    private static IEnumerable<string> NameParts(string name) =>
        FaqText.Words(FaqText.Normalize(name)).Where(part => part.Length > 1 && !IsTitle(part) && !Particles.Contains(part));

    private static bool IsTitle(string normalized) => Titles.Contains(normalized);

    /// <summary>"AVG", "BSO", "MR": capitals throughout are an abbreviation, not a name.</summary>
    private static bool Acronym(string word) => word.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "juf", "juffrouw", "meester", "mevrouw", "meneer", "mr", "mevr", "dhr" };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "de", "van", "der", "den", "het", "ten", "ter", "el", "al", "la", "le", "von", "vd" };

    [GeneratedRegex(@"[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[\p{L}]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // Dutch numbers as parents type them: 06-12345678, 06 1234 5678, +31 6 12345678, 0599-123456.
    [GeneratedRegex(@"(?<![\p{L}0-9])(?:(?:\+31|0031)[\s-]?(?:\(0\))?|0)[1-9](?:[\s-]?[0-9]){7,8}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
