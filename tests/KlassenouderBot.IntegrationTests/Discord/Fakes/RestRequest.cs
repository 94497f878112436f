using System.Text.Json;
using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>
/// One REST call the bot made, and the status the fake answered. <paramref name="Path"/> is relative to
/// <c>/api/v10</c> (e.g. <c>/channels/123/messages</c>) and without the query; a call outside <c>/api/v10</c> keeps
/// its full path. <paramref name="Headers"/> has case-insensitive keys; <paramref name="Body"/> is null when the body was
/// empty or not JSON.
/// </summary>
internal sealed record RestRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, DateTimeOffset At, int Status)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The <c>Authorization</c> header, or null.</summary>
    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;

    /// <summary>The <c>content</c> of a message body (create, edit, interaction callback <c>data</c>), or null.</summary>
    public string? Content => StringAt(Body?["content"]) ?? StringAt(Body?["data"]?["content"]);

    /// <summary>A create-message call to <paramref name="channelId"/>, whatever it was answered.</summary>
    public bool IsMessagePostTo(string channelId) =>
        Method == "POST" && Path == $"/channels/{channelId}/messages";

    /// <summary>An interaction callback for <paramref name="interactionId"/>.</summary>
    public bool IsInteractionCallback(string interactionId) =>
        Method == "POST" && Path.StartsWith($"/interactions/{interactionId}/", StringComparison.Ordinal) && Path.EndsWith("/callback", StringComparison.Ordinal);

    public static string? StringAt(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public override string ToString() => $"{Method} {Path}{Query} → {Status}";
}
