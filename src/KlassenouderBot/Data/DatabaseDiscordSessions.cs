using KlassenouderBot.Data.Entities;
using KlassenouderBot.Platforms.Discord;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Data;

/// <summary>
/// The Discord gateway's sessions over a restart, one row per shard: saved at a graceful stop, taken (read and
/// deleted) at the next start, so a session is resumed at most once and a crash leaves nothing stale behind. With
/// several instances on one database each shard's row is written and read by the one instance running that shard.
/// </summary>
internal sealed class DatabaseDiscordSessions(IDbContextFactory<BotDbContext> contextFactory, TimeProvider time) : IDiscordSessionStore
{
    public async Task SaveAsync(int shardId, string state, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.DiscordSessions.FirstOrDefaultAsync(s => s.ShardId == shardId, cancellationToken);
        if (row is null)
        {
            db.DiscordSessions.Add(new DiscordSessionRecord { ShardId = shardId, State = state, SavedAt = time.GetUtcNow() });
        }
        else
        {
            row.State = state;
            row.SavedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<string?> TakeAsync(int shardId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.DiscordSessions.AsNoTracking().FirstOrDefaultAsync(s => s.ShardId == shardId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        await db.DiscordSessions.Where(s => s.ShardId == shardId).ExecuteDeleteAsync(cancellationToken);
        return row.State;
    }
}
