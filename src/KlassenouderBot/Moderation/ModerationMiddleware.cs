using KlassenouderBot.Pipeline;
using KlassenouderBot.Platforms;

namespace KlassenouderBot.Moderation;

/// <summary>Assesses each group message and carries out what the engine decides.</summary>
public sealed class ModerationMiddleware(ConversationEngine engine, IInterventionSink sink) : IMessageMiddleware
{
    public async Task InvokeAsync(ChatMessage message, MessageDelegate next, CancellationToken cancellationToken)
    {
        if (!message.IsPrivate)
        {
            var outcome = await engine.ProcessAsync(message, cancellationToken);
            foreach (var intervention in outcome.Interventions)
            {
                await sink.DeliverAsync(message, intervention, cancellationToken);
            }
        }

        await next(message, cancellationToken);
    }
}
