using System.Text.Json;
using System.Text.Json.Serialization;

namespace KlassenouderBot.Playground;

// The playground API's wire shapes. Requests take strings so that a wrong value gets a message that
// says what to fix, rather than a converter's exception text.

public sealed record PostMessageRequest(string? Room, string? Author, string? Text, string? Time);

public sealed record LinkRoomRequest(string? Groep);

/// <summary>Everything the page shows for one room.</summary>
public sealed record PlaygroundState(
    string Room,
    IReadOnlyList<string> Rooms,
    string? Groep,
    IReadOnlyList<string> Groepen,
    string? School,
    string? ClassParent,
    IReadOnlyList<PlaygroundParticipant> Participants,
    IReadOnlyList<PlaygroundChatLine> Messages,
    IReadOnlyList<PlaygroundBotLine> BotMessages,
    IReadOnlyList<PlaygroundInbox> PrivateMessages,
    IReadOnlyList<PlaygroundPrivateLine> Alerts,
    string? EscalationLevel);

public sealed record PlaygroundChatLine(long Seq, string Id, string Author, string Text, DateTimeOffset Time);

public sealed record PlaygroundBotLine(long Seq, string Kind, string Text, DateTimeOffset Time);

/// <summary>One person's private chat with the bot.</summary>
public sealed record PlaygroundInbox(string Name, string Role, IReadOnlyList<PlaygroundPrivateLine> Messages);

public sealed record PlaygroundPrivateLine(long Seq, string Kind, string To, string Text, DateTimeOffset Time, string? AlertId);

/// <summary>An RFC 9457 problem, serialised by the playground's own context.</summary>
public sealed record PlaygroundProblem(string Title, int Status, string Detail)
{
    public string Type { get; init; } = "about:blank";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(LinkRoomRequest))]
[JsonSerializable(typeof(PlaygroundState))]
[JsonSerializable(typeof(PlaygroundProblem))]
internal sealed partial class PlaygroundJsonContext : JsonSerializerContext;
