namespace KlassenouderBot.Moderation;

public sealed class LocalToneAnalyzer : IToneAnalyzer
{
    public ToneAssessment Assess(string text, string? languageHint) => ToneAssessment.Empty(languageHint ?? "nl");

    public ValueTask<ToneAssessment> AssessAsync(string text, string? languageHint, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Assess(text, languageHint));
}
