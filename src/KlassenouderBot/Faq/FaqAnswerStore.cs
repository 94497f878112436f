using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Platforms;
using KlassenouderBot.Privacy;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Faq;

/// <summary>
/// Records that the bot answered (or could not answer) a question, and a parent's "this did not help", for
/// the school: which entry or guide section and how sure. The question itself only when it went unanswered,
/// with names and contact details taken out, so the school can add an entry for it. Kept for the retention period.
/// </summary>
public sealed class FaqAnswerStore(IDbContextFactory<BotDbContext> contextFactory, TimeProvider timeProvider, Func<PersonalDataRedactor>? redactor = null)
{
    /// <summary>Longer questions are cut: the start says what it is about.</summary>
    public const int MaxStoredQuestionLength = 300;

    /// <summary>"Did not help" counts for the last answer in a conversation given within this time.</summary>
    public static readonly TimeSpan FeedbackWindow = TimeSpan.FromHours(1);

    /// <summary>Records one answer or abstention; the question is stored (redacted) only when it went unanswered.</summary>
    public async Task<Guid> RecordAsync(ConversationRef conversation, string? groep, FaqResult result, string? question, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var record = new FaqAnswerRecord
        {
            Id = Guid.CreateVersion7(now),
            ConversationKey = conversation.Key,
            Groep = groep,
            FaqId = result.Answered ? result.FaqId : null,
            Source = result.Answered ? result.Source : null,
            Answered = result.Answered,
            Confidence = Math.Round(result.Confidence, 3),
            MissedQuestion = result.Answered || redactor is null || string.IsNullOrWhiteSpace(question) ? null : Redacted(question, redactor()),
            CreatedAt = now,
        };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.FaqAnswers.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    private static string Redacted(string question, PersonalDataRedactor redactor)
    {
        var text = question.Trim();
        return redactor.Redact(text.Length <= MaxStoredQuestionLength ? text : text[..MaxStoredQuestionLength], Moderation.AnalysisContext.None);
    }

    /// <summary>Marks one answer as not helpful; false when there is no such answer (any more).</summary>
    public async Task<bool> MarkNotHelpfulAsync(Guid answerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var updated = await db.FaqAnswers
            .Where(a => a.Id == answerId && a.NotHelpfulAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.NotHelpfulAt, now), cancellationToken);
        return updated > 0 || await db.FaqAnswers.AnyAsync(a => a.Id == answerId, cancellationToken);
    }

    /// <summary>Marks the conversation's latest answer of the last hour as not helpful; false when there is none.</summary>
    public async Task<bool> MarkLatestNotHelpfulAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var since = timeProvider.GetUtcNow() - FeedbackWindow;
        var latest = await db.FaqAnswers.AsNoTracking()
            .Where(a => a.ConversationKey == conversationKey && a.Answered && a.CreatedAt >= since)
            .OrderByDescending(a => a.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return latest is not null && await MarkNotHelpfulAsync(latest.Id, cancellationToken);
    }
}
