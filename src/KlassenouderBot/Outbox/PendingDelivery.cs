using System.Text.Json;
using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;

namespace KlassenouderBot.Outbox;

/// <summary>
/// What the outbox keeps to send an intervention later: where, and the intervention itself, with the
/// recipient of a private nudge filled in. Never the message that caused it.
/// </summary>
internal sealed record PendingDelivery(ConversationRef Conversation, Intervention Intervention)
{
    public static PendingDelivery For(ChatMessage trigger, Intervention intervention) => new(
        trigger.Conversation,
        intervention.Kind == InterventionKind.PrivateNudge ? intervention with { Recipient = intervention.Recipient ?? trigger.Author } : intervention);

    public string Write() => JsonSerializer.Serialize(this);

    /// <summary>The stored form read back; null when it cannot be read (written by a version that no longer fits).</summary>
    public static PendingDelivery? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PendingDelivery>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
