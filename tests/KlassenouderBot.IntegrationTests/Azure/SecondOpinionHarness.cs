using KlassenouderBot.Cli;
using KlassenouderBot.Moderation;
using KlassenouderBot.Moderation.Azure;
using KlassenouderBot.School;
using Microsoft.Extensions.Logging;

namespace KlassenouderBot.IntegrationTests.Azure;

/// <summary>The Azure second opinion wired to a <see cref="FakeAzureLanguage"/> with short waits, logging to lines a test can read.</summary>
internal sealed class SecondOpinionHarness : IAsyncDisposable
{
    public const string Key = "test-key-0000";

    private readonly HttpClient _http = new();
    private readonly AzureLanguageMetrics _metrics = new();
    private readonly StringWriter _log = new();
    private readonly TextWriter _logLines;
    private readonly ILoggerFactory _loggers;
    private readonly AzureSecondOpinion _azure;

    private SecondOpinionHarness(FakeAzureLanguage azure, TimeSpan budget, TimeSpan breakDuration)
    {
        var options = new AzureLanguageOptions
        {
            Endpoint = azure.Endpoint.ToString(),
            Key = Key,
            Budget = budget,
            BatchWindow = TimeSpan.FromMilliseconds(50),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryAttempts = 1,
            CircuitMinimumThroughput = 2,
            BreakDuration = breakDuration,
        };
        _logLines = TextWriter.Synchronized(_log);
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(new TextWriterLoggerProvider(_logLines)));

        // The sample school names "juf Sanne de Vries"; "Daan" is nobody it knows, a capitalised word mid-sentence.
        School = SchoolConfigurationLoader.Load(SchoolOptions.DefaultConfigPath);
        _azure = new AzureSecondOpinion(_http, options, SchoolSource.Fixed(School), new LocalToneAnalyzer(), TimeProvider.System, _metrics, _loggers.CreateLogger<AzureSentimentClient>());
    }

    /// <summary>The warnings and errors logged so far, one per line.</summary>
    public IReadOnlyList<string> Logs
    {
        get
        {
            // TextWriter.Synchronized locks on the writer itself; so does this read.
            lock (_logLines)
            {
                return _log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <summary>The sample school, whose names the redactor keeps from Azure.</summary>
    public SchoolConfiguration School { get; }

    public AzureSentimentClient Client => _azure.Client;

    public SecondOpinionToneAnalyzer Analyzer => _azure.Analyzer;

    public static SecondOpinionHarness Create(FakeAzureLanguage azure, TimeSpan? budget = null, TimeSpan? breakDuration = null) =>
        new(azure, budget ?? TimeSpan.FromSeconds(2), breakDuration ?? TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await _azure.DisposeAsync();
        _http.Dispose();
        _metrics.Dispose();
        _loggers.Dispose();
        _log.Dispose();
    }
}
