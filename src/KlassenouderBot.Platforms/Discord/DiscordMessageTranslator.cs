using System.Text.RegularExpressions;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>
/// MESSAGE_CREATE / MESSAGE_UPDATE to the platform-neutral <see cref="ChatMessage"/>: the bot's own mention
/// removed (and noted as addressing the bot), other mentions turned into the names people see, custom
/// emoji into their names. Messages from bots, webhooks and the system, and updates that did not change
/// the text (Discord sends one when a link preview loads), give null.
/// </summary>
internal static partial class DiscordMessageTranslator
{
    /// <summary>DEFAULT and REPLY: the message types people write.</summary>
    private static readonly HashSet<int> PersonMessageTypes = [0, 19];

    public static ChatMessage? ToChatMessage(DiscordMessage message, DiscordDirectory directory, bool isUpdate, DateTimeOffset now)
    {
        if (message is not { Id: { Length: > 0 } id, ChannelId: { Length: > 0 } channelId, Author.Id: { Length: > 0 } authorId, Content: { } content }
            || message.Author.Bot == true
            || message.Author.System == true
            || message.WebhookId is not null
            || authorId == directory.BotUserId
            || (message.Type is { } type && !PersonMessageTypes.Contains(type))
            || (isUpdate && message.EditedTimestamp is null))
        {
            return null;
        }

        var botId = directory.BotUserId;
        var mentionsBot = botId is not null && (message.Mentions?.Any(m => m.Id == botId) == true || content.Contains($"<@{botId}>", StringComparison.Ordinal));
        var repliesToBot = botId is not null && message.ReferencedMessage?.Author?.Id == botId;
        var isPrivate = message.GuildId is null;
        var mentions = (message.Mentions ?? [])
            .Where(m => m.Id is { Length: > 0 } && m.Id != botId)
            .Select(m => new ChatUser(m.Id!, DisplayName(m.Member?.Nick, m.GlobalName, m.Username), m.Bot == true))
            .ToList();

        return new ChatMessage
        {
            Id = id,
            Conversation = Conversation(channelId, message.GuildId, directory),
            Author = new ChatUser(authorId, DisplayName(message.Member?.Nick, message.Author.GlobalName, message.Author.Username)),
            Text = Clean(content, botId, mentions, directory),
            Timestamp = (isUpdate ? message.EditedTimestamp : message.Timestamp) ?? now,
            Mentions = mentions,
            AddressesBot = mentionsBot || repliesToBot || isPrivate,
            ReplyToId = message.MessageReference?.MessageId,
            IsEdit = isUpdate,
            IsPrivate = isPrivate,
        };
    }

    /// <summary>The conversation a channel belongs to: a thread counts towards its parent channel.</summary>
    public static ConversationRef Conversation(string channelId, string? guildId, DiscordDirectory directory)
    {
        var conversationChannel = guildId is null ? channelId : directory.ConversationChannel(channelId);
        return new ConversationRef(Platform.Discord, conversationChannel)
        {
            GuildId = guildId,
            Bot = directory.BotUserId is { } botId ? new ChatUser(botId, directory.BotName ?? "KlassenouderBot", IsBot: true) : null,
            Title = directory.ChannelName(conversationChannel) is { } name ? $"#{name}" : null,
        };
    }

    /// <summary>What other members see: server nickname, then display name, then username.</summary>
    public static string DisplayName(string? nick, string? globalName, string? username) =>
        nick is { Length: > 0 } ? nick : globalName is { Length: > 0 } ? globalName : username ?? "";

    private static string Clean(string content, string? botId, IReadOnlyList<ChatUser> mentions, DiscordDirectory directory)
    {
        var text = UserMention().Replace(content, match =>
        {
            var userId = match.Groups["id"].Value;
            return userId == botId ? "" : mentions.FirstOrDefault(m => m.Id == userId)?.DisplayName ?? "";
        });
        text = RoleMention().Replace(text, "");
        text = ChannelMention().Replace(text, match => directory.ChannelName(match.Groups["id"].Value) is { } name ? $"#{name}" : "");
        text = CustomEmoji().Replace(text, match => $":{match.Groups["name"].Value}:");
        return WhiteSpace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"<@!?(?<id>\d+)>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<@&\d+>")]
    private static partial Regex RoleMention();

    [GeneratedRegex(@"<#(?<id>\d+)>")]
    private static partial Regex ChannelMention();

    [GeneratedRegex(@"<a?:(?<name>\w+):\d+>")]
    private static partial Regex CustomEmoji();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex WhiteSpace();
}
