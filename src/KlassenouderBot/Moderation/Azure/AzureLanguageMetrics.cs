using System.Diagnostics.Metrics;

namespace KlassenouderBot.Moderation.Azure;

/// <summary>
/// Counters for the Azure second opinion (meter <c>KlassenouderBot.AzureLanguage</c>, readable with
/// dotnet-counters): calls, failed calls, documents Azure refused, messages assessed locally only, and call latency.
/// </summary>
public sealed class AzureLanguageMetrics : IDisposable
{
    public const string MeterName = "KlassenouderBot.AzureLanguage";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _documentErrors;
    private readonly Counter<long> _fallbacks;
    private readonly Histogram<double> _latency;

    public AzureLanguageMetrics(IMeterFactory? meters = null)
    {
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _calls = _meter.CreateCounter<long>("klassenouderbot.azure_language.calls", description: "Calls to Azure AI Language (one per batch)");
        _failures = _meter.CreateCounter<long>("klassenouderbot.azure_language.failures", description: "Calls that failed after retries, timed out or were refused");
        _documentErrors = _meter.CreateCounter<long>("klassenouderbot.azure_language.document_errors", description: "Documents Azure answered with an error inside a successful batch");
        _fallbacks = _meter.CreateCounter<long>("klassenouderbot.azure_language.fallbacks", description: "Messages assessed by the local analyser alone because Azure had no answer in time");
        _latency = _meter.CreateHistogram<double>("klassenouderbot.azure_language.latency", unit: "ms", description: "Duration of a call, retries included");
    }

    public void Called() => _calls.Add(1);

    public void Failed() => _failures.Add(1);

    public void DocumentRefused() => _documentErrors.Add(1);

    public void FellBack() => _fallbacks.Add(1);

    public void Took(TimeSpan elapsed) => _latency.Record(elapsed.TotalMilliseconds);

    public void Dispose() => _meter.Dispose();
}
