using System.Globalization;
using System.Text.Json.Nodes;
using KlassenouderBot.IntegrationTests.Teams.Fakes;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary>
/// Activities shaped as Teams sends them (Bot Framework Activity JSON, channelId msteams), pointing the
/// bot back at the fake connector through <c>serviceUrl</c>.
/// </summary>
internal sealed class TeamsActivities(string serviceUrl)
{
    public string ServiceUrl { get; } = serviceUrl;

    public static string NewId() => $"17{Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture)}";

    public static JsonObject GroupChat(string conversationId = TeamsTestData.GroupChatId) => new()
    {
        ["id"] = conversationId,
        ["conversationType"] = "groupChat",
        ["isGroup"] = true,
        ["tenantId"] = TeamsTestData.TenantId,
    };

    public static JsonObject PersonalChat(string conversationId) => new()
    {
        ["id"] = conversationId,
        ["conversationType"] = "personal",
        ["tenantId"] = TeamsTestData.TenantId,
    };

    /// <summary>A plain-text message in a group chat (by default the groep 5 chat).</summary>
    public JsonObject GroupMessage(
        TeamsMember from,
        string text,
        string? id = null,
        DateTimeOffset? timestamp = null,
        string conversationId = TeamsTestData.GroupChatId) =>
        Message(from.ToChannelAccount(), GroupChat(conversationId), text, id, timestamp);

    /// <summary>A message from any account (a bot, the bot itself) in the groep 5 chat.</summary>
    public JsonObject MessageFrom(JsonObject from, string text) =>
        Message(from, GroupChat(), text, null, null);

    /// <summary>Teams' edit notification: the same id, the new text, <c>channelData.eventType</c> editMessage.</summary>
    public JsonObject MessageEdit(TeamsMember from, string id, string newText, DateTimeOffset? timestamp = null)
    {
        var activity = GroupMessage(from, newText, id, timestamp);
        activity["type"] = "messageUpdate";
        activity["channelData"]!["eventType"] = "editMessage";
        return activity;
    }

    /// <summary>"@KlassenouderBot {text}": the mention markup in the text and a mention entity for the bot.</summary>
    public JsonObject MentionOfTheBot(TeamsMember from, string text)
    {
        const string Mention = $"<at>{TeamsTestData.BotName}</at>";
        var activity = GroupMessage(from, $"{Mention} {text}");
        activity["entities"]!.AsArray().Insert(0, new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = TeamsTestData.BotId, ["name"] = TeamsTestData.BotName },
            ["text"] = Mention,
        });
        return activity;
    }

    /// <summary>The app was added to a group chat.</summary>
    public JsonObject InstallationAdd(TeamsMember installer, string conversationId = TeamsTestData.GroupChatId)
    {
        var activity = Base("installationUpdate", installer.ToChannelAccount(), GroupChat(conversationId), null, null);
        activity["action"] = "add";
        activity["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
        return activity;
    }

    /// <summary>The conversationUpdate Teams sends alongside <see cref="InstallationAdd"/>: the bot joined.</summary>
    public JsonObject BotAdded(TeamsMember installer, string conversationId = TeamsTestData.GroupChatId)
    {
        var activity = Base("conversationUpdate", installer.ToChannelAccount(), GroupChat(conversationId), null, null);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsTestData.BotId });
        return activity;
    }

    /// <summary>
    /// A Universal Action (<c>Action.Execute</c>) on a card the bot sent into a personal chat:
    /// invoke <c>adaptiveCard/action</c>. <paramref name="action"/> null leaves <c>value.action</c> out.
    /// </summary>
    public JsonObject CardAction(TeamsMember from, string personalConversationId, string? replyToId, JsonObject? action)
    {
        var value = new JsonObject { ["trigger"] = "manual" };
        if (action is not null)
        {
            value["action"] = action;
        }

        return Invoke(from, "adaptiveCard/action", value, personalConversationId, replyToId);
    }

    /// <summary>The <c>value.action</c> Teams sends for an <c>Action.Execute</c>: its type, id, verb and data.</summary>
    public static JsonObject ExecuteAction(string verb, JsonNode? data, string? id = null) => new()
    {
        ["type"] = "Action.Execute",
        ["id"] = id ?? verb,
        ["verb"] = verb,
        ["data"] = data?.DeepClone() ?? new JsonObject(),
    };

    public JsonObject Invoke(TeamsMember from, string name, JsonNode? value, string personalConversationId, string? replyToId = null)
    {
        var activity = Base("invoke", from.ToChannelAccount(), PersonalChat(personalConversationId), null, null);
        activity["name"] = name;
        activity["value"] = value?.DeepClone();
        activity["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return activity;
    }

    /// <summary>
    /// The legacy <c>Action.Submit</c> fallback as Teams delivers it: a message with empty text and the
    /// action's data as <c>value</c>, replying to the card's activity.
    /// </summary>
    public JsonObject CardSubmit(TeamsMember from, string personalConversationId, string replyToId, JsonObject value)
    {
        var activity = Message(from.ToChannelAccount(), PersonalChat(personalConversationId), "", null, null);
        activity["value"] = value.DeepClone();
        activity["replyToId"] = replyToId;
        return activity;
    }

    private JsonObject Message(JsonObject from, JsonObject conversation, string text, string? id, DateTimeOffset? timestamp)
    {
        var activity = Base("message", from, conversation, id, timestamp);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["attachments"] = new JsonArray();
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "clientInfo",
            ["locale"] = "nl-NL",
            ["country"] = "NL",
            ["platform"] = "Web",
            ["timezone"] = "Europe/Amsterdam",
        });
        return activity;
    }

    private JsonObject Base(string type, JsonObject from, JsonObject conversation, string? id, DateTimeOffset? timestamp)
    {
        var time = timestamp ?? TeamsTestData.Afternoon();
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? NewId(),
            ["timestamp"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["localTimestamp"] = time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["localTimezone"] = "Europe/Amsterdam",
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = from,
            ["conversation"] = conversation,
            ["recipient"] = new JsonObject { ["id"] = TeamsTestData.BotId, ["name"] = TeamsTestData.BotName },
            ["locale"] = "nl-NL",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsTestData.TenantId } },
        };
    }
}
