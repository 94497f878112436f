using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;

namespace KlassenouderBot.Tests.Fakes;

/// <summary>Records what the engine decided instead of sending it.</summary>
public sealed class FakeInterventionSink : IInterventionSink
{
    public List<(ChatMessage Trigger, Intervention Intervention)> Delivered { get; } = [];

    public Task DeliverAsync(ChatMessage trigger, Intervention intervention, CancellationToken cancellationToken)
    {
        Delivered.Add((trigger, intervention));
        return Task.CompletedTask;
    }
}
