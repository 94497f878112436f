using System.Text.RegularExpressions;

namespace KlassenouderBot.Faq;

/// <summary>
/// What kind of fact a question asks for, and whether a candidate answer contains one: a question about a
/// price needs an amount, "hoe laat" a time, a question naming a year that year, a question about a named
/// person, school or club a text that knows the name. A candidate without it is not the answer, however many
/// words it shares: the bot would otherwise answer "wanneer is de herfstvakantie in 2030?" with this year's dates.
/// </summary>
/// <param name="Unanswerable">The question asks for an opinion, or (in Dutch) names something no school text knows.</param>
/// <param name="NeedsAmount">It asks what something costs.</param>
/// <param name="NeedsTime">It asks "hoe laat".</param>
/// <param name="NeedsWhen">It asks "wanneer": the answer must say when (a date, day, month, time or period).</param>
/// <param name="Years">Years it names, which the answer must name too.</param>
internal sealed partial record AnswerTypeCheck(bool Unanswerable, bool NeedsAmount, bool NeedsTime, bool NeedsWhen, IReadOnlyList<string> Years)
{
    /// <summary>Reads what a question asks for, once per question.</summary>
    public static AnswerTypeCheck For(string question, bool english, Func<string, bool> isKnownWord) => new(
        // What parents think of something is for the parents; no school text answers it. English capitalises
        // days and holidays ("Whit Monday"), so unknown names are only a signal in Dutch.
        AsksForOpinion().IsMatch(question) || (!english && NamesSomethingUnknown(question, isKnownWord)),
        AsksForAmount().IsMatch(question),
        AsksForTime().IsMatch(question),
        AsksWhen().IsMatch(question),
        [.. Year().Matches(question).Select(m => m.Value)]);

    /// <summary>True when <paramref name="answer"/> holds the kind of fact the question asks for.</summary>
    public bool Fits(string answer) =>
        !Unanswerable
        && (!NeedsAmount || Amount().IsMatch(answer))
        && (!NeedsTime || ClockTime().IsMatch(answer))
        && (!NeedsWhen || ClockTime().IsMatch(answer) || Moment().IsMatch(answer))
        && Years.All(year => answer.Contains(year, StringComparison.Ordinal));

    /// <summary>A capitalised word inside the question (not its first word) that none of the school's texts contain: a name the bot knows nothing about.</summary>
    private static bool NamesSomethingUnknown(string question, Func<string, bool> isKnownWord)
    {
        foreach (Match name in CapitalisedWord().Matches(question))
        {
            // An abbreviation ("VOG", "BSO") is usually a known term in short, not a name.
            if (name.Index == 0 || IsSentenceStart(question, name.Index) || name.Value.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            {
                continue;
            }

            var word = FaqText.Normalize(name.Value).Trim();
            if (word.Length >= 3 && !isKnownWord(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        // After a comma too: "Goedemorgen, Sem is ziek" names a child, not a club the school never mentions.
        return i < 0 || text[i] is '.' or '!' or '?' or ':' or ',' or '\n' or '"' or '(';
    }

    [GeneratedRegex(@"\b(wat\s+vinden\s+jullie|wat\s+vind\s+jij|is\s+het\s+beste|het\s+beste\s+bij|(een\s+)?aanrader|ervaringen?\s+met|raden\s+jullie|would\s+you\s+recommend|what\s+do\s+you\s+think|which\s+is\s+the\s+best)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForOpinion();

    [GeneratedRegex(@"\b(hoeveel\s+kost|wat\s+kost|hoe\s+duur|wat\s+betaal|prijs|prijzen|how\s+much|what\s+does\s+.+\s+cost|price|fee)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForAmount();

    [GeneratedRegex(@"(€|\beuro\b|\d+,\d{2}|\d+,-)", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(hoe\s*laat|om\s+hoeveel\s+uur|what\s+time)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForTime();

    [GeneratedRegex(@"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*uur\b|\bkwart\s+(over|voor)\b|\bhalf\s+\w+", RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\b(wanneer|when|welke\s+datum|what\s+date|welke\s+dag|which\s+day|what\s+day)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhen();

    /// <summary>Words that say when: a date, a day, a month, a period or "as soon as".</summary>
    [GeneratedRegex(
        @"\b(\d{1,2}[-/]\d{1,2}|(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|june|july|august|october)|(maan|dins|woens|donder|vrij|zater|zon)dag(en)?|(mon|tues|wednes|thurs|fri|satur|sun)days?|week|weken|weeks?|maand|maanden|months?|jaar|jaarlijks|ochtend|middag|avond|morning|afternoon|evening|\w*vakantie|holidays?|zodra|zo\s+snel\s+mogelijk|direct|meteen|as\s+soon\s+as|immediately)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Moment();

    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}'’-]+")]
    private static partial Regex CapitalisedWord();
}
