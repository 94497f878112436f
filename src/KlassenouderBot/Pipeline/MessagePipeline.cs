using KlassenouderBot.Platforms;

namespace KlassenouderBot.Pipeline;

/// <summary>
/// Runs every inbound message through the registered middleware in registration order. Built once:
/// the chain of delegates is composed at construction so a message costs no allocation for it.
/// </summary>
public sealed class MessagePipeline : IInboundMessageSink
{
    private readonly MessageDelegate _entry;

    public MessagePipeline(IEnumerable<IMessageMiddleware> middleware)
    {
        MessageDelegate next = static (_, _) => Task.CompletedTask;
        foreach (var step in middleware.Reverse())
        {
            var following = next;
            next = (message, cancellationToken) => step.InvokeAsync(message, following, cancellationToken);
        }

        _entry = next;
    }

    public Task HandleAsync(ChatMessage message, CancellationToken cancellationToken) => _entry(message, cancellationToken);
}
