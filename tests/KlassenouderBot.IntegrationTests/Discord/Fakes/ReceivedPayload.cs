using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>
/// One payload a client sent. <paramref name="Op"/> is -1 when the text was not a JSON object with a numeric <c>op</c>;
/// <paramref name="Data"/> is the <c>d</c> field (for a heartbeat: the sequence number the client acknowledged).
/// </summary>
internal sealed record ReceivedPayload(GatewayConnection Connection, int Op, JsonNode? Data, string RawJson, DateTimeOffset At)
{
    public override string ToString() => $"op {Op}: {(RawJson.Length > 200 ? RawJson[..200] + "…" : RawJson)}";
}

/// <summary>One Resume attempt: the session and <c>seq</c> the client asked for, and whether the fake resumed it.</summary>
internal sealed record ResumeRecord(string SessionId, long Seq, bool Accepted);
