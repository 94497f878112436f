using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using KlassenouderBot.Pipeline;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;

namespace KlassenouderBot.Faq;

/// <summary>
/// Answers parents' questions in the chat, after moderation has had its say. A question put to the bot (a
/// mention, a reply to the bot, a private chat) always gets an answer, or, when the bot is not sure, who to
/// ask. A question in the group that nobody put to the bot is answered only when the school allows it and
/// the bot is very sure, and the same answer is not given twice in a conversation within an hour. Answers
/// reply to the question itself and are recorded for the school (without the question); "niet geholpen" to
/// the bot marks the last answer as not helpful.
/// </summary>
public sealed partial class FaqMiddleware(
    FaqIndex faq,
    SchoolSource school,
    IConversationLinks links,
    IEnumerable<IChatSender> senders,
    FaqAnswerStore answers,
    TimeProvider timeProvider,
    BotMetrics? metrics = null) : IMessageMiddleware
{
    /// <summary>The same answer is not repeated in a conversation within this time.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromHours(1);

    private const int MaxRemembered = 10_000;

    private readonly Dictionary<Platform, IChatSender> _senders = senders.ToDictionary(s => s.Platform);
    private readonly ConcurrentDictionary<(string Conversation, string Answer), DateTimeOffset> _answered = new();

    public async Task InvokeAsync(ChatMessage message, MessageDelegate next, CancellationToken cancellationToken)
    {
        await next(message, cancellationToken);

        var addressed = message.AddressesBot || message.IsPrivate;
        if (!_senders.TryGetValue(message.Conversation.Platform, out var sender))
        {
            return;
        }

        // "@KlassenouderBot niet geholpen": the last answer here did not help; the school hears of it.
        if (addressed && NotHelpful().IsMatch(message.Text.Trim()))
        {
            var marked = await answers.MarkLatestNotHelpfulAsync(message.Conversation.Key, cancellationToken);
            await sender.SendToConversationAsync(
                message.Conversation,
                new OutboundMessage(OutboundKind.FaqAnswer, FaqReplies.Feedback(marked)) { ReplyToMessageId = message.IsPrivate ? null : message.Id },
                cancellationToken);
            return;
        }

        if (!LooksLikeQuestion(message.Text, addressed))
        {
            return;
        }

        var engine = faq.Current;
        if (!addressed && !engine.Options.AutoAnswerInGroups)
        {
            // Nobody asked the bot and the school does not want it to chime in: no need to search.
            return;
        }

        var groep = await links.GetGroepAsync(message.Conversation, cancellationToken);
        var result = engine.Ask(message.Text, groep);
        if (!addressed && !(result.Answered && result.Confidence >= engine.Options.AutoAnswerThreshold))
        {
            return;
        }

        var answerKey = result.Answered ? result.FaqId ?? $"gids:{result.Source}" : null;
        if (answerKey is not null && !addressed && AnsweredRecently(message.Conversation.Key, answerKey))
        {
            return;
        }

        var text = FaqReplies.Say(result, school.Current, groep);
        var reply = new OutboundMessage(OutboundKind.FaqAnswer, text) { ReplyToMessageId = message.IsPrivate ? null : message.Id };
        var sent = await sender.SendToConversationAsync(message.Conversation, reply, cancellationToken);
        if (sent.Delivered)
        {
            metrics?.FaqQuestion(result.Answered);
            await answers.RecordAsync(message.Conversation, groep, result, message.Text, cancellationToken);
            if (answerKey is not null)
            {
                Remember(message.Conversation.Key, answerKey);
            }
        }
    }

    /// <summary>
    /// A question mark, or a question word first ("wanneer", "hoe", "when"…); put to the bot, any message
    /// of three words or more. "Dank je!" to the bot is not a question.
    /// </summary>
    internal static bool LooksLikeQuestion(string text, bool addressed)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        return trimmed.Contains('?', StringComparison.Ordinal)
            || QuestionStart().IsMatch(trimmed)
            || (addressed && trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3);
    }

    private bool AnsweredRecently(string conversation, string answer) =>
        _answered.TryGetValue((conversation, answer), out var at) && timeProvider.GetUtcNow() - at < RepeatWindow;

    private void Remember(string conversation, string answer)
    {
        var now = timeProvider.GetUtcNow();
        if (_answered.Count >= MaxRemembered)
        {
            foreach (var (key, at) in _answered)
            {
                if (now - at >= RepeatWindow)
                {
                    _answered.TryRemove(key, out _);
                }
            }
        }

        _answered[(conversation, answer)] = now;
    }

    [GeneratedRegex(@"^(niet geholpen|heeft niet geholpen|hielp niet|klopt niet|daar heb ik niks aan|not helpful|(that )?did ?n[o']?t help)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotHelpful();

    [GeneratedRegex(@"^(wanneer|hoe|hoelaat|wat|waar|wie|welke|waarom|mag|moet|moeten|kan|kunnen|zijn|is|heeft|hebben|weet|when|what|how|where|who|which|why|can|do|does|is|are|should)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();
}
