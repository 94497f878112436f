using System.Net.Http.Headers;

namespace KlassenouderBot.LoadTest;

/// <summary>
/// Posts activities to one server's <c>/api/messages</c> as the Bot Connector does: JSON with a bearer
/// token. The same token on every request, because the Bot Connector reuses its token for up to an hour.
/// </summary>
internal sealed class ActivityPoster : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _client;
    private readonly Uri _endpoint;
    private readonly AuthenticationHeaderValue _authorization;

    public ActivityPoster(Uri baseAddress, string channelToken, int connections)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        _endpoint = new Uri(baseAddress, "api/messages");
        _authorization = new AuthenticationHeaderValue("Bearer", channelToken);
    }

    /// <summary>The response's status code, or 0 when no response came (connection error, timeout).</summary>
    public async Task<int> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonType;
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = content };
        request.Headers.Authorization = _authorization;
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    public void Dispose() => _client.Dispose();
}
