using KlassenouderBot.Platforms;

namespace KlassenouderBot.Moderation;

/// <summary>
/// Carries out what the engine decided: in the server it stores and sends, in <c>replay</c> it prints.
/// </summary>
public interface IInterventionSink
{
    Task DeliverAsync(ChatMessage trigger, Intervention intervention, CancellationToken cancellationToken);
}
