namespace KlassenouderBot.Moderation;

/// <summary>Signal kinds in plain words for alerts: what is going on, never what was said.</summary>
internal static class SignalNames
{
    public static string Describe(IReadOnlyList<SignalKind> kinds, string language)
    {
        var names = kinds.Select(k => Name(k, language)).OfType<string>().Distinct().Take(4).ToList();
        if (names.Count == 0)
        {
            return language == "en" ? "a sharp tone" : "een scherpe toon";
        }

        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + (language == "en" ? " and " : " en ") + names[^1];
    }

    /// <summary>A tone label as metrics and the contract spell it.</summary>
    public static string Label(ToneLabel label) => label switch
    {
        ToneLabel.Hurtful => "hurtful",
        ToneLabel.Concern => "concern",
        _ => "ok",
    };

    /// <summary>An intervention kind as metrics and <c>replay</c> spell it.</summary>
    public static string Kind(InterventionKind kind) => kind switch
    {
        InterventionKind.PrivateNudge => "private_nudge",
        InterventionKind.GroupMessage => "group_message",
        _ => "alert",
    };

    private static string? Name(SignalKind kind, string language) => (kind, language == "en") switch
    {
        (SignalKind.Insult, false) => "scheldwoorden",
        (SignalKind.Insult, true) => "insults",
        (SignalKind.Profanity or SignalKind.DiseaseCurse, false) => "grof taalgebruik",
        (SignalKind.Profanity or SignalKind.DiseaseCurse, true) => "profanity",
        (SignalKind.Threat, false) => "een bedreiging",
        (SignalKind.Threat, true) => "a threat",
        (SignalKind.GangUp, false) => "oproepen om samen tegen iemand in te gaan",
        (SignalKind.GangUp, true) => "calls to gang up",
        (SignalKind.LegalThreat, false) => "dreigen met juridische stappen",
        (SignalKind.LegalThreat, true) => "legal threats",
        (SignalKind.PressThreat, false) => "dreigen met pers of sociale media",
        (SignalKind.PressThreat, true) => "threats to go to the press or social media",
        (SignalKind.ShamingChild, false) => "een kind dat bij naam wordt beschuldigd of bespot",
        (SignalKind.ShamingChild, true) => "a child named and blamed or mocked",
        (SignalKind.ShamingParent, false) => "een ouder die persoonlijk wordt aangevallen",
        (SignalKind.ShamingParent, true) => "a parent attacked personally",
        (SignalKind.Sarcasm, false) => "spot",
        (SignalKind.Sarcasm, true) => "mockery",
        (SignalKind.Dehumanising or SignalKind.Discrimination, false) => "discriminerende opmerkingen",
        (SignalKind.Dehumanising or SignalKind.Discrimination, true) => "discriminating remarks",
        (SignalKind.Shouting, false) => "schreeuwen (hoofdletters)",
        (SignalKind.Shouting, true) => "shouting",
        (SignalKind.Criticism or SignalKind.Complaint or SignalKind.Worry, false) => "kritiek op school",
        (SignalKind.Criticism or SignalKind.Complaint or SignalKind.Worry, true) => "criticism of the school",
        (SignalKind.TargetGroup, false) => "wij-tegen-zij",
        (SignalKind.TargetGroup, true) => "us-versus-them talk",
        _ => null,
    };
}
