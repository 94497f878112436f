using System.Net;
using System.Net.Http.Json;

namespace KlassenouderBot.Platforms.Teams.Auth;

/// <summary>
/// Client-credentials tokens from <c>{ToChannelFromBotLoginUrl}/oauth2/v2.0/token</c>, posted as a plain
/// form so a loopback test authority works (MSAL refuses http:// authorities). One fetch at a time; the
/// token is reused until five minutes before it expires; a busy token endpoint is retried a few times.
/// </summary>
internal sealed class ClientCredentialsTokenProvider(HttpClient httpClient, TeamsOptions options, TimeProvider timeProvider) : IBotTokenProvider
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private const int MaxAttempts = 3;

    private readonly Lock _gate = new();
    private Task<(string Token, DateTimeOffset ExpiresAt)>? _fetching;
    private (string Token, DateTimeOffset ExpiresAt)? _current;

    public async ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        Task<(string Token, DateTimeOffset ExpiresAt)> fetch;
        lock (_gate)
        {
            if (!forceRefresh && _current is { } current && timeProvider.GetUtcNow() < current.ExpiresAt - RefreshMargin)
            {
                return current.Token;
            }

            // Concurrent sends share one fetch.
            if (_fetching is not { IsCompleted: false })
            {
                _fetching = FetchAndStoreAsync();
            }

            fetch = _fetching;
        }

        var (token, _) = await fetch.WaitAsync(cancellationToken);
        return token;
    }

    private async Task<(string Token, DateTimeOffset ExpiresAt)> FetchAndStoreAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), timeProvider);
        var (token, expiresIn) = await FetchAsync(timeout.Token);
        var fetched = (token, timeProvider.GetUtcNow() + expiresIn);
        lock (_gate)
        {
            _current = fetched;
        }

        return fetched;
    }

    private async Task<(string Token, TimeSpan ExpiresIn)> FetchAsync(CancellationToken cancellationToken)
    {
        var endpoint = new Uri($"{options.ResolvedLoginUrl}/oauth2/v2.0/token");
        for (var attempt = 1; ; attempt++)
        {
            using var form = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", options.AppId),
                new("client_secret", options.AppPassword),
                new("scope", options.ResolvedScope),
            ]);
            HttpResponseMessage response;
            try
            {
                response = await httpClient.PostAsync(endpoint, form, cancellationToken);
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Backoff(attempt, null), timeProvider, cancellationToken);
                continue;
            }
            catch (HttpRequestException exception)
            {
                throw new BotTokenException("The token endpoint could not be reached.", exception);
            }

            using (response)
            {
                var body = await ReadAsync(response, cancellationToken);
                if (response.IsSuccessStatusCode && body?.AccessToken is { Length: > 0 } token)
                {
                    var lifetime = TimeSpan.FromSeconds(body.ExpiresIn > 0 ? body.ExpiresIn : 3600);
                    return (token, lifetime);
                }

                var transient = response.StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError
                    || body?.Error == "temporarily_unavailable";
                if (!transient || attempt >= MaxAttempts)
                {
                    throw new BotTokenException($"The token endpoint answered {(int)response.StatusCode} {body?.Error}.".TrimEnd());
                }

                await Task.Delay(Backoff(attempt, response.Headers.RetryAfter?.Delta), timeProvider, cancellationToken);
            }
        }
    }

    private static async Task<TokenResponse?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(TeamsJsonContext.Default.TokenResponse, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static TimeSpan Backoff(int attempt, TimeSpan? retryAfter) =>
        retryAfter is { } wait && wait > TimeSpan.Zero
            ? TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds, 30))
            : TimeSpan.FromMilliseconds((200 * Math.Pow(2, attempt - 1)) + Random.Shared.Next(0, 100));
}
