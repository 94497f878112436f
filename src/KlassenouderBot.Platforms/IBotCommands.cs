namespace KlassenouderBot.Platforms;

/// <summary>The outcome of asking to link a conversation to a class.</summary>
/// <param name="Linked">True when the link was made.</param>
/// <param name="Reply">What to tell the person who asked (in the conversation or privately).</param>
public sealed record LinkResult(bool Linked, string Reply);

/// <summary>The bot's answer to a question put to it directly.</summary>
/// <param name="Answered">False when the bot is not sure and says who to ask instead.</param>
/// <param name="Text">The answer with its source, or the pointer to the teacher or the office.</param>
/// <param name="AnswerId">The stored answer, so a parent can say it did not help (e.g. with a button).</param>
public sealed record FaqReply(bool Answered, string Text, string? AnswerId = null);

/// <summary>
/// The bot's few commands, the same on every platform: what it says on arrival, help, privacy and
/// linking a conversation to a class. Platforms parse their own syntax (a Teams mention, a Discord slash
/// command) and ask here for the words.
/// </summary>
public interface IBotCommands
{
    /// <summary>The short welcome with a plain-Dutch privacy notice, posted once when the bot is added.</summary>
    string Welcome(ConversationRef conversation);

    /// <summary>What the bot can do and how to reach it.</summary>
    string Help(ConversationRef conversation);

    /// <summary>What the bot does with messages, and what it keeps.</summary>
    string Privacy(ConversationRef conversation);

    /// <summary>Answers a parent's question from the school's FAQ (Discord's <c>/faq</c>), or says who to ask.</summary>
    Task<FaqReply> AnswerQuestionAsync(ConversationRef conversation, string question, CancellationToken cancellationToken);

    /// <summary>A parent says an answer did not help; stored for the school. Returns what to tell them.</summary>
    Task<string> AnswerNotHelpfulAsync(string answerId, CancellationToken cancellationToken);

    /// <summary>
    /// Links the conversation to a groep when the requester may do so: the platform vouches for them
    /// (<paramref name="platformGrantsManage"/>, e.g. Discord's Manage Server) or their e-mail belongs to
    /// staff, a teacher or a class parent in the school file.
    /// </summary>
    Task<LinkResult> LinkAsync(ConversationRef conversation, ChatUser requester, string groep, bool platformGrantsManage, CancellationToken cancellationToken);
}
