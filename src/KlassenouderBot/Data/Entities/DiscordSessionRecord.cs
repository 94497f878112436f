namespace KlassenouderBot.Data.Entities;

/// <summary>
/// A Discord gateway shard's session, kept from a graceful stop to the next start so the bot can resume it (and
/// Discord replays what was written in between). Opaque to the app: session id, sequence, resume address and the
/// shard's servers and channels (ids and names; no messages, no people). Taken, and deleted, at the next start.
/// </summary>
public sealed class DiscordSessionRecord
{
    public required int ShardId { get; set; }

    public required string State { get; set; }

    public required DateTimeOffset SavedAt { get; set; }
}
