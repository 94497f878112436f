using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using KlassenouderBot.Platforms.Http;

namespace KlassenouderBot.Platforms.Discord.Rest;

/// <summary>
/// Keeps the bot inside Discord's HTTP rate limits by waiting instead of collecting 429s: per-bucket
/// limits learnt from the <c>X-RateLimit-*</c> headers (a bucket is Discord's bucket hash plus the route's
/// top-level resource: channel, guild or webhook), a global 50 requests per second (interaction callbacks
/// are exempt), and the pause a 429 asks for, globally when Discord says so.
/// </summary>
internal sealed partial class DiscordRateLimits(TimeProvider timeProvider)
{
    public const int GlobalPerSecond = 50;

    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly SlidingWindow _global = new(TimeSpan.FromSeconds(1), GlobalPerSecond);
    private readonly Lock _gate = new();
    private DateTimeOffset _globalBlockedUntil;

    /// <summary>The route a request belongs to: method plus path with ids replaced, except the top-level resource's.</summary>
    public static RouteKey Route(HttpMethod method, string path)
    {
        var major = MajorParameter().Match(path);
        var majorId = major.Success ? major.Groups["id"].Value : "";
        var rest = major.Success ? path[major.Length..] : path;
        // The major id is kept apart (it is part of the bucket key, not the route), so the route map has
        // one entry per route rather than one per channel.
        var template = (major.Success ? $"/{major.Groups["kind"].Value}/:major" : "") + Snowflake().Replace(InteractionToken().Replace(rest, "/interactions/:id/:token"), "/:id");
        return new RouteKey($"{method.Method} {template}", majorId, IsInteractionCallback: path.StartsWith("/interactions/", StringComparison.Ordinal));
    }

    /// <summary>Waits until the route's bucket and the global limit allow one more request, and books it.</summary>
    public ValueTask WaitAsync(RouteKey route, CancellationToken cancellationToken) =>
        SlotWaiter.WaitAsync(() => TryReserve(route), timeProvider, cancellationToken);

    internal TimeSpan TryReserve(RouteKey route)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!route.IsInteractionCallback && _globalBlockedUntil > now)
            {
                return _globalBlockedUntil - now;
            }

            BucketState? bucket = null;
            if (_bucketOfRoute.TryGetValue(route.Key, out var hash) && _buckets.TryGetValue(BucketKey(hash, route.MajorId), out bucket))
            {
                if (bucket.Remaining <= 0 && bucket.ResetAt > now)
                {
                    return bucket.ResetAt - now;
                }
            }

            if (!route.IsInteractionCallback)
            {
                var globalWait = _global.WaitFor(now);
                if (globalWait > TimeSpan.Zero)
                {
                    return globalWait;
                }

                _global.Book(now);
            }

            if (bucket is not null)
            {
                if (bucket.ResetAt <= now)
                {
                    // A new window starts with this request; without a new reset time every later request
                    // would also see a fresh window. Discord's next answer corrects the estimate.
                    bucket.Remaining = bucket.Limit;
                    bucket.ResetAt = now + bucket.Window;
                }

                // Count the request now, so concurrent senders queue behind it rather than all going at once.
                bucket.Remaining--;
            }

            return TimeSpan.Zero;
        }
    }

    /// <summary>Learns the bucket's state from a response; a 429 pauses the bucket, or everything when it is global.</summary>
    public void Update(RouteKey route, HttpResponseMessage response, TimeSpan? retryAfter, bool isGlobal)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (isGlobal && retryAfter is { } globalWait)
            {
                _globalBlockedUntil = Max(_globalBlockedUntil, now + globalWait);
            }

            if (Header(response, "X-RateLimit-Bucket") is not { Length: > 0 } hash)
            {
                return;
            }

            _bucketOfRoute[route.Key] = hash;
            var state = _buckets.GetOrAdd(BucketKey(hash, route.MajorId), static _ => new BucketState());
            if (int.TryParse(Header(response, "X-RateLimit-Limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit))
            {
                state.Limit = limit;
            }

            if (int.TryParse(Header(response, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
            {
                state.Remaining = remaining;
            }

            // Reset-After is relative, so it does not depend on this machine's clock agreeing with Discord's.
            if (double.TryParse(Header(response, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
            {
                state.ResetAt = now + TimeSpan.FromSeconds(resetAfter);
                state.Window = TimeSpan.FromSeconds(Math.Max(resetAfter, state.Window.TotalSeconds));
            }

            if (!isGlobal && retryAfter is { } bucketWait)
            {
                state.Remaining = 0;
                state.ResetAt = Max(state.ResetAt, now + bucketWait);
            }
        }
    }

    private static string BucketKey(string hash, string majorId) => $"{hash}:{majorId}";

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [GeneratedRegex(@"^/(?<kind>channels|guilds|webhooks)/(?<id>\d+)")]
    private static partial Regex MajorParameter();

    [GeneratedRegex(@"/\d{5,}")]
    private static partial Regex Snowflake();

    [GeneratedRegex(@"^/interactions/[^/]+/[^/]+")]
    private static partial Regex InteractionToken();

    private sealed class BucketState
    {
        public int Limit { get; set; } = 1;

        public int Remaining { get; set; } = 1;

        public DateTimeOffset ResetAt { get; set; }

        /// <summary>The longest Reset-After seen: how long a window of this bucket lasts.</summary>
        public TimeSpan Window { get; set; }
    }
}

/// <summary>A request's route as the rate limits see it.</summary>
/// <param name="Key">Method and path template, ids replaced (<c>POST /channels/:major/messages</c>).</param>
/// <param name="MajorId">The channel, guild or webhook id the limit is counted per.</param>
/// <param name="IsInteractionCallback">Interaction callbacks are not under the global limit.</param>
internal sealed record RouteKey(string Key, string MajorId, bool IsInteractionCallback);
