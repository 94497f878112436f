namespace KlassenouderBot.Moderation;

/// <summary>
/// Judges the tone of one message. The local analyser is the default; a cloud provider (Azure AI
/// Language, a later issue) wraps it and adds signals, but never replaces its verdict outright.
/// </summary>
public interface IToneAnalyzer
{
    ValueTask<ToneAssessment> AssessAsync(string text, string? languageHint, CancellationToken cancellationToken);
}
