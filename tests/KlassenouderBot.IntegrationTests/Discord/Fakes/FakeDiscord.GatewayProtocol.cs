using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>The gateway protocol: Hello, heartbeats, Identify, Resume and the close codes Discord uses for each mistake.</summary>
internal sealed partial class FakeDiscord
{
    /// <summary>GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT.</summary>
    private const long PrivilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);

    private const int MaxClientPayloadBytes = 4096;
    private const int ClientPayloadsPerMinute = 120;

    /// <summary>After op 7, or op 9 for a failed Resume, Discord closes the socket itself if the client does not.</summary>
    private static readonly TimeSpan GraceBeforeClose = TimeSpan.FromSeconds(1);

    private async Task RunGatewayAsync(HttpContext context)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new GatewayConnection(_gate, socket, context, TimeProvider.System.GetUtcNow());
        lock (_gate)
        {
            _connections.Add(connection);
            var query = context.Request.Query;
            if (query["v"].ToString() != "10")
            {
                connection.EnqueueClose(4012, "Invalid API version.");
            }
            else if (query["encoding"].ToString() != "json")
            {
                connection.EnqueueClose(4002, "Error while decoding payload.");
            }
            else
            {
                connection.Enqueue(Envelope(10, new JsonObject { ["heartbeat_interval"] = Options.HeartbeatIntervalMs }));
            }
        }

        await connection.RunAsync(OnClientPayload);

        lock (_gate)
        {
            Unroute(connection);

            // A client that closes with 1000 or 1001 ends its session; any other code, or a drop, keeps it resumable.
            if (connection.ClientCloseStatus is 1000 or 1001 && connection.ServerCloseStatus is null && SessionOf(connection) is { } session)
            {
                Forget(session);
            }
        }
    }

    private void OnClientPayload(GatewayConnection connection, string text, int size)
    {
        lock (_gate)
        {
            if (connection.IsClosing)
            {
                return;
            }

            var (op, data) = ParseEnvelope(text);
            connection.Record(new ReceivedPayload(connection, op, data, text, TimeProvider.System.GetUtcNow()));
            if (size > MaxClientPayloadBytes)
            {
                Close(connection, 4002, "Payload too large.");
            }
            else if (Options.EnforceSendRateLimit && connection.CountPayload(TimeProvider.System.GetTimestamp()) > ClientPayloadsPerMinute)
            {
                Close(connection, 4008, "Rate limited.");
            }
            else if (op < 0)
            {
                Close(connection, 4002, "Error while decoding payload.");
            }
            else
            {
                Handle(connection, op, data);
            }
        }
    }

    private void Handle(GatewayConnection connection, int op, JsonNode? data)
    {
        switch (op)
        {
            case 1:
                // Queued under the same lock that recorded the heartbeat, so the ACK cannot overtake later payloads.
                if (_ackHeartbeats)
                {
                    connection.Enqueue(Envelope(11, null));
                }

                break;

            case 2:
                Identify(connection, data);
                break;

            case 6:
                Resume(connection, data);
                break;

            case 3 or 4 or 8 when connection.IsAuthenticated:
                // Presence, voice state and member requests are allowed, but nothing here acts on them.
                break;

            default:
                Close(connection, connection.IsAuthenticated ? 4001 : 4003, connection.IsAuthenticated ? "Unknown opcode." : "Not authenticated.");
                break;
        }
    }

    private void Identify(GatewayConnection connection, JsonNode? data)
    {
        _identifyCount++;
        if (connection.IsAuthenticated)
        {
            Close(connection, 4005, "Already authenticated.");
            return;
        }

        if (RestRequest.StringAt(data?["token"]) != Token)
        {
            Close(connection, 4004, "Authentication failed.");
            return;
        }

        if (LongAt(data?["intents"]) is not { } intents || intents < 0 || (intents & ~Options.AllowedIntents) != 0)
        {
            Close(connection, 4013, "Invalid intent(s).");
            return;
        }

        if ((intents & PrivilegedIntents & ~Options.EnabledPrivilegedIntents) != 0)
        {
            Close(connection, 4014, "Disallowed intent(s).");
            return;
        }

        (int Id, int Count)? shard = null;
        if (data?["shard"] is { } shardNode)
        {
            if (ShardAt(shardNode) is not { } valid)
            {
                Close(connection, 4010, "Invalid shard.");
                return;
            }

            shard = valid;
        }

        var session = new GatewaySession(Guid.NewGuid().ToString("N"));
        _sessions[session.Id] = session;
        _current = session;
        connection.IsAuthenticated = true;
        connection.SessionId = session.Id;
        connection.Shard = shard;
        connection.Intents = intents;
        _live = connection;

        // READY lists the shard's guilds as unavailable; each then arrives in full as GUILD_CREATE. READY counts as
        // sent once the last of these is written, so a test that waited for it can dispatch into a complete state.
        var guilds = Options.Guilds.Where(g => shard is not { } s || ShardOf(g.Id, s.Count) == s.Id).ToList();
        var countReady = () => { lock (_gate) { _readyCount++; } };
        Dispatch(session, s => DispatchJson("READY", s, Serialize(ReadyData(session, guilds, shard))), guilds.Count == 0 ? countReady : null);
        for (var i = 0; i < guilds.Count; i++)
        {
            var guild = Serialize(GuildCreateData(guilds[i]));
            Dispatch(session, s => DispatchJson("GUILD_CREATE", s, guild), i == guilds.Count - 1 ? countReady : null);
        }
    }

    private void Resume(GatewayConnection connection, JsonNode? data)
    {
        if (connection.IsAuthenticated)
        {
            Close(connection, 4005, "Already authenticated.");
            return;
        }

        if (RestRequest.StringAt(data?["token"]) != Token)
        {
            Close(connection, 4004, "Authentication failed.");
            return;
        }

        var sessionId = RestRequest.StringAt(data?["session_id"]) ?? "";
        var seq = LongAt(data?["seq"]) ?? 0;
        if (!_sessions.TryGetValue(sessionId, out var session) || session.Forgotten)
        {
            RefuseResume(connection, sessionId, seq);
            return;
        }

        if (seq > session.Sequence)
        {
            _resumes.Add(new ResumeRecord(sessionId, seq, Accepted: false));
            Forget(session);
            Close(connection, 4007, "Invalid seq.");
            return;
        }

        if (!session.CanReplayFrom(seq))
        {
            RefuseResume(connection, sessionId, seq);
            return;
        }

        _resumes.Add(new ResumeRecord(sessionId, seq, Accepted: true));
        _current = session;
        connection.IsAuthenticated = true;
        connection.SessionId = session.Id;
        _live = connection;
        foreach (var missed in session.After(seq))
        {
            connection.Enqueue(missed.Json, missed.FrameSize);
            _replayedCount++;
        }

        Dispatch(session, s => DispatchJson("RESUMED", s, "{}"), () => { lock (_gate) { _resumedCount++; } });
    }

    private void RefuseResume(GatewayConnection connection, string sessionId, long seq)
    {
        _resumes.Add(new ResumeRecord(sessionId, seq, Accepted: false));
        connection.Enqueue(Envelope(9, false));
        _ = CloseLaterAsync(connection, 4009, "Session timed out.", onlyIfUnauthenticated: true);
    }

    /// <summary>Assigns the next <c>s</c>, keeps the payload for replay, and writes it if the session has a live socket.</summary>
    private (long Sequence, Task Sent) Dispatch(GatewaySession session, Func<long, string> build, Action? afterSent = null, int frameSize = 0)
    {
        var dispatch = session.Append(build, frameSize);
        var sent = _live is { } live && live.SessionId == session.Id
            ? live.Enqueue(dispatch.Json, dispatch.FrameSize, afterSent)
            : Task.CompletedTask;
        return (dispatch.Sequence, sent);
    }

    /// <summary>Queues a close; 4007 and 4009 end the socket's session, as Discord's "start a new session" codes.</summary>
    private Task Close(GatewayConnection connection, int code, string reason)
    {
        Unroute(connection);
        if (code is 4007 or 4009 && SessionOf(connection) is { } session)
        {
            Forget(session);
        }

        return connection.EnqueueClose(code, reason);
    }

    private async Task CloseLaterAsync(GatewayConnection connection, int code, string reason, bool onlyIfUnauthenticated)
    {
        if (await Task.WhenAny(connection.Ended, Task.Delay(GraceBeforeClose, TimeProvider.System)) == connection.Ended)
        {
            return;
        }

        lock (_gate)
        {
            if (!(onlyIfUnauthenticated && connection.IsAuthenticated))
            {
                Close(connection, code, reason);
            }
        }
    }

    private void Unroute(GatewayConnection connection)
    {
        if (_live == connection)
        {
            _live = null;
        }
    }

    private void Forget(GatewaySession session)
    {
        session.Forgotten = true;
        if (_current == session)
        {
            _current = null;
        }
    }

    private GatewaySession? SessionOf(GatewayConnection connection) =>
        connection.SessionId is { } id && _sessions.TryGetValue(id, out var session) ? session : null;
}
