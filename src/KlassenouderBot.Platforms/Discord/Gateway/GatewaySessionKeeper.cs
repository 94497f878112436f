using System.Globalization;
using System.Text.Json;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Platforms.Discord.Gateway;

/// <summary>
/// Keeps a shard's session over a restart through <see cref="IDiscordSessionStore"/>: at shutdown the session id,
/// the last sequence handed to the work queue, the resume address and the shard's part of the directory (a resumed
/// session gets no READY or GUILD_CREATE again); at the next start, if it is the same shard of the same count and
/// recent enough, the shard resumes it and Discord replays what the bot missed while it was down.
/// </summary>
internal sealed class GatewaySessionKeeper(
    IDiscordSessionStore store,
    DiscordDirectory directory,
    GatewaySettings settings,
    TimeProvider timeProvider,
    ILogger<GatewaySessionKeeper> logger)
{
    /// <summary>Saving runs while the host stops: it must not hold the shutdown up for long.</summary>
    private static readonly TimeSpan SaveTimeout = TimeSpan.FromSeconds(5);

    public async Task SaveAsync(int shardId, int shardCount, string sessionId, long sequence, string resumeUrl)
    {
        var session = new StoredGatewaySession
        {
            ShardCount = shardCount,
            SessionId = sessionId,
            Sequence = sequence,
            ResumeUrl = resumeUrl,
            SavedAt = timeProvider.GetUtcNow(),
            Directory = directory.Capture(guildId => ShardOf(guildId, shardCount) == shardId),
        };
        try
        {
            using var timeout = new CancellationTokenSource(SaveTimeout, timeProvider);
            await store.SaveAsync(shardId, JsonSerializer.Serialize(session, DiscordJsonContext.Default.StoredGatewaySession), timeout.Token);
            logger.SessionKept(shardId, sequence);
        }
        catch (Exception exception)
        {
            // The next start then identifies afresh, as it would without a store.
            logger.SessionNotKept(shardId, exception.GetType().Name);
        }
    }

    /// <summary>The session kept for this shard, with the directory put back; null when there is none worth resuming.</summary>
    public async Task<StoredGatewaySession?> TakeAsync(int shardId, int shardCount, CancellationToken cancellationToken)
    {
        string? text;
        try
        {
            text = await store.TakeAsync(shardId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.KeptSessionUnreadable(shardId, exception.GetType().Name);
            return null;
        }

        if (text is null)
        {
            return null;
        }

        StoredGatewaySession? session;
        try
        {
            session = JsonSerializer.Deserialize(text, DiscordJsonContext.Default.StoredGatewaySession);
        }
        catch (JsonException)
        {
            session = null;
        }

        var age = timeProvider.GetUtcNow() - (session?.SavedAt ?? DateTimeOffset.MinValue);
        var problem = session switch
        {
            null or { SessionId.Length: 0 } => "unreadable",
            _ when session.ShardCount != shardCount => $"it was shard {shardId} of {session.ShardCount}, now of {shardCount}",
            _ when GatewayShard.GatewayUri(session.ResumeUrl) is null => "its resume address is not a safe gateway URL",
            _ when age > settings.KeptSessionLifetime => $"kept {age.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} min ago; Discord has let it go",
            _ => null,
        };
        if (problem is not null)
        {
            logger.KeptSessionNotUsed(shardId, problem);
            return null;
        }

        directory.Restore(session!.Directory ?? new DirectorySnapshot());
        logger.ResumingKeptSession(shardId, age.TotalSeconds, session.Sequence);
        return session;
    }

    /// <summary>Discord's routing: <c>(guild_id &gt;&gt; 22) % num_shards</c>; an id that is not a snowflake belongs nowhere.</summary>
    internal static int ShardOf(string guildId, int shardCount) =>
        ulong.TryParse(guildId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && shardCount > 0
            ? (int)((id >> 22) % (ulong)shardCount)
            : -1;
}

/// <summary>What <see cref="GatewaySessionKeeper"/> keeps of a shard's session.</summary>
internal sealed class StoredGatewaySession
{
    public int ShardCount { get; set; }

    public string SessionId { get; set; } = "";

    public long Sequence { get; set; }

    public string ResumeUrl { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    public DirectorySnapshot? Directory { get; set; }
}
