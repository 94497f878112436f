using KlassenouderBot.Platforms;

namespace KlassenouderBot.Playground;

/// <summary>
/// The playground's platform: it records what the bot says instead of calling a chat service. Like a
/// real platform, a private message reaches only its recipient's panel and never the room.
/// </summary>
public sealed class PlaygroundChatSender(PlaygroundRooms rooms, TimeProvider timeProvider, ILogger<PlaygroundChatSender> logger) : IChatSender
{
    public Platform Platform => Platform.Playground;

    public Task<SendResult> SendToConversationAsync(ConversationRef conversation, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (FindRoom(conversation) is not { } room)
        {
            return Task.FromResult(SendResult.Failed("unknown playground room"));
        }

        var entry = room.AddBot(message, recipient: null, timeProvider.GetUtcNow());
        logger.GroupMessageRecorded(message.Kind, room.Id);
        return Task.FromResult(SendResult.Ok($"bot-{entry.Sequence}"));
    }

    public Task<SendResult> SendPrivateAsync(ConversationRef conversation, ChatUser recipient, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (FindRoom(conversation) is not { } room)
        {
            return Task.FromResult(SendResult.Failed("unknown playground room"));
        }

        var name = RecipientName(recipient);
        if (string.IsNullOrWhiteSpace(name))
        {
            logger.SendRefused("private message without a recipient", room.Id);
            return Task.FromResult(SendResult.Failed("no recipient"));
        }

        var entry = room.AddBot(message, name, timeProvider.GetUtcNow());
        logger.PrivateMessageRecorded(message.Kind, room.Id);
        return Task.FromResult(SendResult.Ok($"bot-{entry.Sequence}"));
    }

    /// <summary>What the bot posted into the room, oldest first.</summary>
    public IReadOnlyList<PlaygroundBotEntry> GroupMessages(string roomId) =>
        rooms.Find(roomId)?.Snapshot().GroupMessages ?? [];

    /// <summary>What the bot sent privately to one person in the room, oldest first.</summary>
    public IReadOnlyList<PlaygroundBotEntry> PrivateMessages(string roomId, string recipientName) =>
        rooms.Find(roomId)?.Snapshot().PrivateMessages.Where(m => PlaygroundRooms.SameName(m.Recipient, recipientName)).ToList() ?? [];

    /// <summary>
    /// Parents are <c>ChatUser(name, name)</c>; alert contacts are <c>contact:name</c> with the name as
    /// display name. Either way the display name is the panel the message belongs in.
    /// </summary>
    internal static string RecipientName(ChatUser recipient)
    {
        if (!string.IsNullOrWhiteSpace(recipient.DisplayName))
        {
            return recipient.DisplayName.Trim();
        }

        return recipient.IsContact ? recipient.Id[ChatUser.ContactIdPrefix.Length..].Trim() : recipient.Id.Trim();
    }

    private PlaygroundRoom? FindRoom(ConversationRef conversation)
    {
        if (conversation.Platform != Platform.Playground)
        {
            logger.SendRefused("conversation is not a playground room", conversation.ConversationId);
            return null;
        }

        var room = rooms.Find(conversation.ConversationId);
        if (room is null)
        {
            logger.SendRefused("unknown playground room", conversation.ConversationId);
        }

        return room;
    }
}
