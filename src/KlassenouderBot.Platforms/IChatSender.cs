namespace KlassenouderBot.Platforms;

/// <summary>
/// The one chokepoint for everything the bot says. One implementation per platform; the app
/// routes by <see cref="Platform"/>.
/// </summary>
public interface IChatSender
{
    /// <summary>The platform this sender speaks to.</summary>
    Platform Platform { get; }

    /// <summary>
    /// True when sending the same <see cref="OutboundMessage.IdempotencyKey"/> again cannot post twice
    /// (Discord enforces a nonce). The outbox resends a delivery whose send was interrupted only then.
    /// </summary>
    bool DeduplicatesResends => false;

    /// <summary>Posts into the group conversation.</summary>
    Task<SendResult> SendToConversationAsync(ConversationRef conversation, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends privately to one member of the conversation (a Teams 1:1 chat, a Discord DM). Must never
    /// fall back to posting in the group.
    /// </summary>
    Task<SendResult> SendPrivateAsync(ConversationRef conversation, ChatUser recipient, OutboundMessage message, CancellationToken cancellationToken);
}
