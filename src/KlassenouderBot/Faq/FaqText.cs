using System.Globalization;
using System.Text;

namespace KlassenouderBot.Faq;

/// <summary>
/// Turns a question or a passage into the words the FAQ index compares: lower case without accents, split
/// on anything that is not a letter or digit, without the small words every question has ("de", "hoe",
/// "the"), synonyms brought to one form ("afmelden" and "ziek melden" become "ziekmelden"), and each word
/// stemmed (Dutch Porter) so "vakanties" meets "vakantie".
/// </summary>
internal static class FaqText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // Dutch function words (after the Snowball list) and chat filler.
        "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is", "was", "op", "aan",
        "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of", "wat", "mijn", "men", "dit", "zo",
        "door", "over", "ze", "zich", "bij", "ook", "tot", "je", "jij", "mij", "uit", "der", "daar", "haar", "naar", "heb",
        "hoe", "heeft", "hebben", "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "omdat", "iets",
        "worden", "toch", "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben", "kan", "hun", "dus", "alles",
        "onder", "ja", "eens", "hier", "wie", "werd", "doch", "wordt", "kunnen", "ons", "onze", "zelf", "na",
        "wil", "kon", "uw", "iemand", "weet", "weten", "jullie", "we", "wij", "welke", "welk", "waar", "wanneer",
        "hoelang", "even", "ff", "eigenlijk", "hoi", "hallo", "hey", "hee", "doei", "groetjes", "dank", "bedankt", "alvast",
        "iedereen", "allemaal", "precies", "gewoon", "misschien", "graag", "zit", "zitten", "gaat", "gaan", "mag",
        "mogen", "moeten", "kun", "kunt", "jou", "dr", "t", "m", "s", "d", "n", "wel", "geen", "nou", "zeg",
        "weer", "vraag", "vraagje", "iemands", "snel", "klopt", "niks", "niets", "nee", "oke", "ok", "oh", "ah", "haha",
        "echt", "heel", "erg", "best", "toe", "trouwens", "btw", "aub", "svp", "thx",

        // English function words (those Dutch already has, such as "is" and "we", are listed once, above).
        "the", "a", "an", "and", "or", "are", "were", "be", "been", "do", "does", "did", "i", "my", "our", "us", "you", "your", "to", "on", "at", "for", "with", "from", "by", "about", "what",
        "when", "how", "where", "who", "which", "can", "could", "should", "would", "will", "there", "it", "its", "this",
        "that", "these", "those", "if", "so", "any", "anyone", "know", "hi", "hello", "please", "thanks", "have",
        "has", "get", "just", "still", "really", "one", "he", "she", "they", "them", "their", "his", "her", "as",
        "need", "needs", "wants", "some", "all", "anything", "something", "then", "than", "also", "too", "very",
    };

    /// <summary>
    /// Built-in synonym groups: the list below, then the wider parents' vocabulary of Faq/dutch-synonyms.tsv (one
    /// group per line, tab-separated). A school adds its own in the YAML (<c>synonyms:</c>). The first form is
    /// canonical, and the first group that names a form keeps it.
    /// </summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> BuiltInSynonyms = [.. CoreSynonyms(), .. EmbeddedTable.Lines("Faq.dutch-synonyms.tsv").Select(line => line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    private static IReadOnlyList<IReadOnlyList<string>> CoreSynonyms() =>
    [
        ["ziekmelden", "ziek melden", "afmelden", "af melden", "ziekmelding", "absent melden", "report sick", "call in sick", "sick"],
        ["gym", "gymles", "gymmen", "bewegingsonderwijs", "sportles", "pe", "physical education"],
        ["gymkleding", "gymspullen", "gymtas", "gym kleren", "gymkleren", "sportkleding", "pe kit", "gym kit"],
        ["ouderbijdrage", "ouder bijdrage", "vrijwillige bijdrage", "schoolgeld", "parent contribution", "contribution"],
        ["overblijven", "tso", "tussenschoolse opvang", "overblijf", "lunch", "lunchtime"],
        ["buitenschoolse opvang", "bso", "naschoolse opvang", "voorschoolse opvang", "after school care", "childcare"],
        ["vakantie", "vakanties", "holiday", "holidays", "break"],
        ["herfstvakantie", "autumn break", "autumn holiday", "half term", "half-term", "fall break"],
        ["kerstvakantie", "christmas break", "christmas holiday", "christmas holidays", "kerst"],
        ["voorjaarsvakantie", "spring break", "carnaval", "krokusvakantie"],
        ["zomervakantie", "summer holiday", "summer holidays", "summer break"],
        ["meivakantie", "may holiday", "may break"],
        ["luizen", "luis", "hoofdluis", "neten", "lice", "head lice", "nits"],
        ["luizencontrole", "luizen controle", "luizenpluis", "lice check"],
        ["leerkracht", "juf", "juffrouw", "meester", "leraar", "lerares", "docent", "teacher"],
        ["klassenouder", "klasse ouder", "class parent", "class rep"],
        ["verlof", "vrij vragen", "vrij krijgen", "vrij nemen", "vrijaf", "extra vrij", "leave", "time off", "day off", "days off"],
        ["pasen", "paasdag", "paasmaandag", "tweede paasdag", "goede vrijdag", "easter", "easter monday", "good friday"],
        ["hemelvaart", "hemelvaartsdag", "ascension", "ascension day"],
        ["pinksteren", "pinksterdag", "tweede pinksterdag", "pinkstermaandag", "whitsun", "whit monday", "pentecost"],
        ["traktatie", "trakteren", "traktaties", "treat", "treats", "birthday treat"],
        ["schooltijden", "schooltijd", "school hours", "school times"],
        ["hoelaat", "hoe laat", "what time", "tijdstip", "om hoe laat"],
        ["rapport", "rapporten", "report", "school report"],
        ["schooladvies", "advies", "school advice", "secondary school advice"],
        ["oudergesprek", "oudergesprekken", "tien minuten gesprek", "10 minutengesprek", "10-minutengesprek", "parent evening", "parent meeting", "parents evening"],
        ["foto", "fotos", "foto's", "photo", "photos", "pictures", "picture"],
        ["klacht", "klachten", "complaint", "complain"],
        ["telefoon", "mobiel", "mobieltje", "gsm", "phone", "mobile", "smartphone"],
        ["fiets", "fietsen", "bike", "bicycle", "cycle"],
        ["parkeren", "parkeer", "parking", "park"],
        ["pesten", "gepest", "pest", "bullying", "bullied", "bully"],
        ["schoolreis", "schoolreisje", "school trip", "trip", "excursion"],
        ["schoolkamp", "kamp", "school camp", "camp"],
        ["betalen", "pay", "paying", "payment", "betaling", "kosten", "cost", "costs"],
        ["begint", "start", "starts", "begin", "begins"],
        ["eindigt", "uit", "ends", "finish", "finishes", "out"],
        ["maandag", "monday"], ["dinsdag", "tuesday"], ["woensdag", "wednesday"], ["donderdag", "thursday"], ["vrijdag", "friday"],
        ["kind", "kinderen", "kindje", "child", "children", "kid", "kids", "zoon", "dochter", "son", "daughter"],
        ["ouderraad", "parent council", "parents council", "or"],
        ["medezeggenschapsraad", "mr", "participation council"],
        ["intern begeleider", "ib", "ib'er", "ibber", "care coordinator", "special needs coordinator"],
        ["studiedag", "studiedagen", "studie dag", "teacher training day", "teacher training days", "inset day", "inset days", "study day", "study days"],
        ["te laat", "laat komen", "late"],
        ["medicijnen", "medicijn", "medicine", "medication", "pillen"],
        ["eten", "drinken", "food", "drink", "snack", "fruit"],
        ["sluiting", "gesloten", "dicht", "closed", "closure", "schoolsluiting"],

        // English questions meet a Dutch guide through these.
        ["zwemmen", "zwemles", "zwemlessen", "schoolzwemmen", "swimming", "swim", "swimming lessons", "swimming lesson"],
        ["schoolarts", "jeugdarts", "school doctor", "school nurse"],
        ["vaccinatie", "vaccinaties", "inenting", "inentingen", "prik", "vaccination", "vaccinations", "jab", "jabs", "immunisation"],
        ["inloggen", "log in", "login", "sign in"],
        ["wachtwoord", "password"],
        ["concierge", "caretaker", "janitor"],
        ["directeur", "directrice", "head teacher", "headteacher", "principal", "headmaster", "headmistress"],
        ["toets", "toetsen", "test", "tests", "exam", "exams"],
        ["huiswerk", "homework"],
        ["schoolplein", "plein", "speelplein", "playground", "schoolyard"],
        ["aanmelden", "inschrijven", "enrol", "enroll", "register", "registration"],
        ["wennen", "wendagen", "settle in", "settling in", "trial days"],
        ["avg", "gdpr", "privacywet"],
        ["gescheiden", "divorced", "separated", "co ouders"],
        ["vertrouwenspersoon", "confidential adviser", "confidential advisor", "counsellor", "counselor"],
        ["klachtencommissie", "complaints committee"],
        ["sponsoring", "sponsor", "sponsors", "sponsorship", "sponsoren"],
        ["douchen", "shower", "showers", "showering"],
        ["omkleden", "changing", "change clothes", "kleedkamer", "changing room"],
        ["vog", "verklaring omtrent het gedrag", "certificate of conduct"],
        ["ouderportaal", "parent portal", "parents portal", "app van school"],
        ["plusgroep", "plusklas", "meer uitdaging", "gifted", "extra challenge"],
    ];

    /// <summary>Lower case, accents removed, everything but letters and digits a space.</summary>
    public static string Normalize(string text)
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

        return builder.ToString();
    }

    /// <summary>The words of normalised text.</summary>
    public static string[] Words(string normalized) => normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>True for a word of digits only ("2026", "8"): never stemmed, corrected or joined.</summary>
    public static bool IsNumber(string word) => !word.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>True when the question reads as English rather than Dutch.</summary>
    public static bool LooksEnglish(string text)
    {
        var words = Words(Normalize(text));
        var english = words.Count(w => EnglishMarkers.Contains(w));
        var dutch = words.Count(w => DutchMarkers.Contains(w));
        return english > dutch;
    }

    private static readonly HashSet<string> EnglishMarkers = new(StringComparer.Ordinal)
    {
        "the", "what", "when", "how", "where", "is", "are", "does", "do", "my", "can", "should", "time", "child", "kids",
        "school", "which", "who", "there", "have", "has", "will", "to", "of", "for", "on", "at", "and", "i", "we", "you",
    };

    private static readonly HashSet<string> DutchMarkers = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "wat", "wanneer", "hoe", "waar", "is", "mijn", "kan", "moet", "mag", "kind", "tijd", "welke",
        "wie", "er", "op", "van", "en", "ik", "we", "je", "voor", "naar", "met", "ook", "niet", "zijn", "hebben", "heeft",
    };
}
