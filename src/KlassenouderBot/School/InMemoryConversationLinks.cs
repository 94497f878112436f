using System.Collections.Concurrent;
using KlassenouderBot.Platforms;

namespace KlassenouderBot.School;

/// <summary>
/// Links kept in memory: for <c>replay</c>, tests and a server without storage. A link made in the chat wins;
/// otherwise the school file's own links (as the school stands now) count.
/// </summary>
public sealed class InMemoryConversationLinks(SchoolSource school) : IConversationLinks
{
    private readonly ConcurrentDictionary<string, string> _links = new(StringComparer.Ordinal);

    public InMemoryConversationLinks(SchoolConfiguration school)
        : this(SchoolSource.Fixed(school))
    {
    }

    public Task<string?> GetGroepAsync(ConversationRef conversation, CancellationToken cancellationToken) =>
        Task.FromResult(_links.TryGetValue(conversation.Key, out var groep) ? groep
            : school.Current.ConversationLinks.TryGetValue(conversation.Key, out var configured) ? configured : null);

    public Task LinkAsync(ConversationRef conversation, string groep, CancellationToken cancellationToken)
    {
        _links[conversation.Key] = groep;
        return Task.CompletedTask;
    }
}
