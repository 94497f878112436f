using System.Diagnostics.Metrics;
using KlassenouderBot.Moderation;
using KlassenouderBot.Pipeline;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using KlassenouderBot.Tests.Fakes;
using KlassenouderBot.Tests.Moderation;

namespace KlassenouderBot.Tests.Pipeline;

/// <summary>The meter counts what the bot did, tagged with labels and kinds only.</summary>
public sealed class BotMetricsTests : IDisposable
{
    private readonly BotMetrics _metrics = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measured = [];

    public BotMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BotMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task Moderation_AHurtfulMessage_CountedByLabelAndInterventionKindWithItsDuration()
    {
        var school = ConversationScript.Sample;
        var sut = new ModerationMiddleware(new ConversationEngine(new LocalToneAnalyzer(), school, new InMemoryConversationLinks(school)), new FakeInterventionSink(), _metrics);

        await sut.InvokeAsync(Message("Die kankerjuf moet gewoon oprotten"), (_, _) => Task.CompletedTask, CancellationToken.None);

        _measured.Should().Contain(m => m.Instrument == "klassenouderbot.messages.assessed" && Equals(m.Tags["label"], "hurtful"));
        _measured.Should().Contain(m => m.Instrument == "klassenouderbot.interventions" && Equals(m.Tags["kind"], "private_nudge"));
        _measured.Should().Contain(m => m.Instrument == "klassenouderbot.messages.assess_duration" && m.Value >= 0);
        _measured.SelectMany(m => m.Tags.Values).OfType<string>().Should().NotContain(v => v.Contains("juf", StringComparison.Ordinal), "no words in metrics");
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measured)
        {
            _measured.Add((instrument.Name, value, copy));
        }
    }

    private static ChatMessage Message(string text) => new()
    {
        Id = "m-1",
        Conversation = new ConversationRef(Platform.Playground, "groep-5"),
        Author = new ChatUser("u-1", "Sanne"),
        Text = text,
        Timestamp = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(1)),
    };
}
