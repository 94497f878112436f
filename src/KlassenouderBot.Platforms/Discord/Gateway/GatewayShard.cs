using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using KlassenouderBot.Platforms.Discord.Rest;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Platforms.Discord.Gateway;

/// <summary>Where a shard is.</summary>
internal enum ShardStatus
{
    Starting,

    /// <summary>READY or RESUMED received: events are flowing.</summary>
    Connected,

    Reconnecting,

    /// <summary>Stopped for good on a setting Discord refused (bad token, intents, shards).</summary>
    Stopped,
}

/// <summary>
/// One gateway connection (one shard) for the life of the app: connects, heartbeats, identifies or
/// resumes, hands dispatches over in sequence order, and after every drop decides from Discord's signals
/// whether to resume (nothing is lost: Discord replays what was missed), start a new session, or stop
/// with a line saying what to fix. On shutdown it takes no new events, leaves the session resumable and
/// keeps it for the next start (<see cref="GatewaySessionKeeper"/>).
/// </summary>
internal sealed class GatewayShard(
    int shardId,
    int shardCount,
    DiscordOptions options,
    GatewayDirectory directory,
    IdentifyThrottle identifyThrottle,
    IGatewayEvents events,
    GatewaySessionKeeper sessions,
    GatewaySettings settings,
    TimeProvider timeProvider,
    ILogger logger)
{
    /// <summary>Resume attempts that fail before Discord answers; then the shard starts afresh from the main gateway URL.</summary>
    private const int MaxFailedResumes = 5;

    private const int ReceiveChunkBytes = 16 * 1024;

    /// <summary>
    /// Not 1000 or 1001, which would end the session: Discord keeps it for a few minutes, and the next start
    /// resumes it, so messages written while the bot restarts are replayed instead of lost. The price is that
    /// the bot shows online until the restart (or Discord's timeout).
    /// </summary>
    private const WebSocketCloseStatus ShutdownClose = (WebSocketCloseStatus)GatewayCloseCodes.ResumableClose;

    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

    private string? _sessionId;
    private string? _resumeUrl;
    private long _sequence;

    public int ShardId => shardId;

    public ShardStatus Status { get; private set; } = ShardStatus.Starting;

    /// <summary>The current session, for resuming.</summary>
    public string? SessionId => _sessionId;

    /// <summary>The last dispatch sequence number handled.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    /// <summary>Why the shard stopped, when it did.</summary>
    public string? StopReason { get; private set; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (await sessions.TakeAsync(shardId, shardCount, stoppingToken) is { } kept)
        {
            _sessionId = kept.SessionId;
            _resumeUrl = kept.ResumeUrl;
            Interlocked.Exchange(ref _sequence, kept.Sequence);
        }

        if (await ConnectUntilShutdownAsync(stoppingToken) && _sessionId is { } sessionId && _resumeUrl is { } resumeUrl)
        {
            // The sequence is the last event handed to the work queue, which finishes those on its own stop:
            // a resume from here replays exactly what this process did not take.
            await sessions.SaveAsync(shardId, shardCount, sessionId, Sequence, resumeUrl);
        }
    }

    /// <summary>Connects and reconnects until the app stops (true) or a setting Discord refused stops the shard (false).</summary>
    private async Task<bool> ConnectUntilShutdownAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var resuming = _sessionId is not null && _resumeUrl is not null;
            Outcome outcome;
            try
            {
                var url = resuming ? GatewayUri(_resumeUrl!) : await PrepareIdentifyAsync(stoppingToken);
                outcome = url is null
                    ? new Outcome(NextStep.Stop, "the gateway URL would send the token unencrypted to another machine")
                    : await RunConnectionAsync(url, resuming, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (DiscordApiException exception) when (exception.Status == (int)HttpStatusCode.Unauthorized)
            {
                outcome = new Outcome(NextStep.Stop, "Discord refused the bot token: check Discord:Token");
            }
            catch (DiscordApiException exception)
            {
                var wait = Backoff(++failures);
                logger.GatewayLookupFailed(exception.Reason, wait.TotalSeconds);
                await DelayAsync(wait, stoppingToken);
                continue;
            }
            catch (Exception exception)
            {
                // A bug in one connection must not end the shard (or, through the host, the whole app).
                outcome = new Outcome(NextStep.Resume, $"unexpected {exception.GetType().Name}");
            }

            switch (outcome.Next)
            {
                case NextStep.Shutdown:
                    return true;
                case NextStep.Stop:
                    Status = ShardStatus.Stopped;
                    StopReason = outcome.Reason;
                    logger.GatewayFatal(shardId, outcome.CloseCode ?? 0, outcome.Reason);
                    return false;
                case NextStep.Reidentify:
                    _sessionId = null;
                    _resumeUrl = null;
                    break;
            }

            Status = ShardStatus.Reconnecting;
            failures = outcome.ReachedReady ? 0 : failures + 1;
            if (outcome.Next == NextStep.Resume && failures >= MaxFailedResumes)
            {
                // The resume address keeps failing: start over from /gateway/bot.
                _sessionId = null;
                directory.Forget();
            }

            var delay = outcome.Delay ?? (failures == 0 ? TimeSpan.Zero : Backoff(failures));
            logger.GatewayDisconnected(shardId, outcome.Reason, _sessionId is null ? "new session" : "resume");
            await DelayAsync(delay, stoppingToken);
        }

        return true;
    }

    /// <summary>Looks up the gateway and waits for this shard's identify turn; null when the URL is unsafe.</summary>
    private async Task<Uri?> PrepareIdentifyAsync(CancellationToken cancellationToken)
    {
        var info = await directory.GetAsync(cancellationToken);
        var startsWait = directory.BookSessionStart();
        if (startsWait > TimeSpan.Zero)
        {
            logger.SessionStartsExhausted(shardId, startsWait.TotalMinutes);
            await Task.Delay(startsWait, timeProvider, cancellationToken);
        }

        await identifyThrottle.WaitTurnAsync(shardId, info.SessionStartLimit?.MaxConcurrency ?? 1, cancellationToken);
        return GatewayUri(info.Url!);
    }

    private async Task<Outcome> RunConnectionAsync(Uri url, bool resuming, CancellationToken stoppingToken)
    {
        logger.GatewayConnecting(shardId, resuming ? "resume" : "identify");
        using var socket = new ClientWebSocket();
        var connection = new Connection(socket, new GatewaySendLimiter(settings, timeProvider));
        try
        {
            using (var connectTimeout = new CancellationTokenSource(settings.ConnectTimeout, timeProvider))
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, connectTimeout.Token))
            {
                try
                {
                    await socket.ConnectAsync(url, connecting.Token);
                    var hello = await ReceiveAsync(connection, connecting.Token);
                    if (hello.Closed)
                    {
                        return FromClose(hello.CloseCode, reachedReady: false);
                    }

                    if (hello.Op == 7)
                    {
                        return new Outcome(NextStep.Resume, "Discord asked for a reconnect before Hello");
                    }

                    connection.HeartbeatInterval = hello.Op == 10 && hello.Data is { } helloData
                        && helloData.Deserialize(DiscordJsonContext.Default.HelloData)?.HeartbeatInterval is > 0 and var interval
                            ? TimeSpan.FromMilliseconds(interval)
                            : throw new WebSocketException("the gateway did not start with Hello");
                }
                catch (OperationCanceledException) when (connectTimeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    return new Outcome(resuming ? NextStep.Resume : NextStep.Reidentify, "no Hello in time");
                }
            }

            return await RunSessionAsync(connection, resuming, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return new Outcome(NextStep.Shutdown, "shutting down");
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or HttpRequestException or JsonException or OperationCanceledException)
        {
            // Aborting a zombie socket surfaces in the receive as a cancellation or a WebSocketException.
            var reason = connection.IsZombie ? "heartbeat not acknowledged" : $"connection lost ({exception.GetType().Name})";
            return new Outcome(resuming || _sessionId is not null ? NextStep.Resume : NextStep.Reidentify, reason) { ReachedReady = connection.ReachedReady };
        }
    }

    private async Task<Outcome> RunSessionAsync(Connection connection, bool resuming, CancellationToken stoppingToken)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);

        // On shutdown the bot closes the connection itself, with a code that keeps the session resumable: it
        // sends the close frame and reads on until Discord answers (or a moment passes), because cancelling a
        // pending receive would abort the socket. The frame must be out before the socket is disposed.
        using var receiving = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task CloseForShutdownAsync()
        {
            try
            {
                await CloseAsync(connection, ShutdownClose, "shutting down");
            }
            finally
            {
                closed.TrySetResult();
            }
        }

        using var onStop = stoppingToken.Register(() =>
        {
            receiving.CancelAfter(ShutdownGrace);
            _ = CloseForShutdownAsync();
        });
        var heartbeats = HeartbeatAsync(connection, lifetime.Token);
        try
        {
            if (resuming)
            {
                await SendAsync(connection, Resume(), isHeartbeat: false, lifetime.Token);
            }
            else
            {
                await SendAsync(connection, Identify(), isHeartbeat: false, lifetime.Token);
            }

            while (true)
            {
                var received = await ReceiveAsync(connection, receiving.Token);
                if (received.Closed)
                {
                    return stoppingToken.IsCancellationRequested
                        ? new Outcome(NextStep.Shutdown, "shutting down")
                        : FromClose(received.CloseCode, connection.ReachedReady);
                }

                if (received.Skipped)
                {
                    continue;
                }

                if (received.Op == 0 && stoppingToken.IsCancellationRequested)
                {
                    // Stopping: nothing new is taken (the queue is draining). The sequence stays at the last
                    // event handed over, so the resume after the restart replays this one.
                    continue;
                }

                switch (received.Op)
                {
                    case 0:
                        await HandleDispatchAsync(connection, received, lifetime.Token);
                        break;
                    case 1:
                        await SendHeartbeatAsync(connection, lifetime.Token);
                        break;
                    case 7:
                        logger.ReconnectRequested(shardId);
                        await CloseAsync(connection, (WebSocketCloseStatus)GatewayCloseCodes.ResumableClose, "reconnect");
                        return new Outcome(NextStep.Resume, "Discord asked for a reconnect") { ReachedReady = true };
                    case 9:
                        var resumable = received.Data is { ValueKind: JsonValueKind.True };
                        logger.InvalidSession(shardId, resumable);
                        await CloseAsync(connection, (WebSocketCloseStatus)GatewayCloseCodes.ResumableClose, "invalid session");
                        return new Outcome(resumable ? NextStep.Resume : NextStep.Reidentify, "invalid session")
                        {
                            ReachedReady = connection.ReachedReady,
                            Delay = InvalidSessionDelay(),
                        };
                    case 11:
                        connection.Acknowledged = true;
                        break;
                }
            }
        }
        finally
        {
            await lifetime.CancelAsync();
            try
            {
                await heartbeats;
            }
            catch (OperationCanceledException)
            {
            }

            if (stoppingToken.IsCancellationRequested)
            {
                await closed.Task;
            }
        }
    }

    private async Task HandleDispatchAsync(Connection connection, Received received, CancellationToken cancellationToken)
    {
        try
        {
            switch (received.EventName)
            {
                case "READY" when received.Data?.Deserialize(DiscordJsonContext.Default.ReadyData) is { SessionId: { Length: > 0 } sessionId } ready:
                    _sessionId = sessionId;
                    _resumeUrl = ready.ResumeGatewayUrl is { Length: > 0 } resumeUrl ? resumeUrl : null;
                    connection.ReachedReady = true;
                    Status = ShardStatus.Connected;
                    logger.GatewayReady(shardId, ready.Guilds?.Count ?? 0);
                    events.OnReady(shardId, ready);
                    break;
                case "RESUMED":
                    connection.ReachedReady = true;
                    Status = ShardStatus.Connected;
                    logger.GatewayResumed(shardId, Sequence);
                    break;
                case { Length: > 0 } name when received.Data is { } data:
                    await events.OnDispatchAsync(shardId, name, data, cancellationToken);
                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One bad event must not cost the connection (and with it every event after it).
            logger.DispatchFailed(received.EventName ?? "(unnamed)", exception.GetType().Name);
        }

        if (received.Sequence is { } sequence && sequence > Sequence)
        {
            Interlocked.Exchange(ref _sequence, sequence);
        }
    }

    /// <summary>
    /// The first beat after a random part of the interval (so shards do not beat in step), then one per
    /// interval. A beat that finds the previous one unacknowledged means the connection is a zombie: the
    /// socket is aborted (not closed with 1000, which would end the session) and the shard resumes.
    /// </summary>
    private async Task HeartbeatAsync(Connection connection, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(connection.HeartbeatInterval * Random.Shared.NextDouble(), timeProvider, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!connection.Acknowledged)
                {
                    connection.IsZombie = true;
                    logger.ZombieConnection(shardId);
                    connection.Socket.Abort();
                    return;
                }

                connection.Acknowledged = false;
                await SendHeartbeatAsync(connection, cancellationToken);
                await Task.Delay(connection.HeartbeatInterval, timeProvider, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The receive loop sees the broken socket and decides what to do.
        }
    }

    private Task SendHeartbeatAsync(Connection connection, CancellationToken cancellationToken)
    {
        var sequence = Sequence;
        return SendAsync(connection, Payload(1, writer =>
        {
            if (sequence > 0)
            {
                writer.WriteNumberValue(sequence);
            }
            else
            {
                writer.WriteNullValue();
            }
        }), isHeartbeat: true, cancellationToken);
    }

    private byte[] Identify() => Payload(2, writer => JsonSerializer.Serialize(writer, new IdentifyData
    {
        Token = options.Token,
        Intents = (long)GatewayIntents.Required,
        Properties = new IdentifyProperties { Os = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), Browser = "KlassenouderBot", Device = "KlassenouderBot" },
        Shard = shardCount > 1 ? [shardId, shardCount] : null,
    }, DiscordJsonContext.Default.IdentifyData));

    private byte[] Resume() => Payload(6, writer => JsonSerializer.Serialize(writer, new ResumeData
    {
        Token = options.Token,
        SessionId = _sessionId!,
        Seq = Sequence,
    }, DiscordJsonContext.Default.ResumeData));

    private static byte[] Payload(int op, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", op);
            writer.WritePropertyName("d");
            writeData(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static async Task SendAsync(Connection connection, byte[] payload, bool isHeartbeat, CancellationToken cancellationToken)
    {
        await connection.Limiter.WaitAsync(isHeartbeat, cancellationToken);
        await connection.SendLock.WaitAsync(cancellationToken);
        try
        {
            await connection.Socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    /// <summary>
    /// Reads one whole message (Discord may split a payload over frames). A payload over the size limit is
    /// read to its end and dropped; unreadable JSON is dropped; either way the connection carries on.
    /// </summary>
    private async Task<Received> ReceiveAsync(Connection connection, CancellationToken cancellationToken)
    {
        var buffer = connection.Buffer;
        buffer.ResetWrittenCount();
        var tooLarge = false;
        byte[]? discard = null;
        try
        {
            while (true)
            {
                Memory<byte> target = tooLarge ? (discard ??= ArrayPool<byte>.Shared.Rent(ReceiveChunkBytes)) : buffer.GetMemory(ReceiveChunkBytes);
                var result = await connection.Socket.ReceiveAsync(target, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return Received.Close(connection.Socket.CloseStatus is { } status ? (int)status : null);
                }

                if (!tooLarge)
                {
                    buffer.Advance(result.Count);
                    tooLarge = buffer.WrittenCount > settings.MaxPayloadBytes;
                }

                if (result.EndOfMessage)
                {
                    if (tooLarge)
                    {
                        logger.PayloadTooLarge(shardId, settings.MaxPayloadBytes);
                        return Received.Skip;
                    }

                    return result.MessageType == WebSocketMessageType.Text ? Parse(buffer.WrittenMemory) : Unreadable("binary frame");
                }
            }
        }
        finally
        {
            if (discard is not null)
            {
                ArrayPool<byte>.Shared.Return(discard);
            }

            connection.ShrinkBufferIfLarge();
        }
    }

    private Received Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op)
                || op.ValueKind != JsonValueKind.Number || !op.TryGetInt32(out var opcode))
            {
                return Unreadable("no opcode");
            }

            return new Received
            {
                Op = opcode,
                Sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var sequence) ? sequence : null,
                EventName = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,

                // Cloned, so the data outlives the document.
                Data = root.TryGetProperty("d", out var d) && d.ValueKind != JsonValueKind.Null ? d.Clone() : null,
            };
        }
        catch (JsonException)
        {
            return Unreadable("invalid JSON");
        }
    }

    private Received Unreadable(string problem)
    {
        logger.PayloadUnreadable(shardId, problem);
        return Received.Skip;
    }

    /// <summary>Sends a close frame (taking the send lock: a heartbeat may be on its way), without waiting for the answer.</summary>
    private static async Task CloseAsync(Connection connection, WebSocketCloseStatus status, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await connection.SendLock.WaitAsync(timeout.Token);
            try
            {
                if (connection.Socket.State == WebSocketState.Open)
                {
                    await connection.Socket.CloseOutputAsync(status, reason, timeout.Token);
                }
            }
            finally
            {
                connection.SendLock.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Closing is a courtesy; the socket is dropped either way.
        }
    }

    private static Outcome FromClose(int? closeCode, bool reachedReady)
    {
        var (next, meaning) = GatewayCloseCodes.Classify(closeCode);
        return new Outcome(next, closeCode is null ? meaning : $"closed with {closeCode}: {meaning}") { CloseCode = closeCode, ReachedReady = reachedReady };
    }

    private TimeSpan Backoff(int failures)
    {
        var exponential = settings.ReconnectDelayBase * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = exponential < settings.ReconnectDelayMax ? exponential : settings.ReconnectDelayMax;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    private TimeSpan InvalidSessionDelay() =>
        settings.InvalidSessionDelayMin + ((settings.InvalidSessionDelayMax - settings.InvalidSessionDelayMin) * Random.Shared.NextDouble());

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The URL with the version and encoding pinned; null for plain <c>ws://</c> to a host that is not this machine.</summary>
    internal static Uri? GatewayUri(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            return null;
        }

        var secure = parsed.Scheme == "wss" || (parsed.Scheme == "ws" && (parsed.IsLoopback || (IPAddress.TryParse(parsed.Host, out var address) && IPAddress.IsLoopback(address))));
        return secure ? new UriBuilder(parsed) { Query = "v=10&encoding=json" }.Uri : null;
    }

    /// <summary>How a connection ended and what to do next.</summary>
    private sealed record Outcome(NextStep Next, string Reason)
    {
        public int? CloseCode { get; init; }

        public bool ReachedReady { get; init; }

        public TimeSpan? Delay { get; init; }
    }

    /// <summary>One gateway message, or the end of the connection, or a skipped payload.</summary>
    private sealed record Received
    {
        public static Received Skip { get; } = new() { Skipped = true };

        public int Op { get; init; } = -1;

        public long? Sequence { get; init; }

        public string? EventName { get; init; }

        public JsonElement? Data { get; init; }

        public bool Skipped { get; init; }

        public bool Closed { get; init; }

        public int? CloseCode { get; init; }

        public static Received Close(int? code) => new() { Closed = true, CloseCode = code };
    }

    /// <summary>Per-connection state: the socket, its send lock and limit, heartbeat bookkeeping.</summary>
    private sealed class Connection(ClientWebSocket socket, GatewaySendLimiter limiter)
    {
        private const int KeptBufferBytes = 1024 * 1024;

        private volatile bool _acknowledged = true;

        public ClientWebSocket Socket { get; } = socket;

        public GatewaySendLimiter Limiter { get; } = limiter;

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        public ArrayBufferWriter<byte> Buffer { get; private set; } = new(ReceiveChunkBytes * 4);

        public TimeSpan HeartbeatInterval { get; set; }

        public bool Acknowledged
        {
            get => _acknowledged;
            set => _acknowledged = value;
        }

        public bool IsZombie { get; set; }

        public bool ReachedReady { get; set; }

        /// <summary>After a rare big payload (a large server's GUILD_CREATE), give the memory back.</summary>
        public void ShrinkBufferIfLarge()
        {
            if (Buffer.Capacity > KeptBufferBytes)
            {
                Buffer = new ArrayBufferWriter<byte>(ReceiveChunkBytes * 4);
            }
        }
    }
}
