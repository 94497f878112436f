using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KlassenouderBot.IntegrationTests.Teams.Fakes;
using Microsoft.AspNetCore.Http;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>
/// REST v10 as a test sees it: every call recorded with what it was answered, scripted answers, and the
/// <c>X-RateLimit-*</c> headers. The routes themselves are in <c>FakeDiscord.RestRoutes.cs</c>.
/// </summary>
internal sealed partial class FakeDiscord
{
    private const int RateLimitPerWindow = 5;
    private static readonly TimeSpan RateLimitWindow = TimeSpan.FromSeconds(1);

    private readonly List<RestRequest> _requests = [];
    private readonly List<ScriptedResponse> _scripted = [];
    private readonly Dictionary<string, RateWindow> _rateWindows = new(StringComparer.Ordinal);
    private IReadOnlyList<FakeMember> _members = [];

    public IReadOnlyList<RestRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    /// <summary>Users whose DMs are closed: a message to the DM channel the fake gave out for them gets 403 with code 50007.</summary>
    public ISet<string> DmClosedUserIds { get; } = new LockedSet<string>(StringComparer.Ordinal);

    /// <summary>The members the member search looks through (in every guild).</summary>
    public IReadOnlyList<FakeMember> Members
    {
        get { lock (_gate) { return _members; } }
        set { lock (_gate) { _members = value; } }
    }

    /// <summary>Waits for the first recorded call <paramref name="match"/> accepts (also one made before the wait began).</summary>
    public Task<RestRequest> WaitForRequestAsync(Func<RestRequest, bool> match, TimeSpan? timeout = null) =>
        PollAsync(() => Requests.FirstOrDefault(match), "a matching REST request", timeout);

    /// <summary>Create-message calls to <paramref name="channelId"/> that were answered 2xx, in order.</summary>
    public IReadOnlyList<RestRequest> MessagesPostedTo(string channelId) =>
        [.. Requests.Where(r => r.IsMessagePostTo(channelId) && r.Succeeded)];

    /// <summary>
    /// The next call with <paramref name="method"/> whose path (relative to <c>/api/v10</c>) starts with
    /// <paramref name="pathPrefix"/> gets this answer instead of the normal one, before any other check. Several
    /// scripted answers for the same call are used first-in, first-out. A 429 gets <c>Retry-After</c> and
    /// <c>X-RateLimit-Scope</c> from its body unless <paramref name="headers"/> set them.
    /// </summary>
    public void RespondOnce(string method, string pathPrefix, int status, JsonObject? body, IReadOnlyDictionary<string, string>? headers = null)
    {
        lock (_gate)
        {
            _scripted.Add(new ScriptedResponse(method, pathPrefix, status, body?.DeepClone(), headers ?? new Dictionary<string, string>()));
        }
    }

    /// <summary>The DM channel id the fake hands out for <paramref name="userId"/>: <c>14</c> followed by the user id's last 17 digits.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Tests ask the fake they hold, as they would ask Discord.")]
    public string DmChannelIdFor(string userId)
    {
        ulong number;
        if (!ulong.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            number = 14695981039346656037UL;
            foreach (var c in userId)
            {
                number = (number ^ c) * 1099511628211UL;
            }
        }

        return (1400000000000000000UL + (number % 100_000_000_000_000_000UL)).ToString(CultureInfo.InvariantCulture);
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var request = context.Request;
        var fullPath = request.Path.Value ?? "/";
        var inApi = fullPath.StartsWith(ApiPrefix + "/", StringComparison.Ordinal);
        string bodyText;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            bodyText = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var call = new RestCall(
            request.Method,
            inApi ? fullPath[ApiPrefix.Length..] : fullPath,
            request.QueryString.Value ?? "",
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            LoopbackServer.ParseJsonOrNull(bodyText));

        RestAnswer answer;
        Dictionary<string, string> headers;
        lock (_gate)
        {
            var scripted = inApi ? TakeScripted(call) : null;
            answer = scripted ?? (!inApi ? NotFound() : IsAuthorized(call) ? Route(call) : Unauthorized());
            headers = RateLimitHeaders(call, answer);
            _requests.Add(new RestRequest(call.Method, call.Path, call.QueryString, call.Headers, call.Body, TimeProvider.System.GetUtcNow(), answer.Status));
        }

        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await LoopbackServer.WriteJsonAsync(context.Response, answer.Status, answer.Body);
    }

