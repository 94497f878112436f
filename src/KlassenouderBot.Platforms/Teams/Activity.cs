using System.Text.Json;
using System.Text.Json.Serialization;

namespace KlassenouderBot.Platforms.Teams;

/// <summary>
/// A Bot Framework activity as it crosses the wire, with only the fields this bot reads or writes.
/// Unknown fields are ignored on the way in and never sent on the way out.
/// </summary>
internal sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? Summary { get; set; }

    public string? ReplyToId { get; set; }

    public string? Name { get; set; }

    public string? Action { get; set; }

    public JsonElement? Value { get; set; }

    public JsonElement? ChannelData { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<Entity>? Entities { get; set; }

    public List<Attachment>? Attachments { get; set; }
}

/// <summary>A user or bot: Teams ids look like <c>29:…</c> for people and <c>28:…</c> for bots.</summary>
internal sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }
}

/// <summary>A Teams member from the roster, with the fields that let the bot recognise a school contact.</summary>
internal sealed class TeamsChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? GivenName { get; set; }

    public string? Surname { get; set; }

    public string? Email { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? AadObjectId { get; set; }

    public string? TenantId { get; set; }
}

internal sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? IsGroup { get; set; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }
}

/// <summary>An entity; the bot reads mentions (<c>type: mention</c>) and ignores the rest.</summary>
internal sealed class Entity
{
    public string? Type { get; set; }

    public ChannelAccount? Mentioned { get; set; }

    public string? Text { get; set; }
}

internal sealed class Attachment
{
    public required string ContentType { get; set; }

    public JsonNodeContent? Content { get; set; }
}

/// <summary>Attachment content is free-form JSON (an Adaptive Card); kept as a raw node.</summary>
[JsonConverter(typeof(JsonNodeContentConverter))]
internal sealed record JsonNodeContent(System.Text.Json.Nodes.JsonNode Node);

internal sealed class JsonNodeContentConverter : JsonConverter<JsonNodeContent>
{
    public override JsonNodeContent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        System.Text.Json.Nodes.JsonNode.Parse(ref reader) is { } node ? new JsonNodeContent(node) : null;

    public override void Write(Utf8JsonWriter writer, JsonNodeContent value, JsonSerializerOptions options) =>
        value.Node.WriteTo(writer);
}

/// <summary>The body of <c>POST /v3/conversations</c>: open a 1:1 chat with a Teams user.</summary>
internal sealed class ConversationParameters
{
    public bool IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public List<ChannelAccount>? Members { get; set; }

    public string? TenantId { get; set; }

    public JsonElement? ChannelData { get; set; }
}

internal sealed class ConversationResourceResponse
{
    public string? Id { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ActivityId { get; set; }
}

internal sealed class ResourceResponse
{
    public string? Id { get; set; }
}

internal sealed class PagedMembersResult
{
    public List<TeamsChannelAccount>? Members { get; set; }

    public string? ContinuationToken { get; set; }
}

internal sealed class ErrorResponse
{
    public ErrorBody? Error { get; set; }
}

internal sealed class ErrorBody
{
    public string? Code { get; set; }

    public string? Message { get; set; }
}

/// <summary>The body of an invoke response (<c>adaptiveCard/action</c>): HTTP status is always 200.</summary>
internal sealed class AdaptiveCardInvokeResponse
{
    public int StatusCode { get; set; }

    public required string Type { get; set; }

    public JsonNodeContent? Value { get; set; }
}
