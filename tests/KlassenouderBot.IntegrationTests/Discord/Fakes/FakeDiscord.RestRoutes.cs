using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>The REST routes a bot needs, answered in Discord's shapes and with Discord's error codes. Runs under the fake's lock.</summary>
internal sealed partial class FakeDiscord
{
    private const int MaxContentLength = 2000;
    private static readonly string[] EditableFields = ["content", "embeds", "components", "flags"];

    private readonly Dictionary<string, JsonObject> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _messagesByNonce = new(StringComparer.Ordinal);
    private readonly HashSet<string> _answeredInteractions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _interactionChannels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _originalMessageIds = new(StringComparer.Ordinal);
    private ulong _lastSnowflake;

    private RestAnswer Route(RestCall call) => (call.Method, call.Segments) switch
    {
        ("GET", ["gateway"]) => new(200, new JsonObject { ["url"] = GatewayUrl }),
        ("GET", ["gateway", "bot"]) => new(200, GatewayBot()),
        ("GET", ["applications", "@me"]) => new(200, new JsonObject { ["id"] = ApplicationId, ["name"] = BotUsername, ["bot"] = FakeDiscordEvents.BotUser(), ["flags"] = 0 }),
        ("GET", ["users", "@me"]) => new(200, FakeDiscordEvents.BotUser()),
        ("POST", ["channels", var channel, "messages"]) => CreateMessage(channel, call.Body),
        ("PATCH", ["channels", var channel, "messages", var message]) => EditMessage(channel, message, call.Body),
        ("DELETE", ["channels", _, "messages", var message]) => DeleteMessage(message),
        ("POST", ["users", "@me", "channels"]) => OpenDm(call.Body),
        ("POST", ["interactions", var interaction, _, "callback"]) => AnswerInteraction(interaction, call.Body),
        ("POST", ["webhooks", var app, var token]) => app == ApplicationId ? CreateMessage(InteractionChannel(token), call.Body) : UnknownWebhook(),
        ("PATCH", ["webhooks", var app, var token, "messages", var message]) => app == ApplicationId ? EditMessage(InteractionChannel(token), OriginalId(token, message), call.Body) : UnknownWebhook(),
        ("DELETE", ["webhooks", var app, var token, "messages", var message]) => app == ApplicationId ? DeleteMessage(OriginalId(token, message)) : UnknownWebhook(),
        ("PUT", ["applications", var app, "commands"]) => OverwriteCommands(app, null, call.Body),
        ("PUT", ["applications", var app, "guilds", var guild, "commands"]) => OverwriteCommands(app, guild, call.Body),
        ("GET", ["guilds", var guild, "members", "search"]) => SearchMembers(guild, call.Query),
        _ => NotFound(),
    };

    /// <summary>Remembers where an interaction happened, so its webhook messages land in that channel.</summary>
    private void RememberInteraction(JsonObject interaction)
    {
        if (RestRequest.StringAt(interaction["token"]) is { } token && RestRequest.StringAt(interaction["channel_id"]) is { } channel)
        {
            _interactionChannels[token] = channel;
        }
    }