    private RestAnswer? TakeScripted(RestCall call)
    {
        var index = _scripted.FindIndex(s => string.Equals(s.Method, call.Method, StringComparison.OrdinalIgnoreCase) && call.Path.StartsWith(s.PathPrefix, StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        var scripted = _scripted[index];
        _scripted.RemoveAt(index);
        return new RestAnswer(scripted.Status, scripted.Body?.DeepClone(), scripted.Headers);
    }

    /// <summary>
    /// Interaction callbacks and webhook calls carry their credential in the path (discord.js sends them without
    /// Authorization), and <c>GET /gateway</c> is public; everything else needs the bot token.
    /// </summary>
    private static bool IsAuthorized(RestCall call) =>
        call.Segments is ["interactions", ..] or ["webhooks", _, _, ..]
        || (call.Method == "GET" && call.Segments is ["gateway"])
        || (call.Headers.TryGetValue("Authorization", out var authorization) && authorization == $"Bot {Token}");

    private Dictionary<string, string> RateLimitHeaders(RestCall call, RestAnswer answer)
    {
        var (bucket, majorId) = BucketOf(call.Segments, call.Method);
        var now = TimeProvider.System.GetUtcNow();
        var key = bucket + ":" + majorId;
        if (!_rateWindows.TryGetValue(key, out var window) || now >= window.ResetAt)
        {
            window = new RateWindow(now + RateLimitWindow, 0);
        }

        window = window with { Used = window.Used + 1 };
        _rateWindows[key] = window;
        var remaining = answer.Status == 429 ? 0 : Math.Max(0, RateLimitPerWindow - window.Used);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-RateLimit-Limit"] = RateLimitPerWindow.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset"] = (window.ResetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset-After"] = Math.Max(0, (window.ResetAt - now).TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture),
            ["X-RateLimit-Bucket"] = bucket,
        };
        if (answer.Status == 429)
        {
            var retryAfter = answer.Body?["retry_after"] is JsonValue value && value.TryGetValue<double>(out var seconds) ? seconds : 1.0;
            var global = answer.Body?["global"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
            headers["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Scope"] = global ? "global" : "user";
            if (global)
            {
                headers["X-RateLimit-Global"] = "true";
            }
        }

        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        return headers;
    }

    /// <summary>A stable bucket name per route and the top-level resource it is counted per, as Discord keys its limits.</summary>
    private static (string Bucket, string MajorId) BucketOf(string[] segments, string method) => segments switch
    {
        ["channels", var channel, "messages", _] when method == "DELETE" => ("bucket-message-delete", channel),
        ["channels", var channel, "messages", ..] => ("bucket-messages", channel),
        ["channels", var channel, ..] => ("bucket-channels", channel),
        ["interactions", var interaction, ..] => ("bucket-interactions", interaction),
        ["webhooks", var app, var token, ..] => ("bucket-webhooks", app + "/" + token),
        ["users", "@me", "channels"] => ("bucket-dm", ""),
        ["applications", var app, .., "commands"] => ("bucket-commands", app),
        ["guilds", var guild, "members", ..] => ("bucket-members", guild),
        ["gateway", ..] => ("bucket-gateway", ""),
        [var first, ..] when first.Length > 0 => ("bucket-" + first, ""),
        _ => ("bucket-unknown", ""),
    };

    private static RestAnswer Error(int status, int code, string message) =>
        new(status, new JsonObject { ["code"] = code, ["message"] = message });

    private static RestAnswer NotFound() => Error(404, 0, "404: Not Found");

    private static RestAnswer Unauthorized() => Error(401, 0, "401: Unauthorized");

    /// <summary>A REST call as the routes see it; <see cref="Path"/> is relative to <c>/api/v10</c>.</summary>
    private sealed record RestCall(string Method, string Path, string QueryString, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, JsonNode? Body)
    {
        public string[] Segments { get; } = Path.Trim('/').Split('/');
    }

    private sealed record RestAnswer(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null);

    private sealed record ScriptedResponse(string Method, string PathPrefix, int Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers);

    private sealed record RateWindow(DateTimeOffset ResetAt, int Used);
}
