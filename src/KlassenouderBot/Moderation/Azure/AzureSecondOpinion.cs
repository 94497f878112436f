using KlassenouderBot.Privacy;
using KlassenouderBot.School;

namespace KlassenouderBot.Moderation.Azure;

/// <summary>
/// The Azure second opinion wired together once: the client (whose circuit <c>/readyz</c> reads), the batcher
/// and the analyser. The server registers it as a singleton; <c>analyze</c> makes one for a single message.
/// </summary>
internal sealed class AzureSecondOpinion : IAsyncDisposable
{
    private readonly AzureSentimentBatcher _batcher;

    public AzureSecondOpinion(HttpClient http, AzureLanguageOptions options, SchoolSource school, LocalToneAnalyzer local, TimeProvider time, AzureLanguageMetrics metrics, ILogger<AzureSentimentClient> logger)
    {
        Client = new AzureSentimentClient(http, options, time, metrics, logger);
        _batcher = new AzureSentimentBatcher(Client, options, time);
        Analyzer = new SecondOpinionToneAnalyzer(local, _batcher, PersonalDataRedactor.Following(school), options, time, metrics);
    }

    public AzureSentimentClient Client { get; }

    public SecondOpinionToneAnalyzer Analyzer { get; }

    public async ValueTask DisposeAsync()
    {
        await _batcher.DisposeAsync();
        Client.Dispose();
    }
}
