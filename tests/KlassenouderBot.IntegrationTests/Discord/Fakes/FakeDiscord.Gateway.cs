using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>The gateway as a test sees it: observation, waiting and scripting. The protocol is in <c>FakeDiscord.GatewayProtocol.cs</c>.</summary>
internal sealed partial class FakeDiscord
{
    private readonly List<GatewayConnection> _connections = [];
    private readonly Dictionary<string, GatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly List<ResumeRecord> _resumes = [];
    private GatewaySession? _current;

    // The socket dispatches go to: it got READY or RESUMED and has not been told to go away since.
    private GatewayConnection? _live;
    private int _identifyCount;
    private int _readyCount;
    private int _resumedCount;
    private int _replayedCount;
    private bool _ackHeartbeats = true;

    /// <summary>Every socket the fake accepted, in order.</summary>
    public IReadOnlyList<GatewayConnection> Connections
    {
        get { lock (_gate) { return [.. _connections]; } }
    }

    /// <summary>The latest socket that is still open.</summary>
    public GatewayConnection? Current
    {
        get { lock (_gate) { return CurrentLocked(); } }
    }

    /// <summary>Identify payloads received, refused ones included: a bot must not loop on Identify.</summary>
    public int IdentifyCount
    {
        get { lock (_gate) { return _identifyCount; } }
    }

    public IReadOnlyList<ResumeRecord> Resumes
    {
        get { lock (_gate) { return [.. _resumes]; } }
    }

    /// <summary>Dispatches sent again on an accepted Resume (what the client had missed), over all resumes.</summary>
    public int ReplayedCount
    {
        get { lock (_gate) { return _replayedCount; } }
    }

    /// <summary>The session dispatches go into; null before the first READY and after the session was forgotten.</summary>
    public string? SessionId
    {
        get { lock (_gate) { return _current?.Id; } }
    }

    /// <summary>The last <c>s</c> dispatched in the current session (0 when there is none).</summary>
    public long LastSequence
    {
        get { lock (_gate) { return _current?.Sequence ?? 0; } }
    }

    /// <summary>When false, heartbeats are recorded but not acknowledged: the bot should see a zombie connection.</summary>
    public bool AckHeartbeats
    {
        get { lock (_gate) { return _ackHeartbeats; } }
        set { lock (_gate) { _ackHeartbeats = value; } }
    }

    /// <summary>Waits until <paramref name="count"/> sockets were accepted; returns the <paramref name="count"/>-th.</summary>
    public Task<GatewayConnection> WaitForConnectionAsync(int count, TimeSpan? timeout = null) =>
        PollAsync(() => { lock (_gate) { return _connections.Count >= count ? _connections[count - 1] : null; } }, $"gateway connection #{count}", timeout);

    /// <summary>Waits until READY (and the GUILD_CREATEs after it) went out <paramref name="readyCount"/> times in total.</summary>
    public Task WaitForReadyAsync(int readyCount = 1, TimeSpan? timeout = null) =>
        PollAsync(() => { lock (_gate) { return _readyCount >= readyCount ? this : null; } }, $"READY #{readyCount}", timeout);

    /// <summary>Waits until RESUMED went out <paramref name="count"/> times in total.</summary>
    public Task WaitForResumedAsync(int count = 1, TimeSpan? timeout = null) =>
        PollAsync(() => { lock (_gate) { return _resumedCount >= count ? this : null; } }, $"RESUMED #{count}", timeout);

    /// <summary>Waits for the first payload, on any connection, that <paramref name="match"/> accepts.</summary>
    public Task<ReceivedPayload> WaitForReceivedAsync(Func<ReceivedPayload, bool> match, TimeSpan? timeout = null) =>
        PollAsync(() => Connections.SelectMany(c => c.Received).FirstOrDefault(match), "a matching gateway payload", timeout);

