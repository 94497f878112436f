using KlassenouderBot.Moderation;
using KlassenouderBot.Outbox;
using KlassenouderBot.Platforms;

namespace KlassenouderBot.Tests.Outbox;

internal static class OutboxTestExtensions
{
    /// <summary>Delivers and waits for the send the outbox starts in the background.</summary>
    public static async Task DeliverAndSettleAsync(this InterventionOutbox outbox, ChatMessage trigger, Intervention intervention)
    {
        await outbox.DeliverAsync(trigger, intervention, CancellationToken.None);
        await outbox.WhenIdleAsync();
    }
}
