using System.Text.Json;

namespace KlassenouderBot.Platforms.Teams;

/// <summary>Reads the few Teams <c>channelData</c> fields the bot needs, without a full schema.</summary>
internal static class TeamsChannelData
{
    public static string? TenantId(Activity activity) => Read(activity, "tenant", "id");

    public static string? ChannelName(Activity activity) => Read(activity, "channel", "name") ?? Read(activity, "team", "name");

    public static string? EventType(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("eventType", out var eventType)
        && eventType.ValueKind == JsonValueKind.String
            ? eventType.GetString()
            : null;

    /// <summary>The channel data that makes a 1:1 conversation land in the right tenant.</summary>
    public static JsonElement ForTenant(string tenantId)
    {
        var data = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = tenantId } };
        using var document = JsonDocument.Parse(data.ToJsonString());
        return document.RootElement.Clone();
    }

    private static string? Read(Activity activity, string objectName, string property) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(objectName, out var inner)
        && inner.ValueKind == JsonValueKind.Object
        && inner.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
