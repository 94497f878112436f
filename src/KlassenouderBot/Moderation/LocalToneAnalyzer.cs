using KlassenouderBot.Moderation.Analysis;

namespace KlassenouderBot.Moderation;

/// <summary>
/// The embedded tone analyser: lexicon and phrase rules over normalised text, Dutch first, English second.
/// It adds up evidence of hurt (insults, curses, threats, gang-ups, shaming) and of concern (respectful
/// criticism and worry), discounts what is negated, quoted, self-directed or counter-speech, and labels.
/// Runs in memory; the text is gone when the call returns.
/// </summary>
public sealed partial class LocalToneAnalyzer(ModerationOptions? options = null) : IToneAnalyzer
{
    private const double HurtfulThreshold = 1.0;
    private const double ConcernThreshold = 0.6;
    private const double PartialHurtThreshold = 0.5;

    private readonly ToneLexicon _lexicon = ToneLexicon.Default;
    private readonly double _sensitivity = options?.Sensitivity ?? 1.0;

    public ValueTask<ToneAssessment> AssessAsync(string text, AnalysisContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Assess(text, context));

    public ToneAssessment Assess(string text, AnalysisContext? context = null)
    {
        context ??= AnalysisContext.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ToneAssessment.Empty(context.Language ?? "nl");
        }

        var normalized = TextNormalizer.Normalize(text);
        var facts = CollectFacts(normalized, context);
        var language = context.Language is "nl" or "en" ? context.Language : DetectLanguage(facts);
        if (normalized.Tokens.Count == 0)
        {
            return ToneAssessment.Empty(language);
        }

        var scoring = new Scoring(this, normalized, facts);
        scoring.Run();
        return scoring.ToAssessment(language, context.Sensitivity ?? _sensitivity);
    }

    private static string DetectLanguage(TokenFacts facts) =>
        facts.EnglishWords >= 2 && facts.EnglishWords > facts.DutchWords ? "en" : "nl";

    private TokenFacts CollectFacts(NormalizedText text, AnalysisContext context)
    {
        var facts = new TokenFacts();
        var tokens = text.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var info = _lexicon.Find(token.Text);
            if (info is not null)
            {
                if (info.DutchFunctionWord)
                {
                    facts.DutchWords++;
                }

                if (info.EnglishFunctionWord)
                {
                    facts.EnglishWords++;
                }

                if (info.Target != TargetKind.None)
                {
                    facts.Targets.Add((i, info.Target));
                }
            }

            switch (token.Text)
            {
                case "jij" or "je" or "jou" or "jouw" or "jullie" or "u" or "you" or "your" or "ge":
                    facts.SecondPerson = true;
                    break;
                case "hij" or "zij" or "ze" or "hem" or "haar" or "die" or "he" or "she" or "him" or "her" or "they" or "them":
                    facts.ThirdPersonPronoun = true;
                    break;
            }

            var role = NameRole(tokens, i, info, context);
            if (role != TargetKind.None)
            {
                facts.Names.Add((i, role, token.Text));
            }
        }

        return facts;
    }

    private static TargetKind NameRole(IReadOnlyList<Token> tokens, int i, WordInfo? info, AnalysisContext context)
    {
        var token = tokens[i];
        var previous = i > 0 ? tokens[i - 1].Text : "";
        var isStaffTitle = previous is "juf" or "meester" or "mevrouw" or "meneer" or "mw" or "dhr" or "directeur" or "directrice" or "mr" or "mrs" or "ms" or "miss";
        if (isStaffTitle && token.Text.Length > 1 && (token.Has(TokenFlags.Capitalized) || info?.FirstName == true || context.StaffNames.Contains(token.Text)))
        {
            return TargetKind.Teacher;
        }

        if (context.ParentNames.Contains(token.Text))
        {
            return TargetKind.Parent;
        }

        if (context.StaffNames.Contains(token.Text) && token.Has(TokenFlags.Capitalized))
        {
            return TargetKind.Staff;
        }

        var isName = info?.FirstName == true
            && (token.Has(TokenFlags.Capitalized) || previous is "die" or "dat" or "van" or "met" or "aan" or "tegen" or "naast" or "bij" or "boy" or "girl");
        if (!isName)
        {
            return TargetKind.None;
        }

        // "Eva d'r moeder", "Sanne d'r zoontje": the name is the parent's or the child's.
        var next = i + 1 < tokens.Count ? tokens[i + 1].Text : "";
        var afterNext = i + 2 < tokens.Count ? tokens[i + 2].Text : "";
        if (next is "d'r" or "z'n" or "haar" or "zijn" or "her" or "his" or "'s")
        {
            return afterNext is "moeder" or "vader" or "ouders" or "mama" or "papa" or "mum" or "mom" or "dad" ? TargetKind.None : TargetKind.Parent;
        }

        // Addressed directly: "Mark hou je grote bek", "Jeroen, voed je kind eens op".
        for (var k = i + 1; k < Math.Min(tokens.Count, i + 5); k++)
        {
            if (tokens[k].Text is "je" or "jij" or "jou" or "jouw" or "you" or "your")
            {
                return i <= 1 || tokens[i].Clause != tokens[k].Clause || k == i + 1 ? TargetKind.Parent : TargetKind.Child;
            }
        }

        if (i == tokens.Count - 1 && tokens.Any(t => t.Text is "je" or "jij" or "jouw" or "you"))
        {
            return TargetKind.Parent;
        }

        return TargetKind.Child;
    }
}
