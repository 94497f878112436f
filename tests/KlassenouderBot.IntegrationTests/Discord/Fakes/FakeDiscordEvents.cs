using System.Globalization;
using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>
/// Builds the <c>d</c> of the dispatches a test sends through <see cref="FakeDiscord.DispatchAsync"/>, in the shapes
/// Discord sends: snowflakes as strings, guild messages with a partial <c>member</c>, ISO-8601 timestamps.
/// </summary>
internal static class FakeDiscordEvents
{
    /// <summary>The bot user as READY, message authors and the REST answers show it.</summary>
    public static JsonObject BotUser() => User(FakeDiscord.BotUserId, "KlassenouderBot", globalName: null, bot: true);

    /// <summary>A user object; <c>bot</c> is only present when true, as Discord omits it for people.</summary>
    public static JsonObject User(string id, string username, string? globalName = null, bool bot = false)
    {
        var user = new JsonObject
        {
            ["id"] = id,
            ["username"] = username,
            ["global_name"] = globalName,
            ["avatar"] = null,
            ["discriminator"] = "0",
            ["public_flags"] = 0,
        };
        if (bot)
        {
            user["bot"] = true;
        }

        return user;
    }

    /// <summary>Discord's timestamp format, e.g. <c>2025-09-10T08:00:00.000000+00:00</c>.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>Now, in Discord's timestamp format.</summary>
    public static string Now() => Timestamp(TimeProvider.System.GetUtcNow());

    /// <summary>
    /// A MESSAGE_CREATE. With <paramref name="referencedMessageAuthorId"/> it is a reply (type 19) to a message by that
    /// user (id <paramref name="referencedMessageId"/>, or one less than <paramref name="id"/>). Without
    /// <paramref name="guildId"/> it is a DM: no <c>guild_id</c>, no <c>member</c>.
    /// </summary>
    public static JsonObject Message(
        string id,
        string channelId,
        string? guildId,
        string authorId,
        string username,
        string content,
        bool authorIsBot = false,
        string? globalName = null,
        IEnumerable<string>? mentionUserIds = null,
        string? referencedMessageAuthorId = null,
        string? referencedMessageId = null)
    {
        var message = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["author"] = User(authorId, username, globalName, authorIsBot),
            ["content"] = content,
            ["timestamp"] = Now(),
            ["edited_timestamp"] = null,
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray([.. (mentionUserIds ?? []).Select(m => (JsonNode)Mention(m, guildId))]),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["embeds"] = new JsonArray(),
            ["components"] = new JsonArray(),
            ["pinned"] = false,
            ["type"] = referencedMessageAuthorId is null ? 0 : 19,
            ["flags"] = 0,
        };
        if (guildId is not null)
        {
            message["guild_id"] = guildId;
            message["member"] = Member(null);
            message["channel_type"] = 0;
        }
        else
        {
            message["channel_type"] = 1;
        }

        if (referencedMessageAuthorId is not null)
        {
            var referencedId = referencedMessageId ?? PreviousSnowflake(id);
            var reference = new JsonObject { ["type"] = 0, ["message_id"] = referencedId, ["channel_id"] = channelId };
            if (guildId is not null)
            {
                reference["guild_id"] = guildId;
            }

            message["message_reference"] = reference;
            message["referenced_message"] = ReferencedMessage(referencedId, channelId, referencedMessageAuthorId);
        }

