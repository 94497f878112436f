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
    /// The last link read per conversation, for when the database is away for a moment (a restart): the message is
    /// then still judged with its class, instead of failing and being lost.
    /// </summary>
    private readonly ConcurrentDictionary<string, string?> _lastKnown = new(StringComparer.Ordinal);

    public async Task<string?> GetGroepAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        string? stored;
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            stored = await db.ConversationLinks
                .Where(l => l.Platform == conversation.Platform && l.ConversationId == conversation.ConversationId)
                .Select(l => l.Groep)
                .FirstOrDefaultAsync(cancellationToken);
            _lastKnown[conversation.Key] = stored;
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            stored = _lastKnown.GetValueOrDefault(conversation.Key);
        }

        return stored ?? (school?.Current.ConversationLinks.TryGetValue(conversation.Key, out var configured) == true ? configured : null);
    }

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
        _lastKnown[conversation.Key] = groep;
    }
}
