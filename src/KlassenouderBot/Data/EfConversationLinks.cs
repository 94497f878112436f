using System.Collections.Concurrent;
using System.Data.Common;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Data;

/// <summary>
/// Conversation → groep links kept in the database, so they survive restarts. A conversation listed under
/// <c>conversations:</c> in the school file is linked too; a link made later in the chat (or the admin) wins.
/// </summary>
public sealed class EfConversationLinks(IDbContextFactory<BotDbContext> contextFactory, TimeProvider timeProvider, SchoolSource? school = null) : IConversationLinks
{
    /// <summary>
    /// How long a link read from the database is used without asking again: every message of a chat needs its
    /// class, and a change made on another instance reaches this one within this time (as the school does).
    /// </summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The last link read per conversation: used for <see cref="CacheLifetime"/>, and for longer when the database
    /// is away for a moment (a restart), so the message is still judged with its class instead of being lost.
    /// </summary>
    private readonly ConcurrentDictionary<string, (string? Groep, DateTimeOffset ReadAt)> _lastKnown = new(StringComparer.Ordinal);

    public async Task<string?> GetGroepAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var known = _lastKnown.TryGetValue(conversation.Key, out var cached);
        string? stored;
        if (known && now - cached.ReadAt < CacheLifetime)
        {
            stored = cached.Groep;
        }
        else
        {
            try
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
                stored = await db.ConversationLinks
                    .Where(l => l.Platform == conversation.Platform && l.ConversationId == conversation.ConversationId)
                    .Select(l => l.Groep)
                    .FirstOrDefaultAsync(cancellationToken);
                _lastKnown[conversation.Key] = (stored, now);
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                stored = known ? cached.Groep : null;
            }
        }

        return stored ?? (school?.Current.ConversationLinks.TryGetValue(conversation.Key, out var configured) == true ? configured : null);
    }

    public void Changed(Platform platform, string conversationId) => _lastKnown.TryRemove(new ConversationRef(platform, conversationId).Key, out _);

    public async Task LinkAsync(ConversationRef conversation, string groep, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.ConversationLinks.FindAsync([conversation.Platform, conversation.ConversationId], cancellationToken);
        if (link is null)
        {
            db.ConversationLinks.Add(new ConversationLink
            {
                Platform = conversation.Platform,
                ConversationId = conversation.ConversationId,
                Groep = groep,
                Title = conversation.Title,
                LinkedAt = timeProvider.GetUtcNow(),
            });
        }
        else
        {
            link.Groep = groep;
            link.Title = conversation.Title ?? link.Title;
            link.LinkedAt = timeProvider.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        _lastKnown[conversation.Key] = (groep, timeProvider.GetUtcNow());
    }
}
