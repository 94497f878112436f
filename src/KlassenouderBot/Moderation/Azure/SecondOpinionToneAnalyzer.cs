using KlassenouderBot.Privacy;
using Polly;
using Polly.Fallback;

namespace KlassenouderBot.Moderation.Azure;

/// <summary>
/// The local analyser with Azure AI Language as a second opinion. The local verdict comes first and always;
/// the message, with names, e-mail addresses and phone numbers replaced, is batched to Azure, and what Azure
/// says within the budget is folded in (<see cref="SecondOpinion"/>). No answer in time, a failed call, an open
/// circuit or a document Azure refused: the local verdict stands alone, and the message waited no longer.
/// </summary>
public sealed class SecondOpinionToneAnalyzer : IToneAnalyzer
{
    private readonly LocalToneAnalyzer _local;
    private readonly AzureSentimentBatcher _azure;
    private readonly Func<PersonalDataRedactor> _redactor;
    private readonly AzureLanguageMetrics _metrics;
    private readonly ResiliencePipeline<AzureOpinion?> _withinBudget;

    internal SecondOpinionToneAnalyzer(LocalToneAnalyzer local, AzureSentimentBatcher azure, Func<PersonalDataRedactor> redactor, AzureLanguageOptions options, TimeProvider time, AzureLanguageMetrics metrics)
    {
        _local = local;
        _azure = azure;
        _redactor = redactor;
        _metrics = metrics;
        _withinBudget = new ResiliencePipelineBuilder<AzureOpinion?> { TimeProvider = time }
            .AddFallback(new FallbackStrategyOptions<AzureOpinion?>
            {
                ShouldHandle = args => ValueTask.FromResult((args.Outcome.Exception is null && args.Outcome.Result is null) || args.Outcome.Exception is Polly.Timeout.TimeoutRejectedException),
                FallbackAction = static _ => Outcome.FromResultAsValueTask<AzureOpinion?>(null),
                OnFallback = _ =>
                {
                    _metrics.FellBack();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.Budget)
            .Build();
    }

    public async ValueTask<ToneAssessment> AssessAsync(string text, AnalysisContext context, CancellationToken cancellationToken)
    {
        var local = _local.Assess(text, context);
        if (string.IsNullOrWhiteSpace(text))
        {
            return local;
        }

        var redacted = _redactor().Redact(text, context);
        var opinion = await _withinBudget.ExecuteAsync(
            async token => await _azure.AnalyzeAsync(redacted, local.Language).WaitAsync(token),
            cancellationToken);
        return opinion is null ? local : SecondOpinion.Combine(local, opinion);
    }
}
