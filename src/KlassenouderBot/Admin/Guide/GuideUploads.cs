using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Faq;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Admin.Guide;

/// <summary>A guide as the admin app previews it: the passages it was split into and what to fix.</summary>
public sealed record GuidePreview(Guid Id, string FileName, SchoolGuide Guide, bool InUse);

/// <summary>
/// Uploading a school guide in two steps: the file is checked and stored aside with a preview of the passages
/// the bot will answer from, and only "use this guide" makes it part of the school. Uploads never used are
/// removed by retention after a day.
/// </summary>
public sealed class GuideUploads(IDbContextFactory<BotDbContext> contextFactory, SchoolDocuments documents, SchoolSource school, TimeProvider time)
{
    /// <summary>A guide with photos is a few MB; far more is a wrong file, and the limit keeps memory in check.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    private static readonly string[] Extensions = [".md", ".markdown", ".txt", ".docx"];

    /// <returns>The stored upload's id, or why it was refused (in Dutch, for the page).</returns>
    public async Task<(Guid? Id, string? Problem)> StoreAsync(string fileName, byte[] content, string actor, CancellationToken cancellationToken)
    {
        var name = SchoolDocuments.SafeFileName(fileName);
        if (!Extensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            return (null, $"'{name}' is geen Markdown (.md) of Word (.docx). Sla de schoolgids in een van die twee op.");
        }

        if (content.Length == 0)
        {
            return (null, $"'{name}' is leeg.");
        }

        if (content.LongLength > MaxBytes)
        {
            return (null, TooLarge(content.LongLength));
        }

        try
        {
            var guide = FaqEngineFactory.ReadGuide(name, content);
            if (guide.Passages.Count == 0)
            {
                return (null, $"In '{name}' staat geen tekst waar de bot antwoorden uit kan halen.");
            }
        }
        catch (SchoolGuideException exception)
        {
            return (null, exception.Message);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.SchoolGuides.Add(new SchoolGuideRecord { Id = id, FileName = name, Content = content, CreatedBy = actor, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return (id, null);
    }

    public static string TooLarge(long bytes) =>
        string.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), $"Het bestand is {bytes / 1024.0 / 1024.0:0.0} MB; een schoolgids mag hier hooguit {MaxBytes / 1024 / 1024} MB zijn. Haal grote foto's eruit of sla hem op als Markdown.");

    public async Task<GuidePreview?> PreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.SchoolGuides.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        return record is null ? null : new GuidePreview(record.Id, record.FileName, FaqEngineFactory.ReadGuide(record.FileName, record.Content), school.Snapshot.Guide?.Id == id);
    }

    /// <returns>null when the guide is in use now, else why not.</returns>
    public async Task<string?> UseAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.SchoolGuides.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (record is null)
        {
            return "Deze upload bestaat niet meer; upload het bestand opnieuw.";
        }

        var (_, problem) = await documents.SaveAsync(current => current.Yaml, new StoredGuide(record.Id, record.FileName, record.Content), $"guide.uploaded {record.FileName}", actor, cancellationToken);
        return problem;
    }
}
