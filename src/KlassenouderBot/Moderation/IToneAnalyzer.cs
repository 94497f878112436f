namespace KlassenouderBot.Moderation;

/// <summary>
/// Judges the tone of one message. The local analyser is the default; a cloud provider (Azure AI
/// Language) wraps it and adds signals, but never replaces its verdict outright.
/// </summary>
public interface IToneAnalyzer
{
    /// <param name="text">The message, held in memory only.</param>
    /// <param name="context">Who is a parent and who is staff in this conversation, and the language when known.</param>
    /// <param name="cancellationToken">Cancels the assessment.</param>
    ValueTask<ToneAssessment> AssessAsync(string text, AnalysisContext context, CancellationToken cancellationToken);
}