        return message;
    }

    /// <summary>A MESSAGE_UPDATE: the whole edited message, as Discord sends it today, with <c>edited_timestamp</c> set.</summary>
    public static JsonObject MessageUpdate(
        string id,
        string channelId,
        string? guildId,
        string authorId,
        string username,
        string content,
        bool authorIsBot = false,
        string? globalName = null,
        IEnumerable<string>? mentionUserIds = null)
    {
        var message = Message(id, channelId, guildId, authorId, username, content, authorIsBot, globalName, mentionUserIds);
        message["edited_timestamp"] = Now();
        return message;
    }

    /// <summary>A MESSAGE_DELETE.</summary>
    public static JsonObject MessageDelete(string id, string channelId, string? guildId)
    {
        var deleted = new JsonObject { ["id"] = id, ["channel_id"] = channelId };
        if (guildId is not null)
        {
            deleted["guild_id"] = guildId;
        }

        return deleted;
    }

    /// <summary>An INTERACTION_CREATE for a click on a button (type 3, component type 2) on the bot's message <paramref name="messageId"/>.</summary>
    public static JsonObject ButtonInteraction(string interactionId, string token, string customId, string userId, string username, string? guildId, string channelId, string messageId)
    {
        var interaction = Interaction(interactionId, token, 3, userId, username, guildId, channelId, permissions: "0");
        interaction["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        interaction["message"] = new JsonObject
        {
            ["id"] = messageId,
            ["channel_id"] = channelId,
            ["author"] = BotUser(),
            ["content"] = "",
            ["timestamp"] = Now(),
            ["edited_timestamp"] = null,
            ["type"] = 0,
            ["flags"] = 0,
            ["mentions"] = new JsonArray(),
            ["embeds"] = new JsonArray(),
            ["components"] = new JsonArray(),
        };
        return interaction;
    }

    /// <summary>
    /// An INTERACTION_CREATE for a chat-input command (type 2) with string options; <paramref name="permissions"/> is
    /// the invoking member's permission bitfield, e.g. <c>"8"</c> for ADMINISTRATOR.
    /// </summary>
    public static JsonObject SlashCommand(string interactionId, string token, string name, IReadOnlyDictionary<string, string> stringOptions, string userId, string username, string? guildId, string channelId, string permissions)
    {
        var interaction = Interaction(interactionId, token, 2, userId, username, guildId, channelId, permissions);
        var data = new JsonObject
        {
            ["id"] = CommandId(name),
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray([.. stringOptions.Select(o => (JsonNode)new JsonObject { ["name"] = o.Key, ["type"] = 3, ["value"] = o.Value })]),
        };
        if (guildId is not null)
        {
            data["guild_id"] = guildId;
        }

        interaction["data"] = data;
        return interaction;
    }

    private static JsonObject Interaction(string interactionId, string token, int type, string userId, string username, string? guildId, string channelId, string permissions)
    {
        var interaction = new JsonObject
        {
            ["id"] = interactionId,
            ["application_id"] = FakeDiscord.ApplicationId,
            ["type"] = type,
            ["channel_id"] = channelId,
            ["channel"] = new JsonObject { ["id"] = channelId, ["type"] = guildId is null ? 1 : 0 },
            ["token"] = token,
            ["version"] = 1,
            ["app_permissions"] = "2251799813685247",
            ["locale"] = "nl",
            ["entitlements"] = new JsonArray(),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = guildId ?? userId },
            ["context"] = guildId is null ? 1 : 0,
            ["attachment_size_limit"] = 10 * 1024 * 1024,
        };
        if (guildId is not null)
        {
            // In a guild the clicking user comes as member.user, with the member's permissions; in a DM as user.
            var member = Member(permissions);
            member["user"] = User(userId, username);
            interaction["guild_id"] = guildId;
            interaction["guild_locale"] = "nl";
            interaction["member"] = member;
        }
        else
        {
            interaction["user"] = User(userId, username);
        }

        return interaction;
    }

    private static JsonObject Member(string? permissions)
    {
        var member = new JsonObject
        {
            ["roles"] = new JsonArray(),
            ["nick"] = null,
            ["joined_at"] = "2025-09-01T08:00:00.000000+00:00",
            ["deaf"] = false,
            ["mute"] = false,
            ["flags"] = 0,
            ["pending"] = false,
        };
        if (permissions is not null)
        {
            member["permissions"] = permissions;
        }

        return member;
    }

    private static JsonObject Mention(string userId, string? guildId)
    {
        var isBot = userId == FakeDiscord.BotUserId;
        var user = isBot ? BotUser() : User(userId, $"user-{userId}");
        if (guildId is not null)
        {
            user["member"] = Member(null);
        }

        return user;
    }

    private static JsonObject ReferencedMessage(string id, string channelId, string authorId) => new()
    {
        ["id"] = id,
        ["channel_id"] = channelId,
        ["author"] = authorId == FakeDiscord.BotUserId ? BotUser() : User(authorId, $"user-{authorId}"),
        ["content"] = "",
        ["timestamp"] = Now(),
        ["edited_timestamp"] = null,
        ["type"] = 0,
        ["flags"] = 0,
        ["mentions"] = new JsonArray(),
        ["embeds"] = new JsonArray(),
        ["components"] = new JsonArray(),
    };

    private static string PreviousSnowflake(string id) =>
        ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? (value - 1).ToString(CultureInfo.InvariantCulture)
            : "1";

    /// <summary>A stable command id per name, so repeated invocations of one command carry the same <c>data.id</c>.</summary>
    internal static string CommandId(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (1150000000000000000UL + (hash % 10_000_000_000_000_000UL)).ToString(CultureInfo.InvariantCulture);
    }
}
