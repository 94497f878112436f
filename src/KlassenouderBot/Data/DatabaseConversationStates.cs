using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Data;

/// <summary>
/// Escalation state in the shared database, for several instances behind one load balancer: each message's
/// update locks the conversation's row (an upsert that returns the row also locks it), brings the instance's
/// copy up to date, decides, and writes the result back before the lock is released. The next message of the
/// conversation, on whichever instance, starts from there.
/// </summary>
/// <remarks>
/// When the database cannot be reached the message is still assessed and decided on this instance's own copy:
/// a hurtful message going unnoticed during a database restart is worse than a heat that is briefly off.
/// </remarks>
internal sealed class DatabaseConversationStates(
    IDbContextFactory<BotDbContext> contextFactory,
    TimeProvider time,
    ILogger<DatabaseConversationStates> logger) : IConversationStates
{
    /// <summary>After this long without a message the state is of no use (the heat has long decayed) and is deleted.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(26);

    private static readonly string EmptyState = Write(ConversationSnapshot.Empty);

    /// <summary>
    /// A stand-in that is the same for an author within one conversation and says nothing outside it: the state
    /// only needs to tell authors apart, not to know who they are.
    /// </summary>
    public string AuthorKey(ConversationRef conversation, string authorId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversation.Key}\n{authorId}")).AsSpan(0, 12));

    public async Task<T> UpdateAsync<T>(ConversationRef conversation, ConversationState local, Func<T> update, CancellationToken cancellationToken)
    {
        try
        {
            return await UpdateSharedAsync(conversation.Key, local, update, cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException or JsonException
            && !cancellationToken.IsCancellationRequested)
        {
            logger.SharedStateUnavailable(exception.GetType().Name);
            lock (local.Gate)
            {
                return update();
            }
        }
    }

    public async Task ForgetAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.ConversationStates.Where(c => c.ConversationKey == conversation.Key).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<T> UpdateSharedAsync<T>(string key, ConversationState local, Func<T> update, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Creates the row for a new conversation and, either way, locks it until the commit.
        var stored = await db.Database.SqlQuery<string>(
                $"""
                INSERT INTO conversation_states (conversation_key, state, updated_at) VALUES ({key}, {EmptyState}, {now})
                ON CONFLICT (conversation_key) DO UPDATE SET conversation_key = excluded.conversation_key
                RETURNING state AS "Value"
                """)
            .ToListAsync(cancellationToken);
        var snapshot = JsonSerializer.Deserialize<ConversationSnapshot>(stored.Single()) ?? ConversationSnapshot.Empty;

        T result;
        string updated;
        lock (local.Gate)
        {
            snapshot.ApplyTo(local);
            result = update();
            updated = Write(ConversationSnapshot.Of(local));
        }

        await db.ConversationStates
            .Where(c => c.ConversationKey == key)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, updated).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static string Write(ConversationSnapshot snapshot) => JsonSerializer.Serialize(snapshot);
}
