using KlassenouderBot.Pipeline;
using KlassenouderBot.Platforms;

namespace KlassenouderBot.Moderation;

/// <summary>Assesses each group message and carries out what the engine decides.</summary>
public sealed class ModerationMiddleware(ConversationEngine engine, IInterventionSink sink, BotMetrics? metrics = null, TimeProvider? time = null) : IMessageMiddleware
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task InvokeAsync(ChatMessage message, MessageDelegate next, CancellationToken cancellationToken)
    {
        if (!message.IsPrivate)
        {
            var started = _time.GetTimestamp();
            var outcome = await engine.ProcessAsync(message, cancellationToken);
            metrics?.Assessed(SignalNames.Label(outcome.Assessment.Label), _time.GetElapsedTime(started));
            foreach (var intervention in outcome.Interventions)
            {
                metrics?.Intervened(SignalNames.Kind(intervention.Kind));
                await sink.DeliverAsync(message, intervention, cancellationToken);
            }
        }

        await next(message, cancellationToken);
    }
}
