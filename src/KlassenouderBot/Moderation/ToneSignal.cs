namespace KlassenouderBot.Moderation;

/// <summary>One reason behind a verdict, with the words that triggered it (kept in memory only).</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Evidence">The normalised words that showed it.</param>
/// <param name="Weight">How much it added to the score; targets and mitigations carry 0 or a negative weight.</param>
/// <param name="Source">Which analyser found it: <c>local</c>, or a cloud provider's name.</param>
public sealed record ToneSignal(SignalKind Kind, string Evidence, double Weight = 0, string Source = "local");
