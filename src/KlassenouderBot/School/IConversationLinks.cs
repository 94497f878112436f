using KlassenouderBot.Platforms;

namespace KlassenouderBot.School;

/// <summary>Which class (groep) a conversation belongs to. Stored in the database when serving.</summary>
public interface IConversationLinks
{
    Task<string?> GetGroepAsync(ConversationRef conversation, CancellationToken cancellationToken);

    Task LinkAsync(ConversationRef conversation, string groep, CancellationToken cancellationToken);

    /// <summary>The link was changed elsewhere (the admin app): read it afresh next time.</summary>
    void Changed(Platform platform, string conversationId)
    {
    }
}
