using KlassenouderBot.Platforms;

namespace KlassenouderBot.Moderation;

/// <summary>
/// Where the engine keeps what it remembers of each conversation's escalation. In memory for one instance;
/// in the shared database when several instances take a conversation's messages in turns, so the heat
/// one instance saw is the heat the next one starts from.
/// </summary>
public interface IConversationStates
{
    /// <summary>What stands for an author in the state: the platform's id in memory, a pseudonym in a database.</summary>
    string AuthorKey(ConversationRef conversation, string authorId);

    /// <summary>
    /// Runs <paramref name="update"/> on <paramref name="local"/> brought up to date with the conversation's
    /// latest state, with no other update of that conversation (on any instance) in between, and keeps the result.
    /// </summary>
    Task<T> UpdateAsync<T>(ConversationRef conversation, ConversationState local, Func<T> update, CancellationToken cancellationToken);

    /// <summary>Drops what is kept about the conversation (a playground reset, a deletion request).</summary>
    Task ForgetAsync(ConversationRef conversation, CancellationToken cancellationToken);
}

/// <summary>One instance's memory: the engine's own copy is the state.</summary>
public sealed class InMemoryConversationStates : IConversationStates
{
    public string AuthorKey(ConversationRef conversation, string authorId) => authorId;

    public Task<T> UpdateAsync<T>(ConversationRef conversation, ConversationState local, Func<T> update, CancellationToken cancellationToken)
    {
        lock (local.Gate)
        {
            return Task.FromResult(update());
        }
    }

    public Task ForgetAsync(ConversationRef conversation, CancellationToken cancellationToken) => Task.CompletedTask;
}
