using KlassenouderBot.Platforms;

namespace KlassenouderBot.Pipeline;

/// <summary>
/// Platforms redeliver: Teams retries an activity when the bot answered slowly, Discord replays events
/// after a resume. The same message (id and text) is handled once; an edit with new text is handled again.
/// </summary>
public sealed class DeduplicationMiddleware : IMessageMiddleware
{
    private const int Capacity = 20_000;
    private readonly HashSet<(string Conversation, string Id, int TextHash)> _seen = [];
    private readonly Queue<(string Conversation, string Id, int TextHash)> _order = new();
    private readonly Lock _gate = new();

    public Task InvokeAsync(ChatMessage message, MessageDelegate next, CancellationToken cancellationToken)
    {
        var key = (message.Conversation.Key, message.Id, string.GetHashCode(message.Text, StringComparison.Ordinal));
        lock (_gate)
        {
            if (!_seen.Add(key))
            {
                return Task.CompletedTask;
            }

            _order.Enqueue(key);
            if (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }
        }

        return next(message, cancellationToken);
    }
}
