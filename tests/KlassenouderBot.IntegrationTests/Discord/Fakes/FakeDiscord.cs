using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KlassenouderBot.IntegrationTests.Teams.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>
/// Discord on loopback: Gateway v10 (JSON over WebSocket at <c>/gateway</c> and <c>/resume</c>) and REST v10 (under
/// <c>/api/v10</c>) on one Kestrel port. Point the bot's <c>Discord:ApiBaseUrl</c> at <see cref="ApiBaseUrl"/>; it finds
/// the gateway through <c>GET /gateway/bot</c>. Tests observe what the bot sent and script what Discord does next
/// (dispatches, op 7/9, close codes, drops, scripted REST answers). Every member is thread-safe.
/// </summary>
internal sealed partial class FakeDiscord : IAsyncDisposable
{
    /// <summary>The only bot token the fake accepts, on the gateway and in <c>Authorization: Bot …</c>.</summary>
    public const string Token = "fake-bot-token";

    public const string BotUserId = "1100000000000000001";

    public const string ApplicationId = "1100000000000000002";

    public const string BotUsername = "KlassenouderBot";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private const string ApiPrefix = "/api/v10";
    private const string GatewayPath = "/gateway";
    private const string ResumePath = "/resume";

    // Readable JSON on the wire (Dutch text stays "é", not "\u00e9"); still valid JSON for any client.
    private static readonly JsonSerializerOptions WireJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();
    private LoopbackServer? _server;

    private FakeDiscord(FakeDiscordOptions options) => Options = options;

    public FakeDiscordOptions Options { get; }

    /// <summary>The REST base, e.g. <c>http://127.0.0.1:50123/api/v10</c> (no trailing slash).</summary>
    public string ApiBaseUrl => HttpBase + ApiPrefix;

    /// <summary>What <c>GET /gateway/bot</c> hands out, e.g. <c>ws://127.0.0.1:50123/gateway</c>.</summary>
    public string GatewayUrl => WebSocketBase + GatewayPath;

    /// <summary>The <c>resume_gateway_url</c> in READY: a path of its own, so a test sees which URL a reconnect used.</summary>
    public string ResumeGatewayUrl => WebSocketBase + ResumePath;

    /// <summary>The first configured guild: where oversized dispatches and webhook messages without a known interaction go.</summary>
    private FakeGuild DefaultGuild => Options.Guilds.Count > 0 ? Options.Guilds[0] : FakeGuild.Default;

    private string DefaultChannelId => DefaultGuild.Channels.Count > 0 ? DefaultGuild.Channels[0].Id : FakeGuild.Default.Channels[0].Id;

    private string HttpBase => (_server?.BaseAddress ?? throw new InvalidOperationException("Not started.")).ToString().TrimEnd('/');

    private string WebSocketBase => "ws" + HttpBase["http".Length..];

    public static async Task<FakeDiscord> StartAsync(FakeDiscordOptions? options = null)
    {
        var fake = new FakeDiscord(options ?? new FakeDiscordOptions());
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync, app => app.UseWebSockets());
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        // Kestrel waits for running requests on shutdown, and a WebSocket handler runs until its socket ends.
        List<GatewayConnection> open;
        lock (_gate)
        {
            open = [.. _connections.Where(c => c.IsOpen)];
            foreach (var connection in open)
            {
                connection.Abort();
            }
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path is GatewayPath or ResumePath && context.WebSockets.IsWebSocketRequest)
        {
            await RunGatewayAsync(context);
            return;
        }

        await HandleRestAsync(context);
    }

    /// <summary>Polls <paramref name="probe"/> until it yields a value; on timeout, the message lists what the fake saw.</summary>
    private async Task<T> PollAsync<T>(Func<T?> probe, string what, TimeSpan? timeout)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}.{Environment.NewLine}{Describe()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
    }

    private string Describe()
    {
        var connections = Connections;
        var requests = Requests;
        var lines = new List<string> { $"Gateway: identifies={IdentifyCount} session={SessionId ?? "-"} seq={LastSequence}" };
        lines.AddRange(connections.Select((c, i) => $"  connection {i + 1}: {c}"));
        lines.Add(requests.Count == 0 ? "REST: nothing" : "REST:");
        lines.AddRange(requests.Select(r => "  " + r));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Serialize(JsonNode? node) => node?.ToJsonString(WireJson) ?? "null";
}
