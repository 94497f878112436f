using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>
/// A bare <see cref="ClientWebSocket"/> speaking just enough of the gateway to test <see cref="FakeDiscord"/> by
/// itself, without the product's client: every payload is written and read by hand.
/// </summary>
internal sealed class RawGatewayClient : IAsyncDisposable
{
    public static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>GUILDS | GUILD_MESSAGES | GUILD_MESSAGE_REACTIONS | DIRECT_MESSAGES | MESSAGE_CONTENT: what the bot asks for.</summary>
    public const long BotIntents = 38401;

    private readonly ClientWebSocket _socket = new();

    private RawGatewayClient()
    {
    }

    public WebSocketState State => _socket.State;

    /// <summary>READY's <c>d</c>, after <see cref="ConnectAndIdentifyAsync"/>.</summary>
    public JsonNode? Ready { get; private set; }

    /// <summary>The close code the server sent, once its close frame was read.</summary>
    public int? CloseStatus => _socket.CloseStatus is { } status ? (int)status : null;

    public static async Task<RawGatewayClient> ConnectAsync(string url, string query = "?v=10&encoding=json")
    {
        var client = new RawGatewayClient();
        await client._socket.ConnectAsync(new Uri(url + query), CancellationToken.None);
        return client;
    }

    /// <summary>Connects to the fake's gateway URL, reads Hello, identifies, and reads READY (kept in <see cref="Ready"/>) and the GUILD_CREATEs.</summary>
    public static async Task<RawGatewayClient> ConnectAndIdentifyAsync(FakeDiscord fake)
    {
        var client = await ConnectAsync(fake.GatewayUrl);
        await client.ReceivePayloadAsync();
        await client.SendAsync(Identify());
        client.Ready = (await client.ReceivePayloadAsync())["d"];
        for (var i = 0; i < fake.Options.Guilds.Count; i++)
        {
            await client.ReceivePayloadAsync();
        }

        return client;
    }

    public static JsonObject Identify(string token = FakeDiscord.Token, long intents = BotIntents, JsonArray? shard = null)
    {
        var data = new JsonObject
        {
            ["token"] = token,
            ["intents"] = intents,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "raw-test", ["device"] = "raw-test" },
        };
        if (shard is not null)
        {
            data["shard"] = shard;
        }

        return new JsonObject { ["op"] = 2, ["d"] = data };
    }

    public static JsonObject Resume(string sessionId, long seq, string token = FakeDiscord.Token) =>
        new() { ["op"] = 6, ["d"] = new JsonObject { ["token"] = token, ["session_id"] = sessionId, ["seq"] = seq } };

    public static JsonObject Heartbeat(long? seq) => new() { ["op"] = 1, ["d"] = seq };

    public Task SendAsync(JsonObject payload) => SendAsync(payload.ToJsonString());

    public async Task SendAsync(string text) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>Sends <paramref name="text"/> as one message split into frames of <paramref name="frameSize"/> bytes.</summary>
    public async Task SendFramesAsync(string text, int frameSize)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var offset = 0; offset < bytes.Length; offset += frameSize)
        {
            var count = Math.Min(frameSize, bytes.Length - offset);
            await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count == bytes.Length, CancellationToken.None);
        }
    }

    /// <summary>Reads one whole message, however many frames carried it; a close frame comes back as <see cref="WebSocketMessageType.Close"/>.</summary>
    public async Task<RawMessage> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? ReceiveTimeout, TimeProvider.System);
        using var message = new MemoryStream();
        // Larger than any frame the fake writes, so each read returns at most one frame and reads count frames.
        var buffer = new byte[64 * 1024];
        var reads = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancel.Token);
            reads++;
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return new RawMessage(result.MessageType, message.ToArray(), reads);
    }

    /// <summary>Reads one message and parses it as a payload; fails on a close frame.</summary>
    public async Task<JsonNode> ReceivePayloadAsync(TimeSpan? timeout = null)
    {
        var message = await ReceiveAsync(timeout);
        if (message.Type == WebSocketMessageType.Close)
        {
            throw new InvalidOperationException($"Expected a payload, got close {CloseStatus} '{_socket.CloseStatusDescription}'.");
        }

        return JsonNode.Parse(message.Text)!;
    }

    /// <summary>Reads (skipping payloads) until the server's close frame, answers it, and returns its code.</summary>
    public async Task<int?> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        while ((await ReceiveAsync(timeout)).Type != WebSocketMessageType.Close)
        {
        }

        await _socket.CloseOutputAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return CloseStatus;
    }

    /// <summary>Starts the close handshake with <paramref name="code"/> and waits for the server's answer.</summary>
    public Task CloseAsync(int code) => _socket.CloseAsync((WebSocketCloseStatus)code, "test", CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>One message as the client read it: its type, bytes, and how many reads it took (at least one per WebSocket frame).</summary>
internal sealed record RawMessage(WebSocketMessageType Type, byte[] Bytes, int Reads)
{
    public string Text => Encoding.UTF8.GetString(Bytes);
}
