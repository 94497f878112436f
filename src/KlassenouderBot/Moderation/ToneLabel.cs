namespace KlassenouderBot.Moderation;

/// <summary>The verdict on one message (definitions in README, "Tone labels").</summary>
public enum ToneLabel
{
    /// <summary>Logistics, chit-chat, jokes, compliments, counter-speech.</summary>
    Ok,

    /// <summary>Respectful criticism or worry that belongs with the teacher or class parent.</summary>
    Concern,

    /// <summary>Insults, threats, shaming a child or parent, ganging up, hostile legal or press threats.</summary>
    Hurtful,
}
