namespace KlassenouderBot.Moderation;

/// <summary>The tone verdict on one message: label, a score in [0,1] and the signals behind it.</summary>
public sealed record ToneAssessment(ToneLabel Label, double Score, IReadOnlyList<ToneSignal> Signals, string Language)
{
    public static ToneAssessment Empty(string language) => new(ToneLabel.Ok, 0, [], language);

    public bool Has(SignalKind kind)
    {
        foreach (var signal in Signals)
        {
            if (signal.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Threats and shaming a child alert the class parent at once, whatever the conversation's level.</summary>
    public bool IsSevere => Label == ToneLabel.Hurtful && (Has(SignalKind.Threat) || Has(SignalKind.ShamingChild));
}
