namespace KlassenouderBot.Platforms.Discord;

/// <summary>
/// Keeps a gateway shard's session over a restart. The bot closes the connection on shutdown in a way that leaves
/// the session open on Discord's side for a short while; when the next start resumes it, Discord replays what was
/// dispatched in between, which would otherwise never reach the bot. The state is opaque to the store (the app keeps
/// it in its database); without a store every start begins a new session.
/// </summary>
public interface IDiscordSessionStore
{
    /// <summary>Keeps <paramref name="state"/> for shard <paramref name="shardId"/>, replacing what was kept before.</summary>
    Task SaveAsync(int shardId, string state, CancellationToken cancellationToken);

    /// <summary>Returns what is kept for shard <paramref name="shardId"/> and forgets it (a session is resumed once), or null.</summary>
    Task<string?> TakeAsync(int shardId, CancellationToken cancellationToken);
}

/// <summary>No store: each start begins a new session (what a host without a database does).</summary>
internal sealed class NoDiscordSessionStore : IDiscordSessionStore
{
    public Task SaveAsync(int shardId, string state, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string?> TakeAsync(int shardId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
