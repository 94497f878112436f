using KlassenouderBot.Data.Entities;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Data;

/// <summary>Conversation → groep links kept in the database, so they survive restarts.</summary>
public sealed class EfConversationLinks(IDbContextFactory<BotDbContext> contextFactory, TimeProvider timeProvider) : IConversationLinks
{
    public async Task<string?> GetGroepAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ConversationLinks
            .Where(l => l.Platform == conversation.Platform && l.ConversationId == conversation.ConversationId)
            .Select(l => l.Groep)
            .FirstOrDefaultAsync(cancellationToken);
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
    }
}
