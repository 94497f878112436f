using KlassenouderBot.Platforms;

namespace KlassenouderBot.Pipeline;

/// <summary>
/// Platforms redeliver: Teams retries an activity when the bot answered slowly, Discord replays events
/// after a resume, and behind a load balancer the retry may reach another instance. The same message (id and
/// text) is handled once; an edit with new text is handled again.
/// </summary>
public sealed class DeduplicationMiddleware(IProcessedMessages processed) : IMessageMiddleware
{
    public DeduplicationMiddleware()
        : this(new InMemoryProcessedMessages())
    {
    }

    public async Task InvokeAsync(ChatMessage message, MessageDelegate next, CancellationToken cancellationToken)
    {
        if (await processed.TryClaimAsync(message, cancellationToken))
        {
            await next(message, cancellationToken);
        }
    }
}
