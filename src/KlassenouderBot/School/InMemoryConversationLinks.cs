using System.Collections.Concurrent;
using KlassenouderBot.Platforms;

namespace KlassenouderBot.School;

/// <summary>Links kept in memory: for <c>replay</c> and tests, seeded from the school file's own links.</summary>
public sealed class InMemoryConversationLinks(SchoolConfiguration school) : IConversationLinks
{
    private readonly ConcurrentDictionary<string, string> _links = new(school.ConversationLinks, StringComparer.Ordinal);

    public Task<string?> GetGroepAsync(ConversationRef conversation, CancellationToken cancellationToken) =>
        Task.FromResult(_links.TryGetValue(conversation.Key, out var groep) ? groep : null);

    public Task LinkAsync(ConversationRef conversation, string groep, CancellationToken cancellationToken)
    {
        _links[conversation.Key] = groep;
        return Task.CompletedTask;
    }
}
