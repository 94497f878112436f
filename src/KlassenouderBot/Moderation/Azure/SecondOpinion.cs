using KlassenouderBot.Privacy;
using System.Globalization;

namespace KlassenouderBot.Moderation.Azure;

/// <summary>
/// Folds Azure's sentiment into the local verdict as extra signals. Sentiment is not hostility (a lost jacket is
/// "negative"), so Azure never acts alone: a message the local analyser found nothing in stays as it was, with
/// Azure's view only noted; it can lift a message to a concern only when the local analyser already heard a
/// critical or hostile tone in it and Azure is negative about a person or the school (a concern earns the author
/// a private nudge, and "wat vervelend dat de juf ziek is" or a lost gym bag must not); it moves a score within
/// its label; it never makes a concern hurtful (criticism of the school is legitimate);
/// and when it sees nothing wrong in what the local analyser calls hurtful or a concern, the local verdict stands
/// and the disagreement is a signal of its own.
/// </summary>
internal static class SecondOpinion
{
    public const string Source = "azure";

    /// <summary>Azure's negative confidence at or below which it plainly disagrees with a local concern or hurt.</summary>
    private const double PlainlyFine = 0.2;

    /// <summary>Below this negative confidence Azure's sentiment is not worth a signal.</summary>
    private const double Noted = 0.5;

    private const double OkLift = 0.25;
    private const double WithinLabelLift = 0.1;
    private const double ConcernFrom = 0.35;
    private const double ConcernTo = 0.649;

    public static ToneAssessment Combine(ToneAssessment local, AzureOpinion azure)
    {
        var signals = new List<ToneSignal>(local.Signals);
        var targets = azure.NegativeTargets.Select(TargetKind).OfType<(SignalKind Kind, string Evidence)>().Distinct().ToList();
        var verdict = Evidence(azure);

        if (local.Label != ToneLabel.Ok && azure.Negative <= PlainlyFine)
        {
            signals.Add(new ToneSignal(SignalKind.SecondOpinionDisagrees, verdict, 0, Source));
            return local with { Signals = signals };
        }

        var lift = local.Label switch
        {
            // Nothing local to go on: Azure alone never moves a message.
            ToneLabel.Ok when local.Score <= 0 => 0,
            ToneLabel.Ok => OkLift * azure.Negative * (targets.Count > 0 ? 1.0 : 0.6),
            _ => WithinLabelLift * azure.Negative,
        };
        var score = local.Label switch
        {
            ToneLabel.Hurtful => Math.Min(1.0, local.Score + lift),
            ToneLabel.Concern => Math.Min(ConcernTo, local.Score + lift),
            _ => local.Score + lift,
        };
        var mayBecomeConcern = targets.Count > 0 && local.Signals.Any(s => CriticalTone.Contains(s.Kind));
        var label = local.Label == ToneLabel.Ok && mayBecomeConcern && score >= ConcernFrom ? ToneLabel.Concern : local.Label;
        if (label == ToneLabel.Ok)
        {
            score = Math.Min(score, ConcernFrom - 0.001);
        }

        if (azure.Negative >= Noted)
        {
            signals.Add(new ToneSignal(SignalKind.NegativeSentiment, verdict, Math.Round(score - local.Score, 3), Source));
        }

        signals.AddRange(targets.Where(t => !local.Has(t.Kind)).Select(t => new ToneSignal(t.Kind, t.Evidence, 0, Source)));
        return local with { Label = label, Score = Math.Round(score, 3), Signals = signals };
    }

    private static string Evidence(AzureOpinion azure) =>
        string.Create(CultureInfo.InvariantCulture, $"{azure.Sentiment} {(azure.Sentiment == "positive" ? azure.Positive : azure.Negative):0.00}");

    /// <summary>Who an opinion target is: the teacher, the school, a child or a parent; null for anything else.</summary>
    private static (SignalKind, string)? TargetKind(string target)
    {
        var words = target.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            if (Teacher.Contains(word))
            {
                return (SignalKind.TargetTeacher, target);
            }

            if (School.Contains(word))
            {
                return (SignalKind.TargetSchool, target);
            }

            if (Child.Contains(word))
            {
                return (SignalKind.TargetChild, target);
            }

            if (Parent.Contains(word))
            {
                return (SignalKind.TargetParent, target);
            }
        }

        return null;
    }

    /// <summary>Local signals of a critical or hostile tone; sympathy, worry and sadness are not among them.</summary>
    private static readonly HashSet<SignalKind> CriticalTone =
    [
        SignalKind.Insult, SignalKind.Profanity, SignalKind.DiseaseCurse, SignalKind.Threat, SignalKind.Shouting, SignalKind.Sarcasm,
        SignalKind.GangUp, SignalKind.LegalThreat, SignalKind.PressThreat, SignalKind.ShamingChild, SignalKind.ShamingParent,
        SignalKind.Dehumanising, SignalKind.Discrimination, SignalKind.Criticism, SignalKind.Complaint,
    ];

    private static readonly HashSet<string> Teacher = new(StringComparer.Ordinal) { "juf", "juffrouw", "meester", "leerkracht", "leraar", "lerares", "docent", "invaller", "invalkracht", "teacher" };
    private static readonly HashSet<string> School = new(StringComparer.Ordinal) { "school", "directie", "directeur", "directrice", "schoolleiding", "mr", "bestuur", "head", "principal" };
    private static readonly HashSet<string> Child = new(StringComparer.Ordinal) { "kind", "kinderen", "zoon", "dochter", "jongen", "meisje", "child", "kid", "boy", "girl", PersonalDataRedactor.Name };
    private static readonly HashSet<string> Parent = new(StringComparer.Ordinal) { "ouder", "ouders", "moeder", "vader", "mama", "papa", "parent", "mother", "father" };
}
