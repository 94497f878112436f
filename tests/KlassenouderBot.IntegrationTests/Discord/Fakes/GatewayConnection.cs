using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>
/// One WebSocket the bot opened to the fake gateway: what it sent, how it ended, and the socket mechanics
/// (one writer at a time, message reassembly, the close handshake). The protocol lives in <see cref="FakeDiscord"/>.
/// </summary>
internal sealed class GatewayConnection
{
    /// <summary>How long the fake waits for the client's answering close frame before it drops the connection.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(1);

    // Payloads larger than Discord's limit are still read whole (up to this cap) so the test can see what was sent.
    private const int ReadCapBytes = 1024 * 1024;

    private readonly Lock _gate;
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly Channel<Outbound> _outbox = Channel.CreateUnbounded<Outbound>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ReceivedPayload> _received = [];
    private readonly Queue<long> _recentPayloads = new();
    private int? _clientCloseStatus;
    private int? _serverCloseStatus;
    private bool _isOpen = true;
    private bool _closeQueued;
    private DateTimeOffset? _closedAt;
    private (int Id, int Count)? _shard;
    private long? _intents;

    internal GatewayConnection(Lock gate, WebSocket socket, HttpContext context, DateTimeOffset openedAt)
    {
        _gate = gate;
        _socket = socket;
        _context = context;
        Path = context.Request.Path.Value ?? "";
        Query = context.Request.QueryString.Value ?? "";
        OpenedAt = openedAt;
    }

    /// <summary><c>/gateway</c> or <c>/resume</c>: which URL the client dialled.</summary>
    public string Path { get; }

    /// <summary>The query string as sent, with its leading <c>?</c> (e.g. <c>?v=10&amp;encoding=json</c>).</summary>
    public string Query { get; }

    public DateTimeOffset OpenedAt { get; }

    /// <summary>Every payload the client sent on this socket, in order, heartbeats included.</summary>
    public IReadOnlyList<ReceivedPayload> Received
    {
        get { lock (_gate) { return [.. _received]; } }
    }

    /// <summary>The close code the client sent (also when it only answered the server's close); null when it sent none or dropped the connection.</summary>
    public int? ClientCloseStatus
    {
        get { lock (_gate) { return _clientCloseStatus; } }
    }

    /// <summary>The close code the fake sent on its own initiative; null when it sent none.</summary>
    public int? ServerCloseStatus
    {
        get { lock (_gate) { return _serverCloseStatus; } }
    }

    public bool IsOpen
    {
        get { lock (_gate) { return _isOpen; } }
    }

    public DateTimeOffset? ClosedAt
    {
        get { lock (_gate) { return _closedAt; } }
    }

    /// <summary>The <c>shard</c> of a successful Identify on this socket.</summary>
    public (int Id, int Count)? Shard
    {
        get { lock (_gate) { return _shard; } }
        internal set { lock (_gate) { _shard = value; } }
    }

    /// <summary>The <c>intents</c> of a successful Identify on this socket.</summary>
    public long? Intents
    {
        get { lock (_gate) { return _intents; } }
        internal set { lock (_gate) { _intents = value; } }
    }

    // Protocol state, read and written by FakeDiscord under the shared lock only.
    internal bool IsAuthenticated { get; set; }

    internal string? SessionId { get; set; }

    /// <summary>Completes when the connection has ended; delayed actions on it stop waiting.</summary>
    internal Task Ended => _ended.Task;

    /// <summary>True once the fake decided to close: nothing the client sends afterwards counts.</summary>
    internal bool IsClosing => _closeQueued || !_isOpen;

    public override string ToString()
    {
        lock (_gate)
        {
            var ops = string.Join(",", _received.Select(r => r.Op));
            return $"{Path}{Query} open={_isOpen} clientClose={_clientCloseStatus?.ToString() ?? "-"} serverClose={_serverCloseStatus?.ToString() ?? "-"} received ops=[{ops}]";
        }
    }

    // ---- called by FakeDiscord with the shared lock held, so queue order matches sequence order ----

    internal void Record(ReceivedPayload payload) => _received.Add(payload);

    /// <summary>Counts one client payload; returns how many arrived within the last 60 s.</summary>
    internal int CountPayload(long timestamp)
    {
        _recentPayloads.Enqueue(timestamp);
        while (_recentPayloads.Count > 0 && TimeProvider.System.GetElapsedTime(_recentPayloads.Peek(), timestamp) >= TimeSpan.FromSeconds(60))
        {
            _recentPayloads.Dequeue();
        }

        return _recentPayloads.Count;
    }

