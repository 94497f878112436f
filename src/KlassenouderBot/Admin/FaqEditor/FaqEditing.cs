using KlassenouderBot.Data;
using KlassenouderBot.Faq;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Admin.FaqEditor;

/// <summary>A question the bot could not answer, as the school sees it (names and contact details taken out).</summary>
public sealed record MissedQuestion(string Question, string? Groep, DateTimeOffset AskedAt, string? NearestFaqId);

/// <summary>What "try a question" shows: whether the bot would answer, and its best candidates.</summary>
public sealed record TryResult(bool WouldAnswer, double Threshold, IReadOnlyList<FaqSuggestion> Suggestions);

/// <summary>
/// The FAQ editor's work: the entries as they stand, "try a question" on the live index, the questions the bot
/// missed lately, and saving or deleting an entry as a new version of the school.
/// </summary>
public sealed class FaqEditing(SchoolSource school, FaqIndex index, SchoolDocuments documents, IDbContextFactory<BotDbContext> contextFactory, TimeProvider time)
{
    public const int MaxEntryTextLength = 4_000;

    public IReadOnlyList<FaqEntry> Entries => school.Current.Faq;

    public FaqEntry? Find(string id) => school.Current.Faq.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The guide headings an entry can cite as its source.</summary>
    public IReadOnlyList<string> GuideHeadings => [.. index.Guide.Passages.Select(p => p.Heading).Distinct(StringComparer.Ordinal)];

    public TryResult Try(string question)
    {
        var engine = index.Current;
        var result = engine.Ask(question);
        return new TryResult(result.Answered, engine.Options.Threshold, engine.Suggest(question, 3));
    }

    public async Task<IReadOnlyList<MissedQuestion>> MissedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow() - Dashboard.DashboardFigures.Period;
        var missed = await db.FaqAnswers.AsNoTracking()
            .Where(a => a.MissedQuestion != null && a.CreatedAt >= since)
            .OrderByDescending(a => a.CreatedAt)
            .Take(100)
            .Select(a => new { a.MissedQuestion, a.Groep, a.CreatedAt })
            .ToListAsync(cancellationToken);
        var engine = index.Current;
        return [.. missed.Select(m => new MissedQuestion(m.MissedQuestion!, m.Groep, m.CreatedAt, engine.Ask(m.MissedQuestion!).NearestFaqId))];
    }

    /// <returns>null when saved, else why not (in Dutch, for the form).</returns>
    public async Task<string?> SaveAsync(FaqEntry entry, string? originalId, string actor, CancellationToken cancellationToken)
    {
        if (Problem(entry) is { } problem)
        {
            return problem;
        }

        var (_, refused) = await documents.SaveAsync(current => SchoolYamlEditor.SaveFaq(current.Yaml, entry, originalId), null, $"faq.saved {entry.Id}", actor, cancellationToken);
        return refused;
    }

    public async Task<string?> DeleteAsync(string id, string actor, CancellationToken cancellationToken)
    {
        var (_, refused) = await documents.SaveAsync(current => SchoolYamlEditor.DeleteFaq(current.Yaml, id), null, $"faq.deleted {id}", actor, cancellationToken);
        return refused;
    }

    private static string? Problem(FaqEntry entry)
    {
        if (entry.Id.Length is 0 or > 80 || !entry.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return "Het id is 1 tot 80 letters, cijfers, - of _ (bijvoorbeeld ziekmelden).";
        }

        if (entry.Question.Length == 0 || entry.Answer.Length == 0)
        {
            return "Een vraag en een antwoord zijn allebei nodig.";
        }

        var longest = new[] { entry.Question, entry.Answer, entry.AnswerEn ?? "" }.Concat(entry.Alternates).Max(t => t.Length);
        return longest > MaxEntryTextLength ? $"Houd elke tekst onder de {MaxEntryTextLength} tekens; een lang antwoord hoort in de schoolgids." : null;
    }
}
