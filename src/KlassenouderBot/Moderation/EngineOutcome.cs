namespace KlassenouderBot.Moderation;

/// <summary>What the engine made of one message.</summary>
public sealed record EngineOutcome(ToneAssessment Assessment, EscalationLevel Level, double Heat, IReadOnlyList<Intervention> Interventions);
