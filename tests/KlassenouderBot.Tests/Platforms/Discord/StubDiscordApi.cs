using System.Net;
using System.Text;
using System.Text.Json;
using KlassenouderBot.Platforms.Discord;
using KlassenouderBot.Platforms.Discord.Rest;
using KlassenouderBot.Platforms.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Platforms.Discord;

/// <summary>One request the stub received, as Discord would see it.</summary>
internal sealed record StubRequest(string Method, string Path, string Query, string? Authorization, string UserAgent, string? ContentType, JsonElement? Body)
{
    /// <summary>"POST /channels/1/messages": method and path without the query.</summary>
    public string Route => $"{Method} {Path}";
}

/// <summary>A scripted answer: status, JSON body and extra response headers.</summary>
internal sealed record StubAnswer(HttpStatusCode Status, string Body = "{}")
{
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    public static StubAnswer Ok(string body = "{}") => new(HttpStatusCode.OK, body);

    public static StubAnswer NoContent() => new(HttpStatusCode.NoContent, "");

    /// <summary>Discord's error body: <c>{code, message}</c>.</summary>
    public static StubAnswer Error(HttpStatusCode status, int code, string message = "error") =>
        new(status, $$"""{"code":{{code}},"message":"{{message}}"}""");

    /// <summary>A 429 whose body says how long to wait, in (fractional) seconds.</summary>
    public static StubAnswer TooManyRequests(double retryAfterSeconds, bool global = false) =>
        new(
            HttpStatusCode.TooManyRequests,
            $$"""{"message":"You are being rate limited.","retry_after":{{retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""");
}

/// <summary>
/// Discord's REST API as a scripted <see cref="HttpMessageHandler"/>: records every request (method, path,
/// headers, JSON body) and answers per route ("METHOD /path", query left out) from a queue whose last
/// answer repeats. Unscripted routes get Discord's 404 (code 0).
/// </summary>
internal sealed class StubDiscordApi : HttpMessageHandler
{
    public const string BaseUrl = "https://discord.test/api/v10";

    private static readonly string BasePath = new Uri(BaseUrl).AbsolutePath;

    private readonly Dictionary<string, Queue<StubAnswer>> _routes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<StubRequest> _requests = [];

    /// <summary>Fast retries, so a test that retries takes milliseconds.</summary>
    public static DiscordResilienceSettings FastRetries { get; } = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryAttempts = 3,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        CircuitMinimumThroughput = 100,
    };

    public IReadOnlyList<StubRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Scripts a route, e.g. <c>On("POST /channels/1/messages", StubAnswer.Ok(...))</c>.</summary>
    public StubDiscordApi On(string route, params StubAnswer[] answers)
    {
        _routes[route] = new Queue<StubAnswer>(answers);
        return this;
    }

    public IReadOnlyList<StubRequest> To(string route) => [.. Requests.Where(r => r.Route == route)];

    /// <summary>A REST client on this stub with token "t", its own rate limits and fast retries.</summary>
    public DiscordRestClient CreateClient(TimeProvider? rateLimitClock = null) =>
        new(
            new HttpClient(this),
            new DiscordRateLimits(rateLimitClock ?? TimeProvider.System),
            HttpResilience.Create(TimeProvider.System, FastRetries, HttpResilience.IsTransient, HttpResilience.RetryAfterHeader),
            new DiscordOptions { Token = "t", ApiBaseUrl = BaseUrl },
            NullLogger<DiscordRestClient>.Instance);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var path = uri.AbsolutePath.StartsWith(BasePath, StringComparison.Ordinal) ? uri.AbsolutePath[BasePath.Length..] : uri.AbsolutePath;
        JsonElement? body = null;
        if (request.Content is not null)
        {
            var text = await request.Content.ReadAsStringAsync(cancellationToken);
            body = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null;
        }

        var recorded = new StubRequest(
            request.Method.Method,
            Uri.UnescapeDataString(path),
            uri.Query.TrimStart('?'),
            request.Headers.Authorization?.ToString(),
            request.Headers.UserAgent.ToString(),
            request.Content?.Headers.ContentType?.MediaType,
            body);

        StubAnswer answer;
        lock (_gate)
        {
            _requests.Add(recorded);
            answer = _routes.TryGetValue(recorded.Route, out var queue) && queue.Count > 0
                ? (queue.Count > 1 ? queue.Dequeue() : queue.Peek())
                : StubAnswer.Error(HttpStatusCode.NotFound, 0, "404: Not Found");
        }

        var response = new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