    /// <summary>
    /// Queues a text message; <paramref name="frameSize"/> &gt; 0 splits it into frames of that many bytes.
    /// <paramref name="afterSent"/> runs once it is on the wire. The task completes when it is written or dropped.
    /// </summary>
    internal Task Enqueue(string json, int frameSize = 0, Action? afterSent = null)
    {
        if (IsClosing)
        {
            return Task.CompletedTask;
        }

        var item = new TextFrame(json, frameSize, afterSent);
        _outbox.Writer.TryWrite(item);
        return item.Done.Task;
    }

    /// <summary>Queues the server's close frame; later text is dropped. Returns when the frame is written.</summary>
    internal Task EnqueueClose(int code, string reason)
    {
        if (IsClosing)
        {
            return Task.CompletedTask;
        }

        _closeQueued = true;
        var item = new CloseFrame(code, reason, IsReply: false);
        _outbox.Writer.TryWrite(item);
        return item.Done.Task;
    }

    /// <summary>Ends the TCP connection without a close frame, as a network failure would.</summary>
    internal void Abort()
    {
        _closeQueued = true;
        _context.Abort();
        _socket.Abort();
    }

    // ---- the socket loops ----

    /// <summary>Reads client messages until the connection ends; <paramref name="onMessage"/> gets each whole message and its size in bytes.</summary>
    internal async Task RunAsync(Action<GatewayConnection, string, int> onMessage)
    {
        var writer = WriteLoopAsync();
        try
        {
            await ReadLoopAsync(onMessage);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client dropped, or never answered our close frame in time: either way the connection is over.
            _socket.Abort();
        }
        finally
        {
            _outbox.Writer.TryComplete();
            await writer;
            lock (_gate)
            {
                _isOpen = false;
                _closedAt = TimeProvider.System.GetUtcNow();
            }

            _ended.TrySetResult();
        }
    }

    private async Task ReadLoopAsync(Action<GatewayConnection, string, int> onMessage)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            message.SetLength(0);
            var size = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    OnClientClose(result.CloseStatus, result.CloseStatusDescription);
                    return;
                }

                size += result.Count;
                if (message.Length + result.Count <= ReadCapBytes)
                {
                    message.Write(buffer, 0, result.Count);
                }
            }
            while (!result.EndOfMessage);

            onMessage(this, Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), size);
        }
    }

    private void OnClientClose(WebSocketCloseStatus? status, string? description)
    {
        lock (_gate)
        {
            _clientCloseStatus = status is { } code ? (int)code : null;
            if (!_closeQueued)
            {
                // Complete the handshake by echoing the client's code, as RFC 6455 §5.5.1 asks.
                _closeQueued = true;
                _outbox.Writer.TryWrite(new CloseFrame(_clientCloseStatus ?? (int)WebSocketCloseStatus.Empty, description ?? "", IsReply: true));
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        await foreach (var item in _outbox.Reader.ReadAllAsync())
        {
            try
            {
                switch (item)
                {
                    case TextFrame text:
                        await SendTextAsync(text);
                        text.AfterSent?.Invoke();
                        break;

                    case CloseFrame close:
                        await SendCloseAsync(close);
                        break;
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                // The socket is gone; what was queued is simply not delivered (dispatches stay buffered for a resume).
            }
            finally
            {
                item.Done.TrySetResult();
            }
        }
    }

    private async Task SendTextAsync(TextFrame text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Json);
        var frameSize = text.FrameSize > 0 ? text.FrameSize : Math.Max(1, bytes.Length);
        var offset = 0;
        do
        {
            var count = Math.Min(frameSize, bytes.Length - offset);
            await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count == bytes.Length, CancellationToken.None);
            offset += count;
        }
        while (offset < bytes.Length);
    }

    private async Task SendCloseAsync(CloseFrame close)
    {
        if (!close.IsReply)
        {
            lock (_gate)
            {
                _serverCloseStatus = close.Code;
            }
        }

        var status = close.Code == (int)WebSocketCloseStatus.Empty ? WebSocketCloseStatus.Empty : (WebSocketCloseStatus)close.Code;
        await _socket.CloseOutputAsync(status, status == WebSocketCloseStatus.Empty ? null : close.Reason, CancellationToken.None);
        if (!close.IsReply)
        {
            _ = AbortUnlessClosedAsync();
        }
    }

    /// <summary>Gives the client a moment to answer the server's close frame, then drops the socket, which ends the read loop.</summary>
    private async Task AbortUnlessClosedAsync()
    {
        if (await Task.WhenAny(_ended.Task, Task.Delay(CloseHandshakeTimeout, TimeProvider.System)) != _ended.Task)
        {
            _socket.Abort();
        }
    }

    private abstract record Outbound
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record TextFrame(string Json, int FrameSize, Action? AfterSent) : Outbound;

    private sealed record CloseFrame(int Code, string Reason, bool IsReply) : Outbound;
}