    /// <summary>
    /// Sends a dispatch in the current session: the next <c>s</c>, kept for replay on resume, and written to the socket
    /// that got READY/RESUMED if there is one (otherwise only kept). Returns the <c>s</c> it got.
    /// </summary>
    public async Task<long> DispatchAsync(string eventName, JsonObject data)
    {
        Task sent;
        long sequence;
        lock (_gate)
        {
            var session = _current ?? throw new InvalidOperationException("No gateway session: wait for READY before dispatching.");
            if (eventName == "INTERACTION_CREATE")
            {
                RememberInteraction(data);
            }

            var json = Serialize(data);
            (sequence, sent) = Dispatch(session, s => DispatchJson(eventName, s, json));
        }

        await sent;
        return sequence;
    }

    /// <summary>Sends op 7 on the current socket; if the client has not closed it within about a second, the fake closes it with 4000.</summary>
    public async Task SendReconnectAsync()
    {
        Task sent;
        lock (_gate)
        {
            var connection = RequireCurrent();
            Unroute(connection);
            sent = connection.Enqueue(Envelope(7, null));
            _ = CloseLaterAsync(connection, 4000, "Reconnect requested.", onlyIfUnauthenticated: false);
        }

        await sent;
    }

    /// <summary>
    /// Sends op 9 on the current socket, which then needs a new Identify or Resume. With <paramref name="resumable"/>
    /// false the session is forgotten: a later Resume of it gets op 9 false.
    /// </summary>
    public async Task SendInvalidSessionAsync(bool resumable)
    {
        Task sent;
        lock (_gate)
        {
            var connection = RequireCurrent();
            var session = SessionOf(connection) ?? _current;
            sent = connection.Enqueue(Envelope(9, resumable));
            Unroute(connection);
            connection.IsAuthenticated = false;
            connection.SessionId = null;
            if (!resumable && session is not null)
            {
                Forget(session);
            }
        }

        await sent;
    }

    /// <summary>Sends op 1: the client must heartbeat at once.</summary>
    public Task SendHeartbeatRequestAsync()
    {
        lock (_gate)
        {
            return RequireCurrent().Enqueue(Envelope(1, null));
        }
    }

    /// <summary>Closes the current socket with <paramref name="code"/>; 4007 and 4009 also end the session, as on Discord.</summary>
    public Task CloseAsync(int code, string reason = "")
    {
        lock (_gate)
        {
            return Close(RequireCurrent(), code, reason);
        }
    }

    /// <summary>Ends the current socket's TCP connection without a close frame; returns once the fake saw it end.</summary>
    public async Task DropAsync()
    {
        GatewayConnection connection;
        lock (_gate)
        {
            connection = RequireCurrent();
            Unroute(connection);
            connection.Abort();
        }

        await PollAsync(() => connection.IsOpen ? null : connection, "the dropped connection to end", timeout: null);
    }

    /// <summary>Writes <paramref name="text"/> as one text message on the current socket, valid JSON or not.</summary>
    public Task SendRawTextAsync(string text)
    {
        lock (_gate)
        {
            return RequireCurrent().Enqueue(text);
        }
    }

    /// <summary>
    /// Dispatches a MESSAGE_CREATE whose JSON is exactly <paramref name="bytes"/> bytes (the content is padded), split
    /// over several WebSocket frames. It takes a sequence number and is kept for replay like any dispatch.
    /// </summary>
    public async Task<long> SendOversizedAsync(int bytes)
    {
        Task sent;
        long sequence;
        lock (_gate)
        {
            var session = _current ?? throw new InvalidOperationException("No gateway session: wait for READY before dispatching.");
            var frameSize = Math.Max(1, Math.Min(16 * 1024, (bytes + 3) / 4));
            (sequence, sent) = Dispatch(session, s => OversizedMessageJson(s, bytes), frameSize: frameSize);
        }

        await sent;
        return sequence;
    }

    private GatewayConnection? CurrentLocked() => _connections.LastOrDefault(c => c.IsOpen);

    private GatewayConnection RequireCurrent() => CurrentLocked() ?? throw new InvalidOperationException("No open gateway connection.");
}
