using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KlassenouderBot.IntegrationTests.Teams.Fakes;

/// <summary>
/// Stands in for the Bot Connector (smba.trafficmanager.net): answers the v3 conversation, activity and
/// roster routes, accepts only access tokens the <see cref="FakeBotFrameworkIdentity"/> issued for the
/// Bot Framework, records every request, and can be told to throttle (429) or be down (500).
/// </summary>
internal sealed class FakeBotConnector : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly FakeBotFrameworkIdentity _identity;
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<FaultRule> _faults = [];
    private readonly Dictionary<string, IReadOnlyList<TeamsMember>> _rosters = new(StringComparer.Ordinal);
    private IReadOnlyList<TeamsMember> _defaultRoster = [];
    private LoopbackServer? _server;
    private long _nextActivityId = 1_760_000_000_000;
    private bool _isDown;
    private TimeSpan _responseDelay;

    private FakeBotConnector(FakeBotFrameworkIdentity identity) => _identity = identity;

    /// <summary>The activity <c>serviceUrl</c> that points the bot here, e.g. <c>http://127.0.0.1:50124/</c>.</summary>
    public string ServiceUrl => (_server?.BaseAddress ?? throw new InvalidOperationException("Not started.")).ToString();

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Every call answers 500 while set.</summary>
    public bool IsDown
    {
        get { lock (_gate) { return _isDown; } }
        set { lock (_gate) { _isDown = value; } }
    }

    /// <summary>Waited before each answer.</summary>
    public TimeSpan ResponseDelay
    {
        get { lock (_gate) { return _responseDelay; } }
        set { lock (_gate) { _responseDelay = value; } }
    }

    /// <summary>The personal conversation id the fake hands out for a 1:1 chat with <paramref name="memberId"/>.</summary>
    public static string PersonalConversationId(string memberId) => $"a:personal-{memberId}";

    public static async Task<FakeBotConnector> StartAsync(FakeBotFrameworkIdentity identity)
    {
        var connector = new FakeBotConnector(identity);
        connector._server = await LoopbackServer.StartAsync(connector.HandleAsync);
        return connector;
    }

    /// <summary>The members of every conversation without a roster of its own.</summary>
    public void SetRoster(params TeamsMember[] members)
    {
        lock (_gate)
        {
            _defaultRoster = members;
        }
    }

    public void SetRoster(string conversationId, params TeamsMember[] members)
    {
        lock (_gate)
        {
            _rosters[conversationId] = members;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> requests matching <paramref name="when"/> (by default: every send,
    /// <see cref="RecordedRequest.IsSend"/>) answer <paramref name="statusCode"/>; 429 comes with
    /// <c>Retry-After</c> (default 1 s).
    /// </summary>
    public void FailNext(int count, int statusCode = 429, TimeSpan? retryAfter = null, Func<RecordedRequest, bool>? when = null)
    {
        lock (_gate)
        {
            _faults.Add(new FaultRule(when ?? (r => r.IsSend), statusCode, retryAfter ?? (statusCode == 429 ? TimeSpan.FromSeconds(1) : null)) { Remaining = count });
        }
    }

    public void ResetFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
            _isDown = false;
            _responseDelay = TimeSpan.Zero;
        }
    }

    /// <summary>Waits until a request matching <paramref name="predicate"/> has been recorded.</summary>
    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> predicate, TimeSpan? timeout = null) =>
        (await WaitForAsync(predicate, 1, timeout))[0];

    /// <summary>Waits until at least <paramref name="count"/> matching requests have been recorded; returns all matches so far.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> predicate, int count, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var matches = Requests.Where(predicate).ToList();
            if (matches.Count >= count)
            {
                return matches;
            }

            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                var seen = Requests.Count == 0 ? "nothing" : string.Join(Environment.NewLine, Requests.Select(r => "  " + r));
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {count} matching connector request(s), saw {matches.Count}. Recorded:{Environment.NewLine}{seen}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), TimeProvider.System);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string bodyText;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            bodyText = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var segments = (request.Path.Value ?? "").Trim('/').Split('/');
        var (operation, conversationId, activityId, memberId) = Route(request.Method, segments);
        var record = new RecordedRequest
        {
            Sequence = 0,
            ReceivedAt = TimeProvider.System.GetUtcNow(),
            Method = request.Method,
            Path = request.Path.Value ?? "",
            RawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "",
            Query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            Authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null,
            BodyText = bodyText.Length > 0 ? bodyText : null,
            Body = LoopbackServer.ParseJsonOrNull(bodyText),
            Operation = operation,
            ConversationId = conversationId,
            ActivityId = activityId,
            MemberId = memberId,
        };

        var (status, body, retryAfter, delay) = Decide(record);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, TimeProvider.System, context.RequestAborted);
        }

        lock (_gate)
        {
            _requests.Add(record with { Sequence = _requests.Count + 1, StatusCode = status, ResponseId = body is JsonObject answer ? RecordedRequest.StringAt(answer["id"]) : null });
        }

        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.Headers["X-Correlating-OperationId"] = Guid.NewGuid().ToString("N");
        await LoopbackServer.WriteJsonAsync(context.Response, status, body);
    }

    private (int Status, JsonNode? Body, TimeSpan? RetryAfter, TimeSpan Delay) Decide(RecordedRequest record)
    {
        TimeSpan delay;
        lock (_gate)
        {
            delay = _responseDelay;
            if (_isDown)
            {
                return (500, Error("ServiceError", "The service is unavailable."), null, delay);
            }
        }

        if (record.BearerToken is not { } token || !_identity.IsValidAccessToken(token))
        {
            return (401, new JsonObject { ["message"] = "Authorization has been denied for this request." }, null, delay);
        }

        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.When(record));
            if (fault is not null)
            {
                fault.Remaining--;
                var code = fault.StatusCode == 429 ? "Throttled" : "ServiceError";
                return (fault.StatusCode, Error(code, $"Scripted fault {fault.StatusCode}."), fault.RetryAfter, delay);
            }
        }

        var (status, body) = Answer(record);
        return (status, body, null, delay);
    }

    private (int Status, JsonNode? Body) Answer(RecordedRequest record)
    {
        switch (record.Operation)
        {
            case ConnectorOperation.CreateConversation:
                if (record.FirstMemberId is not { } member)
                {
                    return (400, Error("BadArgument", "members[0].id is required."));
                }

                return (201, new JsonObject
                {
                    ["id"] = PersonalConversationId(member),
                    ["serviceUrl"] = ServiceUrl,
                    ["activityId"] = record.Body?["activity"] is JsonObject ? NewActivityId() : null,
                });

            case ConnectorOperation.SendToConversation or ConnectorOperation.ReplyToActivity:
                return record.Body is JsonObject
                    ? (201, new JsonObject { ["id"] = NewActivityId() })
                    : (400, Error("BadArgument", "An activity is required."));

            case ConnectorOperation.UpdateActivity:
                return (200, new JsonObject { ["id"] = record.ActivityId });

            case ConnectorOperation.DeleteActivity:
                return (200, null);

            case ConnectorOperation.GetMembers:
                return (200, new JsonArray([.. RosterOf(record.ConversationId!).Select(m => (JsonNode)m.ToRosterJson())]));

            case ConnectorOperation.GetPagedMembers:
                return (200, Page(RosterOf(record.ConversationId!), record.Query));

            case ConnectorOperation.GetMember:
                var found = RosterOf(record.ConversationId!).FirstOrDefault(m =>
                    string.Equals(m.Id, record.MemberId, StringComparison.Ordinal)
                    || string.Equals(m.AadObjectId, record.MemberId, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(m.UserPrincipalName, record.MemberId, StringComparison.OrdinalIgnoreCase));
                return found is null
                    ? (404, Error("MemberNotFoundInConversation", "The member is not in this conversation."))
                    : (200, found.ToRosterJson());

            default:
                return (404, Error("NotFound", "Unknown route."));
        }
    }

    private static JsonObject Page(IReadOnlyList<TeamsMember> roster, IReadOnlyDictionary<string, string> query)
    {
        var start = query.TryGetValue("continuationToken", out var token) && int.TryParse(token, CultureInfo.InvariantCulture, out var index) ? index : 0;
        var size = query.TryGetValue("pageSize", out var sizeText) && int.TryParse(sizeText, CultureInfo.InvariantCulture, out var pageSize) && pageSize > 0
            ? pageSize
            : roster.Count;
        var page = roster.Skip(start).Take(size).ToList();
        var next = start + page.Count;
        return new JsonObject
        {
            ["members"] = new JsonArray([.. page.Select(m => (JsonNode)m.ToRosterJson())]),
            ["continuationToken"] = next < roster.Count ? next.ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    private IReadOnlyList<TeamsMember> RosterOf(string conversationId)
    {
        lock (_gate)
        {
            return _rosters.TryGetValue(conversationId, out var roster) ? roster : _defaultRoster;
        }
    }

    private string NewActivityId() => Interlocked.Increment(ref _nextActivityId).ToString(CultureInfo.InvariantCulture);

    private static (ConnectorOperation, string?, string?, string?) Route(string method, string[] segments) => segments switch
    {
        ["v3", "conversations"] when HttpMethods.IsPost(method) => (ConnectorOperation.CreateConversation, null, null, null),
        ["v3", "conversations", var c, "activities"] when HttpMethods.IsPost(method) => (ConnectorOperation.SendToConversation, c, null, null),
        ["v3", "conversations", var c, "activities", var a] when HttpMethods.IsPost(method) => (ConnectorOperation.ReplyToActivity, c, a, null),
        ["v3", "conversations", var c, "activities", var a] when HttpMethods.IsPut(method) => (ConnectorOperation.UpdateActivity, c, a, null),
        ["v3", "conversations", var c, "activities", var a] when HttpMethods.IsDelete(method) => (ConnectorOperation.DeleteActivity, c, a, null),
        ["v3", "conversations", var c, "pagedmembers"] when HttpMethods.IsGet(method) => (ConnectorOperation.GetPagedMembers, c, null, null),
        ["v3", "conversations", var c, "members"] when HttpMethods.IsGet(method) => (ConnectorOperation.GetMembers, c, null, null),
        ["v3", "conversations", var c, "members", var m] when HttpMethods.IsGet(method) => (ConnectorOperation.GetMember, c, null, m),
        _ => (ConnectorOperation.Unknown, null, null, null),
    };

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private sealed class FaultRule(Func<RecordedRequest, bool> when, int statusCode, TimeSpan? retryAfter)
    {
        public Func<RecordedRequest, bool> When { get; } = when;

        public int StatusCode { get; } = statusCode;

        public TimeSpan? RetryAfter { get; } = retryAfter;

        public int Remaining { get; set; }
    }
}
