using KlassenouderBot.Moderation;
using KlassenouderBot.Moderation.Azure;
using KlassenouderBot.School;

namespace KlassenouderBot.Cli;

/// <summary>
/// The tone analyser a verb uses, chosen as the server chooses it: the local analyser, with Azure AI Language as a
/// second opinion when <c>AzureLanguage:Endpoint</c> and <c>AzureLanguage:Key</c> are configured. Azure's warnings
/// go to stderr, so stdout keeps the contract's JSON.
/// </summary>
internal sealed class CliToneAnalyzer : IAsyncDisposable
{
    private readonly ILoggerFactory? _loggers;
    private readonly HttpClient? _http;
    private readonly AzureLanguageMetrics? _metrics;
    private readonly AzureSecondOpinion? _azure;

    private CliToneAnalyzer(IToneAnalyzer analyzer) => Analyzer = analyzer;

    private CliToneAnalyzer(AzureLanguageOptions options, SchoolConfiguration school, TextWriter error)
    {
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(new TextWriterLoggerProvider(error)));
        _http = new HttpClient();
        _metrics = new AzureLanguageMetrics();
        _azure = new AzureSecondOpinion(_http, options, SchoolSource.Fixed(school), new LocalToneAnalyzer(), TimeProvider.System, _metrics, _loggers.CreateLogger<AzureSentimentClient>());
        Analyzer = _azure.Analyzer;
    }

    public IToneAnalyzer Analyzer { get; }

    /// <exception cref="CliUsageException">Azure is configured with an endpoint that cannot be used.</exception>
    /// <remarks>The school, whose names are kept from Azure, is read only when Azure is configured.</remarks>
    public static CliToneAnalyzer Create(IConfiguration configuration, Func<SchoolConfiguration> school, TextWriter error)
    {
        var options = configuration.GetSection(AzureLanguageOptions.SectionName).Get<AzureLanguageOptions>() ?? new AzureLanguageOptions();
        if (!options.IsConfigured)
        {
            return new CliToneAnalyzer(new LocalToneAnalyzer());
        }

        if (options.Problem() is { } problem)
        {
            throw new CliUsageException(problem);
        }

        return new CliToneAnalyzer(options, school(), error);
    }

    public async ValueTask DisposeAsync()
    {
        if (_azure is not null)
        {
            await _azure.DisposeAsync();
        }

        _http?.Dispose();
        _metrics?.Dispose();
        _loggers?.Dispose();
    }
}
