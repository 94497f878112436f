using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KlassenouderBot.IntegrationTests.Teams;
using KlassenouderBot.IntegrationTests.Teams.Fakes;

namespace KlassenouderBot.LoadTest;

/// <summary>
/// Request bodies for <c>POST /api/messages</c>, shaped by the integration tests' <see cref="TeamsActivities"/>.
/// Building and serialising a JSON tree per request would cost the generator more CPU than the bare
/// endpoint spends on a request, on the same two cores, so the activity is serialised once with markers
/// where the values go, and a body is the pieces and the values copied together.
/// </summary>
internal sealed class ActivityBodies
{
    private const string Mention = $"<at>{TeamsTestData.BotName}</at>";

    // Teams sends UTF-8 text as it is, not as \u escapes.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TeamsActivities _activities;
    private readonly List<byte[]> _pieces = [];
    private readonly List<Slot> _slots = [];
    private long _nextId = Random.Shared.NextInt64(10_000_000_000, 90_000_000_000);

    public ActivityBodies(string serviceUrl)
    {
        _activities = new TeamsActivities(serviceUrl);
        var marked = new TeamsMember(Marker(Slot.FromId), Marker(Slot.FromName), "", "", "", Marker(Slot.FromAad), TeamsTestData.TenantId);
        var activity = _activities.GroupMessage(marked, Marker(Slot.Text), Marker(Slot.Id), TeamsTestData.Afternoon(), Marker(Slot.Conversation));
        activity["timestamp"] = Marker(Slot.Timestamp);
        activity["localTimestamp"] = Marker(Slot.LocalTimestamp);
        Split(activity.ToJsonString(Json));
    }

    /// <summary>Where the values of one message go, in <see cref="Render"/>'s array.</summary>
    public enum Slot
    {
        Id,
        Timestamp,
        LocalTimestamp,
        FromId,
        FromName,
        FromAad,
        Conversation,
        Text,
    }

    /// <summary>A JSON string literal, quotes included, for a value that is used many times.</summary>
    public static byte[] Literal(string value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);

    /// <summary>A new activity id, unique in this run, in the digits-only form Teams uses for chat messages.</summary>
    public string NewId() => "17" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    /// <summary>A message activity: <paramref name="values"/> holds a JSON literal for every <see cref="Slot"/>.</summary>
    public byte[] Render(byte[][] values)
    {
        var length = 0;
        foreach (var piece in _pieces)
        {
            length += piece.Length;
        }

        foreach (var slot in _slots)
        {
            length += values[(int)slot].Length;
        }

        var body = new byte[length];
        var at = 0;
        for (var i = 0; i < _pieces.Count; i++)
        {
            _pieces[i].CopyTo(body, at);
            at += _pieces[i].Length;
            if (i < _slots.Count)
            {
                var value = values[(int)_slots[i]];
                value.CopyTo(body, at);
                at += value.Length;
            }
        }

        return body;
    }

    /// <summary>"@KlassenouderBot help" in a group chat: the mention markup in the text and a mention entity.</summary>
    public byte[] HelpCommand(TeamsMember from, string conversationId, string id, DateTimeOffset timestamp)
    {
        var activity = _activities.GroupMessage(from, $"{Mention} help", id, timestamp, conversationId);
        activity["entities"]!.AsArray().Insert(0, new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = TeamsTestData.BotId, ["name"] = TeamsTestData.BotName },
            ["text"] = Mention,
        });
        return JsonSerializer.SerializeToUtf8Bytes(activity, Json);
    }

    private static string Marker(Slot slot) => $"@@{slot}@@";

    private void Split(string json)
    {
        var rest = json;
        while (true)
        {
            var next = Enum.GetValues<Slot>()
                .Select(slot => (Slot: slot, At: rest.IndexOf($"\"{Marker(slot)}\"", StringComparison.Ordinal)))
                .Where(found => found.At >= 0)
                .OrderBy(found => found.At)
                .FirstOrDefault((Slot: default(Slot), At: -1));
            if (next.At < 0)
            {
                _pieces.Add(Encoding.UTF8.GetBytes(rest));
                break;
            }

            _pieces.Add(Encoding.UTF8.GetBytes(rest[..next.At]));
            _slots.Add(next.Slot);
            rest = rest[(next.At + Marker(next.Slot).Length + 2)..];
        }

        // TeamsActivities changing shape must fail here, not send activities with a value missing.
        if (_slots.Count != Enum.GetValues<Slot>().Length || _slots.Distinct().Count() != _slots.Count)
        {
            throw new InvalidOperationException($"The activity template should hold every value once; found {string.Join(", ", _slots)}.");
        }
    }
}