    private JsonObject GatewayBot() => new()
    {
        ["url"] = GatewayUrl,
        ["shards"] = Options.RecommendedShards,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = 1000,
            ["remaining"] = 999,
            ["reset_after"] = 14_400_000,
            ["max_concurrency"] = Options.MaxConcurrency,
        },
    };

    private RestAnswer CreateMessage(string channelId, JsonNode? body)
    {
        if (body is not JsonObject request)
        {
            return InvalidFormBody("_errors", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
        }

        if (ValidateContent(request) is { } invalid)
        {
            return invalid;
        }

        if (RestRequest.StringAt(request["content"]) is null or "" && IsEmpty(request["embeds"]) && IsEmpty(request["components"]) && IsEmpty(request["sticker_ids"]) && request["poll"] is null)
        {
            return Error(400, 50006, "Cannot send an empty message");
        }

        if (DmClosedUserIds.Any(user => DmChannelIdFor(user) == channelId))
        {
            return Error(403, 50007, "Cannot send messages to this user");
        }

        // With enforce_nonce, a retry carrying the same nonce gets the message the first attempt made.
        var nonceKey = request["nonce"] is JsonValue nonce ? channelId + "\n" + nonce.ToJsonString() : null;
        if (nonceKey is not null && request["enforce_nonce"] is JsonValue enforce && enforce.GetValueKind() == JsonValueKind.True
            && _messagesByNonce.TryGetValue(nonceKey, out var earlier))
        {
            return new RestAnswer(200, earlier.DeepClone());
        }

        var message = NewMessage(NewSnowflake(), channelId, request);
        _messages[RestRequest.StringAt(message["id"])!] = message;
        if (nonceKey is not null)
        {
            _messagesByNonce.TryAdd(nonceKey, message);
        }

        return new RestAnswer(200, message.DeepClone());
    }

    private RestAnswer EditMessage(string channelId, string messageId, JsonNode? body)
    {
        if (body is not JsonObject request)
        {
            return InvalidFormBody("_errors", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
        }

        if (ValidateContent(request) is { } invalid)
        {
            return invalid;
        }

        // An unknown id is edited anyway: the bot may edit messages the test never had the fake create.
        if (!_messages.TryGetValue(messageId, out var message))
        {
            message = NewMessage(messageId, channelId, new JsonObject());
            _messages[messageId] = message;
        }

        foreach (var field in EditableFields)
        {
            if (request.ContainsKey(field))
            {
                message[field] = request[field]?.DeepClone();
            }
        }

        message["edited_timestamp"] = FakeDiscordEvents.Now();
        return new RestAnswer(200, message.DeepClone());
    }

    private RestAnswer DeleteMessage(string messageId)
    {
        _messages.Remove(messageId);
        return new RestAnswer(204, null);
    }

    private RestAnswer OpenDm(JsonNode? body)
    {
        if (RestRequest.StringAt(body?["recipient_id"]) is not { } recipient)
        {
            return InvalidFormBody("recipient_id", "BASE_TYPE_REQUIRED", "This field is required");
        }

        var member = _members.FirstOrDefault(m => m.UserId == recipient);
        return new RestAnswer(200, new JsonObject
        {
            ["id"] = DmChannelIdFor(recipient),
            ["type"] = 1,
            ["last_message_id"] = null,
            ["flags"] = 0,
            ["recipients"] = new JsonArray(FakeDiscordEvents.User(recipient, member?.Username ?? $"user-{recipient}", member?.GlobalName, member?.Bot ?? false)),
        });
    }

    private RestAnswer AnswerInteraction(string interactionId, JsonNode? body)
    {
        if (LongAt(body?["type"]) is null)
        {
            return InvalidFormBody("type", "BASE_TYPE_REQUIRED", "This field is required");
        }

        if (!_answeredInteractions.Add(interactionId))
        {
            return Error(400, 40060, "Interaction has already been acknowledged.");
        }

        return new RestAnswer(204, null);
    }

    private RestAnswer OverwriteCommands(string applicationId, string? guildId, JsonNode? body)
    {
        if (applicationId != ApplicationId)
        {
            return Error(404, 10002, "Unknown Application");
        }

        if (guildId is not null && Options.Guilds.All(g => g.Id != guildId))
        {
            return Error(404, 10004, "Unknown Guild");
        }

        if (body is not JsonArray commands || commands.Any(c => c is not JsonObject || RestRequest.StringAt(c["name"]) is null))
        {
            return InvalidFormBody("_errors", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
        }

        var echoed = commands.Select(c =>
        {
            var command = (JsonObject)c!.DeepClone();
            command["id"] = FakeDiscordEvents.CommandId(RestRequest.StringAt(command["name"])!);
            command["application_id"] = ApplicationId;
            command["version"] = NewSnowflake();
            command["type"] ??= 1;
            if (guildId is not null)
            {
                command["guild_id"] = guildId;
            }

            return (JsonNode)command;
        });
        return new RestAnswer(200, new JsonArray([.. echoed]));
    }

    private RestAnswer SearchMembers(string guildId, IReadOnlyDictionary<string, string> query)
    {
        if (Options.Guilds.All(g => g.Id != guildId))
        {
            return Error(404, 10004, "Unknown Guild");
        }

        if (!query.TryGetValue("query", out var prefix))
        {
            return InvalidFormBody("query", "BASE_TYPE_REQUIRED", "This field is required");
        }

        var limit = query.TryGetValue("limit", out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var asked) ? Math.Clamp(asked, 1, 1000) : 1;
        bool Matches(string? name) => name is not null && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        var found = _members.Where(m => Matches(m.Username) || Matches(m.GlobalName) || Matches(m.Nick)).Take(limit).Select(m => (JsonNode)new JsonObject
        {
            ["user"] = FakeDiscordEvents.User(m.UserId, m.Username, m.GlobalName, m.Bot),
            ["nick"] = m.Nick,
            ["roles"] = new JsonArray(),
            ["joined_at"] = "2025-09-01T08:00:00.000000+00:00",
            ["deaf"] = false,
            ["mute"] = false,
            ["flags"] = 0,
            ["pending"] = false,
        });
        return new RestAnswer(200, new JsonArray([.. found]));
    }

    private static JsonObject NewMessage(string id, string channelId, JsonObject request)
    {
        var message = new JsonObject
        {
            ["id"] = id,
            ["type"] = request["message_reference"] is JsonObject ? 19 : 0,
            ["channel_id"] = channelId,
            ["author"] = FakeDiscordEvents.BotUser(),
            ["content"] = RestRequest.StringAt(request["content"]) ?? "",
            ["timestamp"] = FakeDiscordEvents.Now(),
            ["edited_timestamp"] = null,
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["embeds"] = request["embeds"]?.DeepClone() ?? new JsonArray(),
            ["components"] = request["components"]?.DeepClone() ?? new JsonArray(),
            ["pinned"] = false,
            ["flags"] = request["flags"]?.DeepClone() ?? 0,
        };
        if (request["message_reference"] is JsonObject reference)
        {
            message["message_reference"] = new JsonObject
            {
                ["type"] = 0,
                ["message_id"] = reference["message_id"]?.DeepClone(),
                ["channel_id"] = reference["channel_id"]?.DeepClone() ?? channelId,
            };
        }

        if (request["nonce"] is JsonValue nonce)
        {
            message["nonce"] = nonce.DeepClone();
        }

        return message;
    }

    private static RestAnswer? ValidateContent(JsonObject request) =>
        RestRequest.StringAt(request["content"]) is { Length: > MaxContentLength }
            ? InvalidFormBody("content", "BASE_TYPE_MAX_LENGTH", $"Must be {MaxContentLength} or fewer in length.")
            : null;

    private static RestAnswer InvalidFormBody(string field, string code, string message)
    {
        var errors = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) };
        return new RestAnswer(400, new JsonObject
        {
            ["code"] = 50035,
            ["message"] = "Invalid Form Body",
            ["errors"] = field == "_errors" ? errors : new JsonObject { [field] = errors },
        });
    }

    private static RestAnswer UnknownWebhook() => Error(404, 10015, "Unknown Webhook");

    private static bool IsEmpty(JsonNode? node) => node is not JsonArray { Count: > 0 };

    /// <summary>The channel of the interaction with <paramref name="token"/>, or the first guild channel when the test never dispatched it.</summary>
    private string InteractionChannel(string token) =>
        _interactionChannels.TryGetValue(token, out var channel) ? channel : DefaultChannelId;

    /// <summary><c>@original</c> is the interaction's first response; the fake gives it one stable id per token.</summary>
    private string OriginalId(string token, string messageId)
    {
        if (messageId != "@original")
        {
            return messageId;
        }

        if (!_originalMessageIds.TryGetValue(token, out var id))
        {
            id = NewSnowflake();
            _originalMessageIds[token] = id;
        }

        return id;
    }

    /// <summary>A snowflake from the current time (ms since 2015 shifted left 22 bits), strictly increasing.</summary>
    private string NewSnowflake()
    {
        var sinceDiscordEpoch = (ulong)Math.Max(0, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() - 1_420_070_400_000);
        _lastSnowflake = Math.Max(sinceDiscordEpoch << 22, _lastSnowflake + 1);
        return _lastSnowflake.ToString(CultureInfo.InvariantCulture);
    }
}
