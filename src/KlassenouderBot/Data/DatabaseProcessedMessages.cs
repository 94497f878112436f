using System.Security.Cryptography;
using System.Text;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Pipeline;
using KlassenouderBot.Platforms;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Data;

/// <summary>
/// Claims a message in the shared database, after this instance's own memory: the primary key makes the
/// first claim win on any instance. When the database cannot be reached the message is handled anyway,
/// because a missed hurtful message is worse than a rare double nudge.
/// </summary>
internal sealed class DatabaseProcessedMessages(
    IDbContextFactory<BotDbContext> contextFactory,
    TimeProvider time,
    ILogger<DatabaseProcessedMessages> logger) : IProcessedMessages
{
    /// <summary>Redeliveries come within minutes; a day is ample, and retention deletes older claims.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly InMemoryProcessedMessages _local = new();

    public async ValueTask<bool> TryClaimAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        if (!await _local.TryClaimAsync(message, cancellationToken))
        {
            return false;
        }

        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            db.ProcessedMessages.Add(new ProcessedMessageRecord { Key = Key(message), ClaimedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (IsDuplicate(exception))
        {
            return false;
        }
        catch (Exception exception) when (exception is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            logger.ClaimFailed(exception.GetType().Name);
            return true;
        }
    }

    public static string Key(ChatMessage message) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{message.Conversation.Key}\n{message.Id}\n{message.Text}")));

    // SQLite: constraint error 19; PostgreSQL: unique_violation 23505.
    private static bool IsDuplicate(DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
