using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KlassenouderBot.Platforms.Teams.Auth;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace KlassenouderBot.Platforms.Teams.Connector;

/// <summary>
/// The Bot Connector v3 REST API, the part this bot uses: send, reply, update and delete activities, open
/// a 1:1 conversation, read the members of a conversation. Every call goes to the activity's service URL
/// only when its host is allowed (the token must never leak to a spoofed host), waits for a free slot
/// under Teams' send limits, and runs through the resilience pipeline.
/// </summary>
internal sealed class ConnectorClient(
    HttpClient httpClient,
    IBotTokenProvider tokens,
    ConversationSendLimiter sendLimiter,
    ResiliencePipeline<HttpResponseMessage> pipeline,
    TeamsOptions options,
    ILogger<ConnectorClient> logger)
{
    private const int MaxMemberPages = 50;

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendActivityAsync("send", HttpMethod.Post, serviceUrl, conversationId, activityId: null, activity, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        activity.ReplyToId = activityId;
        return SendActivityAsync("reply", HttpMethod.Post, serviceUrl, conversationId, activityId, activity, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        return SendActivityAsync("update", HttpMethod.Put, serviceUrl, conversationId, activityId, activity, cancellationToken);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        using var response = await ExecuteAsync(
            "delete",
            HttpMethod.Delete,
            serviceUrl,
            $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}",
            contentFactory: null,
            rateLimitKey: conversationId,
            cancellationToken);
    }

    /// <summary>Opens (or finds: Teams returns the same id again) the 1:1 conversation between the bot and one user.</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        SendAsync(
            "create conversation",
            HttpMethod.Post,
            serviceUrl,
            "v3/conversations",
            JsonContent.Create(parameters, TeamsJsonContext.Default.ConversationParameters),
            TeamsJsonContext.Default.ConversationResourceResponse,
            parameters.Members?.FirstOrDefault()?.Id ?? "create",
            cancellationToken);

    /// <summary>All members, page by page (the unpaged API is deprecated and throttled hard).</summary>
    public async Task<IReadOnlyList<TeamsChannelAccount>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        var members = new List<TeamsChannelAccount>();
        string? continuation = null;
        for (var page = 0; page < MaxMemberPages; page++)
        {
            var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers?pageSize=500"
                + (continuation is null ? "" : $"&continuationToken={Uri.EscapeDataString(continuation)}");
            var result = await SendAsync("get members", HttpMethod.Get, serviceUrl, path, null, TeamsJsonContext.Default.PagedMembersResult, conversationId, cancellationToken);
            members.AddRange(result.Members ?? []);
            continuation = result.ContinuationToken;
            if (string.IsNullOrEmpty(continuation))
            {
                break;
            }
        }

        return members;
    }

    /// <summary>One member, or null when they are not (or no longer) in the conversation.</summary>
    public async Task<TeamsChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(
                "get member",
                HttpMethod.Get,
                serviceUrl,
                $"v3/conversations/{Escape(conversationId)}/members/{Escape(userId)}",
                null,
                TeamsJsonContext.Default.TeamsChannelAccount,
                conversationId,
                cancellationToken);
        }
        catch (ConnectorException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>An activity to <c>/activities</c> of a conversation, or to one activity in it (reply, update).</summary>
    private Task<ResourceResponse> SendActivityAsync(
        string operation,
        HttpMethod method,
        string serviceUrl,
        string conversationId,
        string? activityId,
        Activity activity,
        CancellationToken cancellationToken) =>
        SendAsync(
            operation,
            method,
            serviceUrl,
            $"v3/conversations/{Escape(conversationId)}/activities" + (activityId is null ? "" : $"/{Escape(activityId)}"),
            JsonContent.Create(activity, TeamsJsonContext.Default.Activity),
            TeamsJsonContext.Default.ResourceResponse,
            conversationId,
            cancellationToken);

    /// <summary>True when the bot may send its token to this service URL.</summary>
    public bool IsAllowedServiceUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && TeamsOptionsValidator.IsLoopbackHost(uri.Host)))
        && options.AllowedServiceUrlHosts.Any(allowed => HostMatches(uri.Host, allowed));

    internal static bool HostMatches(string host, string allowed)
    {
        host = host.Trim('[', ']');
        allowed = allowed.Trim().Trim('[', ']');
        return allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<T> SendAsync<T>(
        string operation,
        HttpMethod method,
        string serviceUrl,
        string path,
        JsonContent? content,
        JsonTypeInfo<T> responseType,
        string rateLimitKey,
        CancellationToken cancellationToken)
        where T : class, new()
    {
        // The body is serialised once; every attempt gets its own copy of the bytes.
        var body = content is null ? null : await content.ReadAsByteArrayAsync(cancellationToken);
        content?.Dispose();
        using var response = await ExecuteAsync(
            operation,
            method,
            serviceUrl,
            path,
            body is null ? null : () => new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
            rateLimitKey,
            cancellationToken);
        if (response.Content.Headers.ContentLength == 0)
        {
            return new T();
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(responseType, cancellationToken) ?? new T();
        }
        catch (JsonException)
        {
            // A send that succeeded but answered with something unreadable still succeeded.
            return new T();
        }
    }

    private async Task<HttpResponseMessage> ExecuteAsync(
        string operation,
        HttpMethod method,
        string serviceUrl,
        string path,
        Func<HttpContent>? contentFactory,
        string rateLimitKey,
        CancellationToken cancellationToken)
    {
        if (!IsAllowedServiceUrl(serviceUrl))
        {
            throw new ConnectorException(operation, null, "service URL host is not allowed");
        }

        var uri = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
        if (method != HttpMethod.Get)
        {
            await sendLimiter.WaitAsync(rateLimitKey, cancellationToken);
        }

        var refreshedToken = false;
        while (true)
        {
            HttpResponseMessage response;
            try
            {
                var token = await tokens.GetTokenAsync(forceRefresh: refreshedToken, cancellationToken);
                response = await pipeline.ExecuteAsync(
                    async (state, ct) =>
                    {
                        using var request = new HttpRequestMessage(state.method, state.uri) { Content = state.contentFactory?.Invoke() };
                        if (state.token is not null)
                        {
                            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", state.token);
                        }

                        return await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                    },
                    (method, uri, contentFactory, token),
                    cancellationToken);
            }
            catch (BrokenCircuitException exception)
            {
                throw new ConnectorException(operation, null, "circuit open", exception);
            }
            catch (TimeoutRejectedException exception)
            {
                throw new ConnectorException(operation, null, "timeout", exception);
            }
            catch (HttpRequestException exception)
            {
                throw new ConnectorException(operation, null, "unreachable", exception);
            }
            catch (BotTokenException exception)
            {
                throw new ConnectorException(operation, null, "no token", exception);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                // A 401 can mean our cached token was revoked or rotated: try once with a fresh one.
                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshedToken)
                {
                    refreshedToken = true;
                    continue;
                }

                var errorCode = await ReadErrorCodeAsync(response, cancellationToken);
                logger.ConnectorCallFailed(operation, (int)response.StatusCode, errorCode, CorrelationId(response));
                throw new ConnectorException(operation, response.StatusCode, errorCode);
            }
        }
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync(TeamsJsonContext.Default.ErrorResponse, cancellationToken);
            return error?.Error?.Code;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? CorrelationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;

    /// <summary>Teams ids contain <c>:</c>, <c>;</c> and <c>@</c>; a path segment must carry them escaped.</summary>
    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
