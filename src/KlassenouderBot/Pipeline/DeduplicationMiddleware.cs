using KlassenouderBot.Platforms;
using KlassenouderBot.Platforms.Inbound;

namespace KlassenouderBot.Pipeline;

/// <summary>
/// Platforms redeliver: Teams retries an activity when the bot answered slowly, Discord replays events
/// after a resume. The same message (id and text) is handled once; an edit with new text is handled again.
/// </summary>
public sealed class DeduplicationMiddleware : IMessageMiddleware
{
    private const int Capacity = 20_000;
    private readonly RecentKeys<(string Conversation, string Id, int TextHash)> _seen = new(Capacity);

    public Task InvokeAsync(ChatMessage message, MessageDelegate next, CancellationToken cancellationToken) =>
        _seen.TryAdd((message.Conversation.Key, message.Id, string.GetHashCode(message.Text, StringComparison.Ordinal)))
            ? next(message, cancellationToken)
            : Task.CompletedTask;
}
