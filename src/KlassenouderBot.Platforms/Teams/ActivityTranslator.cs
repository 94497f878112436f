using System.Net;
using System.Text.RegularExpressions;

namespace KlassenouderBot.Platforms.Teams;

/// <summary>
/// Turns Teams activities into the platform-neutral <see cref="ChatMessage"/>: the bot's own
/// <c>&lt;at&gt;</c> mention removed, other mentions reduced to the name, markup reduced to text, channel
/// thread suffixes folded into the channel so a class's channel is one conversation.
/// </summary>
internal static partial class ActivityTranslator
{
    public const string ChannelId = "msteams";

    /// <summary>The conversation the activity belongs to, with what is needed to answer into it later.</summary>
    public static ConversationRef Conversation(Activity activity)
    {
        var conversation = activity.Conversation;
        return new ConversationRef(Platform.Teams, BaseConversationId(conversation?.Id ?? ""))
        {
            ServiceUrl = activity.ServiceUrl,
            TenantId = conversation?.TenantId ?? TeamsChannelData.TenantId(activity),
            Bot = activity.Recipient is { Id: { } botId } recipient ? new ChatUser(botId, recipient.Name ?? "KlassenouderBot", IsBot: true) : null,
            Title = conversation?.Name ?? TeamsChannelData.ChannelName(activity),
        };
    }

    /// <summary>The message as the engine sees it, or null when the activity carries no text to assess.</summary>
    public static ChatMessage? ToChatMessage(Activity activity, DateTimeOffset now, bool isEdit)
    {
        if (activity is not { Id: { Length: > 0 } id, From.Id: { Length: > 0 } authorId, Conversation.Id: { Length: > 0 } })
        {
            return null;
        }

        var botId = activity.Recipient?.Id;
        var (text, botMentioned, mentions) = ReadText(activity.Text ?? "", activity.Entities, botId);
        var isPrivate = string.Equals(activity.Conversation.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
        return new ChatMessage
        {
            Id = id,
            Conversation = Conversation(activity),
            Author = Author(activity.From, authorId),
            Text = text,
            Timestamp = activity.Timestamp ?? now,
            Mentions = mentions,
            AddressesBot = botMentioned || isPrivate,
            ReplyToId = activity.ReplyToId ?? ThreadRootId(activity.Conversation.Id),
            IsEdit = isEdit,
            IsPrivate = isPrivate,
        };
    }

    public static ChatUser Author(ChannelAccount from, string id) =>
        new(id, from.Name ?? "", IsBot: IsBotAccount(from)) { AadObjectId = from.AadObjectId };

    /// <summary>Bots (including this one) have <c>28:</c> ids or say so in their role.</summary>
    public static bool IsBotAccount(ChannelAccount? account) =>
        account is not null
        && (string.Equals(account.Role, "bot", StringComparison.OrdinalIgnoreCase)
            || (account.Id?.StartsWith("28:", StringComparison.Ordinal) ?? false));

    /// <summary>A channel message in a thread arrives as <c>19:…@thread.tacv2;messageid=123</c>.</summary>
    public static string BaseConversationId(string conversationId)
    {
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? conversationId : conversationId[..thread];
    }

    private static string? ThreadRootId(string conversationId)
    {
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? null : conversationId[(thread + ";messageid=".Length)..];
    }

    internal static (string Text, bool BotMentioned, IReadOnlyList<ChatUser> Mentions) ReadText(string raw, IReadOnlyList<Entity>? entities, string? botId)
    {
        var botMentioned = false;
        var mentions = new List<ChatUser>();
        var text = raw;
        foreach (var entity in entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Mentioned?.Id is not { } mentionedId)
            {
                continue;
            }

            var isBot = botId is not null && string.Equals(mentionedId, botId, StringComparison.OrdinalIgnoreCase);
            var name = entity.Mentioned.Name ?? "";
            if (isBot)
            {
                botMentioned = true;
            }
            else
            {
                mentions.Add(new ChatUser(mentionedId, name));
            }

            if (entity.Text is { Length: > 0 } markup)
            {
                text = text.Replace(markup, isBot ? " " : name, StringComparison.Ordinal);
            }
        }

        return (PlainText(text), botMentioned, mentions);
    }

    /// <summary>Teams may send HTML; the engine wants what a parent would read.</summary>
    internal static string PlainText(string text)
    {
        if (text.Contains('<', StringComparison.Ordinal) || text.Contains('&', StringComparison.Ordinal))
        {
            text = LineBreakTags().Replace(text, "\n");
            text = AtTag().Replace(text, "$1");
            text = AnyTag().Replace(text, "");
            text = WebUtility.HtmlDecode(text);
        }

        return WhiteSpaceRuns().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"<\s*(br\s*/?|/p|/div|/li)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTags();

    [GeneratedRegex(@"<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"<[^>]{0,400}>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex WhiteSpaceRuns();
}
