using KlassenouderBot.Platforms;
using KlassenouderBot.Platforms.Inbound;

namespace KlassenouderBot.Pipeline;

/// <summary>Which incoming messages were handled already: the first claim of a message wins, on any instance.</summary>
public interface IProcessedMessages
{
    /// <returns>True for the first claim of this message (id and text); false for a redelivery.</returns>
    ValueTask<bool> TryClaimAsync(ChatMessage message, CancellationToken cancellationToken);
}

/// <summary>One instance's memory of the last 20,000 messages: enough for one instance, and the first check for many.</summary>
public sealed class InMemoryProcessedMessages : IProcessedMessages
{
    private const int Capacity = 20_000;
    private readonly RecentKeys<(string Conversation, string Id, int TextHash)> _seen = new(Capacity);

    public ValueTask<bool> TryClaimAsync(ChatMessage message, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_seen.TryAdd((message.Conversation.Key, message.Id, string.GetHashCode(message.Text, StringComparison.Ordinal))));
}
