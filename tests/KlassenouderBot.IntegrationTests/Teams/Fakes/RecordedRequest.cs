using System.Text.Json;
using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Teams.Fakes;

/// <summary>The Bot Connector v3 operations the fake answers.</summary>
internal enum ConnectorOperation
{
    Unknown,
    CreateConversation,
    SendToConversation,
    ReplyToActivity,
    UpdateActivity,
    DeleteActivity,
    GetPagedMembers,
    GetMembers,
    GetMember,
}

/// <summary>One request the bot made to the fake Bot Connector, and what the fake answered.</summary>
internal sealed record RecordedRequest
{
    public required int Sequence { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Method { get; init; }

    /// <summary>The path with escapes decoded (conversation ids arrive escaped: <c>19%3A…%40thread.v2</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The request target exactly as sent, escapes included.</summary>
    public required string RawTarget { get; init; }

    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public string? Authorization { get; init; }

    public string? BodyText { get; init; }

    /// <summary>The parsed JSON body; null when there was none or it was not JSON.</summary>
    public JsonNode? Body { get; init; }

    public ConnectorOperation Operation { get; init; }

    /// <summary>The decoded <c>{conversationId}</c> of the route.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The <c>{activityId}</c> of the route.</summary>
    public string? ActivityId { get; init; }

    /// <summary>The <c>{userId}</c> of <c>GET …/members/{userId}</c>.</summary>
    public string? MemberId { get; init; }

    public int StatusCode { get; init; }

    /// <summary>The id the fake answered with: the new conversation or activity id.</summary>
    public string? ResponseId { get; init; }

    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>A write of an activity: send, reply or update.</summary>
    public bool IsActivityWrite => Operation is ConnectorOperation.SendToConversation or ConnectorOperation.ReplyToActivity or ConnectorOperation.UpdateActivity;

    /// <summary>Anything that makes the bot say something: creating a conversation or writing an activity.</summary>
    public bool IsSend => IsActivityWrite || Operation == ConnectorOperation.CreateConversation;

    public bool IsRosterRead => Operation is ConnectorOperation.GetPagedMembers or ConnectorOperation.GetMembers or ConnectorOperation.GetMember;

    /// <summary>For <see cref="ConnectorOperation.CreateConversation"/>: <c>members[0].id</c>.</summary>
    public string? FirstMemberId => Operation == ConnectorOperation.CreateConversation ? StringAt(Body?["members"]?[0]?["id"]) : null;

    /// <summary>The activity written, for <see cref="IsActivityWrite"/> requests.</summary>
    public JsonObject? Activity => IsActivityWrite ? Body as JsonObject : null;

    /// <summary>The bearer token, or null when the header is missing or not a bearer.</summary>
    public string? BearerToken =>
        Authorization is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : null;

    public bool IsActivityWriteTo(string conversationId) =>
        IsActivityWrite && string.Equals(ConversationId, conversationId, StringComparison.Ordinal);

    public bool IsCreateConversationWith(string memberId) =>
        Operation == ConnectorOperation.CreateConversation && string.Equals(FirstMemberId, memberId, StringComparison.Ordinal);

    /// <summary>Whether this request concerns <paramref name="memberId"/> at all: a conversation with them, a roster lookup of them, the personal chat the fake made for them, or a body naming them.</summary>
    public bool Concerns(string memberId) =>
        IsCreateConversationWith(memberId)
        || string.Equals(MemberId, memberId, StringComparison.Ordinal)
        || string.Equals(ConversationId, FakeBotConnector.PersonalConversationId(memberId), StringComparison.Ordinal)
        || (BodyText?.Contains(memberId, StringComparison.Ordinal) ?? false);

    public static string? StringAt(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public override string ToString() => $"#{Sequence} {Method} {Path} → {StatusCode}";
}
