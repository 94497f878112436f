using System.Diagnostics.Metrics;

namespace KlassenouderBot.Pipeline;

/// <summary>
/// What the bot does, counted (meter <c>KlassenouderBot</c>, readable with
/// <c>dotnet-counters monitor --counters KlassenouderBot</c>): messages assessed by label, interventions by
/// kind, FAQ questions answered or not, outbox attempts by result, and how long assessing a message took. Tags are labels and kinds, never
/// a conversation, a person or a word.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "KlassenouderBot";

    private readonly Meter _meter;
    private readonly Counter<long> _assessed;
    private readonly Counter<long> _interventions;
    private readonly Counter<long> _faq;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _outbox;

    public BotMetrics(IMeterFactory? meters = null)
    {
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _assessed = _meter.CreateCounter<long>("klassenouderbot.messages.assessed", description: "Group messages assessed, by tone label");
        _interventions = _meter.CreateCounter<long>("klassenouderbot.interventions", description: "Private nudges, group messages and alerts decided, by kind");
        _faq = _meter.CreateCounter<long>("klassenouderbot.faq.questions", description: "Questions the bot answered (answered=true) or could not (answered=false)");
        _outbox = _meter.CreateCounter<long>("klassenouderbot.outbox.attempts", description: "Outbox send attempts, by result: delivered, failed (tried again later), dead_lettered, in_doubt");
        _latency = _meter.CreateHistogram<double>("klassenouderbot.messages.assess_duration", unit: "ms", description: "Time to assess a message and decide, Azure included when configured");
    }

    public void Assessed(string label, TimeSpan took)
    {
        _assessed.Add(1, new KeyValuePair<string, object?>("label", label));
        _latency.Record(took.TotalMilliseconds);
    }

    public void Intervened(string kind) => _interventions.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void FaqQuestion(bool answered) => _faq.Add(1, new KeyValuePair<string, object?>("answered", answered));

    public void OutboxAttempt(string result) => _outbox.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Dispose() => _meter.Dispose();
}
