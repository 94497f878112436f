using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KlassenouderBot.Platforms.Discord.Wire;
using KlassenouderBot.Platforms.Http;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace KlassenouderBot.Platforms.Discord.Rest;

/// <summary>
/// Discord's REST API v10, the part this bot uses. Every call carries <c>Authorization: Bot …</c> (except
/// interaction callbacks, whose token is in the path) and a <c>DiscordBot (url, version)</c> User-Agent,
/// waits for its rate-limit bucket and the global limit, and runs through the resilience pipeline: a 429
/// is waited out for as long as Discord says (<c>retry_after</c>) and tried again, 5xx and timeouts are
/// retried with back-off, and 4xx errors come back as <see cref="DiscordApiException"/> with Discord's code.
/// </summary>
internal sealed class DiscordRestClient(
    HttpClient httpClient,
    DiscordRateLimits rateLimits,
    ResiliencePipeline<HttpResponseMessage> pipeline,
    DiscordOptions options,
    ILogger<DiscordRestClient> logger)
{
    /// <summary>Where the product lives, for the User-Agent Discord requires.</summary>
    public const string ProjectUrl = "https://github.com/klassenouderbot/klassenouderbot";

    public static readonly string UserAgent =
        $"DiscordBot ({ProjectUrl}, {typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"}) KlassenouderBot";

    private static readonly HttpRequestOptionsKey<RouteKey> RouteOption = new("discord.route");

    public Task<GatewayBotResponse> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync("get gateway", HttpMethod.Get, "/gateway/bot", null, DiscordJsonContext.Default.GatewayBotResponse, cancellationToken);

    public Task<PartialApplication> GetApplicationAsync(CancellationToken cancellationToken) =>
        SendAsync("get application", HttpMethod.Get, "/applications/@me", null, DiscordJsonContext.Default.PartialApplication, cancellationToken);

    public Task<DiscordMessage> CreateMessageAsync(string channelId, CreateMessage message, CancellationToken cancellationToken) =>
        SendAsync(
            "create message",
            HttpMethod.Post,
            $"/channels/{Id(channelId)}/messages",
            Json(message, DiscordJsonContext.Default.CreateMessage),
            DiscordJsonContext.Default.DiscordMessage,
            cancellationToken);

    public Task<DiscordMessage> EditMessageAsync(string channelId, string messageId, CreateMessage message, CancellationToken cancellationToken) =>
        SendAsync(
            "edit message",
            HttpMethod.Patch,
            $"/channels/{Id(channelId)}/messages/{Id(messageId)}",
            Json(message, DiscordJsonContext.Default.CreateMessage),
            DiscordJsonContext.Default.DiscordMessage,
            cancellationToken);

    /// <summary>Opens the DM channel with a user, or returns the existing one.</summary>
    public Task<DiscordChannel> CreateDmAsync(string userId, CancellationToken cancellationToken) =>
        SendAsync(
            "open direct message",
            HttpMethod.Post,
            "/users/@me/channels",
            Json(new CreateDmRequest { RecipientId = userId }, DiscordJsonContext.Default.CreateDmRequest),
            DiscordJsonContext.Default.DiscordChannel,
            cancellationToken);

    /// <summary>Members whose username or nickname starts with <paramref name="query"/> (complete only with the server members intent).</summary>
    public Task<List<DiscordMember>> SearchMembersAsync(string guildId, string query, CancellationToken cancellationToken) =>
        SendAsync(
            "search members",
            HttpMethod.Get,
            $"/guilds/{Id(guildId)}/members/search?query={Uri.EscapeDataString(query)}&limit=25",
            null,
            DiscordJsonContext.Default.ListDiscordMember,
            cancellationToken);

    /// <summary>Answers an interaction; must happen within 3 seconds of it arriving.</summary>
    public async Task RespondToInteractionAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken)
    {
        using var _ = await ExecuteAsync(
            "interaction response",
            HttpMethod.Post,
            $"/interactions/{Id(interactionId)}/{Uri.EscapeDataString(interactionToken)}/callback",
            Json(response, DiscordJsonContext.Default.InteractionResponse),
            authenticate: false,
            cancellationToken);
    }

    /// <summary>Replaces all slash commands of the application, globally or in one guild (registration is idempotent).</summary>
    public Task<JsonElement> OverwriteCommandsAsync(string applicationId, string? guildId, JsonElement commands, CancellationToken cancellationToken) =>
        SendAsync(
            "register commands",
            HttpMethod.Put,
            guildId is null ? $"/applications/{Id(applicationId)}/commands" : $"/applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands",
            Json(commands, DiscordJsonContext.Default.JsonElement),
            DiscordJsonContext.Default.JsonElement,
            cancellationToken);

    private async Task<T> SendAsync<T>(string operation, HttpMethod method, string path, Func<HttpContent>? content, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var response = await ExecuteAsync(operation, method, path, content, authenticate: true, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync(responseType, cancellationToken)
                ?? throw new DiscordApiException(operation, (int)response.StatusCode, null, "empty answer");
        }
        catch (JsonException)
        {
            throw new DiscordApiException(operation, (int)response.StatusCode, null, "unreadable answer");
        }
    }

    private async Task<HttpResponseMessage> ExecuteAsync(string operation, HttpMethod method, string path, Func<HttpContent>? content, bool authenticate, CancellationToken cancellationToken)
    {
        var route = DiscordRateLimits.Route(method, path.Split('?', 2)[0]);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                async ct =>
                {
                    await rateLimits.WaitAsync(route, ct);

                    // A request message cannot be sent twice: build one per attempt.
                    using var request = new HttpRequestMessage(method, options.ApiBaseUrl + path) { Content = content?.Invoke() };
                    request.Headers.UserAgent.ParseAdd(UserAgent);
                    if (authenticate)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
                    }

                    request.Options.Set(RouteOption, route);
                    var answer = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                    var (retryAfter, isGlobal) = await ReadRateLimitAsync(answer, ct);
                    rateLimits.Update(route, answer, retryAfter, isGlobal);
                    if (answer.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        logger.RateLimited(operation, retryAfter?.TotalSeconds ?? 0, isGlobal);
                    }

                    return answer;
                },
                cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            throw new DiscordApiException(operation, null, null, "Discord is unreachable (circuit open)");
        }
        catch (TimeoutRejectedException)
        {
            throw new DiscordApiException(operation, null, null, "timed out");
        }
        catch (HttpRequestException exception)
        {
            throw new DiscordApiException(operation, null, null, $"network error ({exception.HttpRequestError})");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Unauthorized && authenticate)
            {
                logger.TokenRejected(operation);
            }
            else
            {
                logger.CallFailed(operation, status, error?.Code);
            }

            throw new DiscordApiException(operation, status, error?.Code, error?.Message is { Length: > 0 } message ? $"{status}: {message}" : $"HTTP {status}");
        }
    }

    /// <summary>For a 429: the wait from the body's <c>retry_after</c> (or the header) and whether it is the global limit.</summary>
    private static async Task<(TimeSpan? RetryAfter, bool IsGlobal)> ReadRateLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return (null, false);
        }

        var isGlobal = response.Headers.TryGetValues("X-RateLimit-Global", out var flags) && flags.Any(f => f.Equals("true", StringComparison.OrdinalIgnoreCase));
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var error = await ReadErrorAsync(response, cancellationToken);
        var wait = error?.RetryAfter is { } seconds and >= 0 ? TimeSpan.FromSeconds(seconds) : HttpResilience.RetryAfterHeader(response);
        if (wait is { } exact)
        {
            // The body's fractional seconds are more precise than the header; the retry reads the header.
            response.Headers.RetryAfter = new RetryConditionHeaderValue(exact > TimeSpan.Zero ? exact : TimeSpan.FromMilliseconds(1));
        }

        return (wait, isGlobal || error?.Global == true);
    }

    private static async Task<DiscordError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.DiscordError, cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Func<HttpContent> Json<T>(T body, JsonTypeInfo<T> type) => () => JsonContent.Create(body, type);

    /// <summary>Ids go into paths; anything but digits would change the route.</summary>
    private static string Id(string id) =>
        id.Length > 0 && id.All(char.IsAsciiDigit) ? id : throw new DiscordApiException("request", null, null, "not a Discord id");
}
