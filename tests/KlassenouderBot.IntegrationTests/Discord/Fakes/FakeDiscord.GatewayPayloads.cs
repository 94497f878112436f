using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>The gateway's payloads: READY, GUILD_CREATE, the envelopes, and reading what clients send.</summary>
internal sealed partial class FakeDiscord
{
    private JsonObject ReadyData(GatewaySession session, IEnumerable<FakeGuild> guilds, (int Id, int Count)? shard)
    {
        var user = FakeDiscordEvents.BotUser();
        user["verified"] = true;
        user["mfa_enabled"] = false;
        user["flags"] = 0;
        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = user,
            ["guilds"] = new JsonArray([.. guilds.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["unavailable"] = true })]),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = ResumeGatewayUrl,
            ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
            ["private_channels"] = new JsonArray(),
        };
        if (shard is { } s)
        {
            ready["shard"] = new JsonArray(s.Id, s.Count);
        }

        return ready;
    }

    private static JsonObject GuildCreateData(FakeGuild guild)
    {
        var channels = guild.Channels.Select(c =>
        {
            var channel = new JsonObject { ["id"] = c.Id, ["name"] = c.Name, ["type"] = c.Type, ["guild_id"] = guild.Id, ["position"] = 0 };
            if (c.ParentId is not null)
            {
                channel["parent_id"] = c.ParentId;
            }

            return (JsonNode)channel;
        });
        return new JsonObject
        {
            ["id"] = guild.Id,
            ["name"] = guild.Name,
            ["unavailable"] = false,
            ["owner_id"] = "1300000000000000999",
            ["channels"] = new JsonArray([.. channels]),
            ["threads"] = new JsonArray(),
            ["members"] = new JsonArray(),
            ["roles"] = new JsonArray(),
            ["presences"] = new JsonArray(),
            ["voice_states"] = new JsonArray(),
            ["joined_at"] = "2025-09-01T08:00:00.000000+00:00",
            ["large"] = false,
            ["member_count"] = 2,
            ["system_channel_id"] = guild.SystemChannelId,
            ["preferred_locale"] = "nl",
        };
    }

    private string OversizedMessageJson(long sequence, int bytes)
    {
        var guild = DefaultGuild;
        var message = FakeDiscordEvents.Message(NewSnowflake(), DefaultChannelId, guild.Id, "1300000000000000200", "ouder1", "");
        var shortest = Encoding.UTF8.GetByteCount(DispatchJson("MESSAGE_CREATE", sequence, Serialize(message)));
        if (bytes < shortest)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, $"A MESSAGE_CREATE needs at least {shortest} bytes.");
        }

        // ASCII padding: one character is one byte and needs no escaping, so the length comes out exact.
        message["content"] = new string('x', bytes - shortest);
        return DispatchJson("MESSAGE_CREATE", sequence, Serialize(message));
    }

    private static string DispatchJson(string eventName, long sequence, string dataJson) =>
        $$"""{"t":{{Serialize(JsonValue.Create(eventName))}},"s":{{sequence.ToString(CultureInfo.InvariantCulture)}},"op":0,"d":{{dataJson}}}""";

    private static string Envelope(int op, JsonNode? data) =>
        $$"""{"t":null,"s":null,"op":{{op.ToString(CultureInfo.InvariantCulture)}},"d":{{Serialize(data)}}}""";

    private static string Envelope(int op, bool data) => Envelope(op, JsonValue.Create(data));

    private static (int Op, JsonNode? Data) ParseEnvelope(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject envelope && envelope["op"] is JsonValue op && op.TryGetValue<int>(out var code)
                ? (code, envelope["d"])
                : (-1, null);
        }
        catch (JsonException)
        {
            return (-1, null);
        }
    }

    private static long? LongAt(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    private static (int Id, int Count)? ShardAt(JsonNode node) =>
        node is JsonArray { Count: 2 } pair && LongAt(pair[0]) is { } id && LongAt(pair[1]) is { } count && count >= 1 && id >= 0 && id < count && count <= int.MaxValue
            ? ((int)id, (int)count)
            : null;

    /// <summary>Discord's routing: <c>shard_id = (guild_id &gt;&gt; 22) % num_shards</c>.</summary>
    private static int ShardOf(string guildId, int shardCount) =>
        (int)((ulong.Parse(guildId, CultureInfo.InvariantCulture) >> 22) % (ulong)shardCount);
}
