namespace KlassenouderBot.Moderation;

/// <summary>Why a message was judged as it was. Serialised in snake_case in the CLI output.</summary>
public enum SignalKind
{
    Insult,
    Profanity,
    DiseaseCurse,
    Threat,
    Shouting,
    Sarcasm,
    GangUp,
    LegalThreat,
    PressThreat,
    ShamingChild,
    ShamingParent,
    Dehumanising,
    Discrimination,
    Criticism,
    Worry,
    Complaint,
    NegativeSentiment,
    Negation,
    Quotation,
    CounterSpeech,
    SelfDirected,
    TargetTeacher,
    TargetSchool,
    TargetParent,
    TargetChild,
    TargetGroup,
    LateNight,

    /// <summary>A second opinion (Azure) saw nothing wrong where the local analyser did; the local verdict stands.</summary>
    SecondOpinionDisagrees,
}
