using System.Security.Cryptography;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Faq;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Data;

/// <summary>
/// The school's saved versions. A change is made to the newest version (fetched first, so two admins' edits to
/// different entries both stay), checked by parsing it exactly as the file is parsed at start-up, stored as the
/// next version with who made it, audited, and published to the running app.
/// </summary>
public sealed class SchoolDocuments(
    IDbContextFactory<BotDbContext> contextFactory,
    SchoolSource source,
    TimeProvider time,
    ILogger<SchoolDocuments> logger) : IDisposable
{
    private readonly SemaphoreSlim _saving = new(1, 1);

    /// <summary>The newest saved version as a snapshot, or null when the admin app never saved one.</summary>
    public async Task<SchoolSnapshot?> LoadLatestAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.SchoolDocuments.AsNoTracking().OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : await SnapshotAsync(db, latest, cancellationToken);
    }

    public async Task<long> LatestVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SchoolDocuments.MaxAsync(d => (long?)d.Version, cancellationToken) ?? 0;
    }

    public async Task<string> SourceSha256Async(long version, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SchoolDocuments.Where(d => d.Version == version).Select(d => d.SourceSha256).FirstOrDefaultAsync(cancellationToken) ?? "";
    }

    /// <summary>The newest saved version, published when it is newer than what runs; false when there is none.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        if (await LatestVersionAsync(cancellationToken) <= source.Snapshot.Version)
        {
            return false;
        }

        try
        {
            if (await LoadLatestAsync(cancellationToken) is { } snapshot && source.Publish(snapshot))
            {
                return true;
            }
        }
        catch (Exception exception) when (exception is SchoolConfigurationException or SchoolGuideException)
        {
            logger.SchoolVersionUnusable(await LatestVersionAsync(cancellationToken), exception.Message);
        }

        return false;
    }

    /// <summary>
    /// Applies <paramref name="edit"/> to the newest YAML and saves the result as the next version.
    /// </summary>
    /// <returns>The published snapshot, or the reason the change was refused (nothing is stored then).</returns>
    public async Task<(SchoolSnapshot? Snapshot, string? Problem)> SaveAsync(
        Func<SchoolSnapshot, string> edit, StoredGuide? guide, string change, string actor, CancellationToken cancellationToken)
    {
        await _saving.WaitAsync(cancellationToken);
        try
        {
            // Another instance may have saved since this one last looked; build on what is newest.
            await RefreshAsync(cancellationToken);
            var current = source.Snapshot;

            string yaml;
            SchoolConfiguration school;
            StoredGuide? storedGuide;
            try
            {
                yaml = edit(current);
                school = SchoolConfigurationLoader.Parse(yaml, current.School.SourcePath ?? SchoolOptions.DefaultConfigPath);
                storedGuide = guide ?? current.Guide;
                // The guide is what can still fail; the index itself is built once, by FaqIndex, on publishing.
                _ = FaqEngineFactory.ReadGuide(new SchoolSnapshot(school, yaml, current.Version + 1, storedGuide));
            }
            catch (Exception exception) when (exception is SchoolEditException or SchoolConfigurationException or SchoolGuideException)
            {
                return (null, exception.Message);
            }

            var now = time.GetUtcNow();
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var previous = await db.SchoolDocuments.AsNoTracking().OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
            var snapshot = new SchoolSnapshot(school, yaml, current.Version + 1, storedGuide);
            // An upload is usually stored already, for its preview; a guide new to the database is stored now.
            if (guide is not null && !await db.SchoolGuides.AnyAsync(g => g.Id == guide.Id, cancellationToken))
            {
                db.SchoolGuides.Add(new SchoolGuideRecord { Id = guide.Id, FileName = SafeFileName(guide.FileName), Content = guide.Content, CreatedBy = actor, CreatedAt = now });
            }

            db.SchoolDocuments.Add(new SchoolDocumentRecord
            {
                Version = snapshot.Version,
                Yaml = yaml,
                SourcePath = school.SourcePath ?? "",
                SourceSha256 = previous?.SourceSha256 ?? FileSha256(school.SourcePath),
                GuideId = storedGuide?.Id,
                Change = change,
                ChangedBy = actor,
                CreatedAt = now,
            });
            db.AuditEntries.Add(AuditEntry.Of(actor, change.Split(' ')[0], "school", snapshot.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), now));

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same version number from another instance at the same moment: that one stands.
                await RefreshAsync(cancellationToken);
                return (null, "De school is op hetzelfde moment door iemand anders gewijzigd. Kijk of je wijziging er nog in moet en probeer het opnieuw.");
            }

            source.Publish(snapshot);
            logger.SchoolSaved(snapshot.Version, change);
            return (snapshot, null);
        }
        finally
        {
            _saving.Release();
        }
    }

    public void Dispose() => _saving.Dispose();

    /// <summary>The SHA-256 of a file in hex, or empty when it cannot be read.</summary>
    public static string FileSha256(string? path)
    {
        try
        {
            return path is not null && File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : "";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static async Task<SchoolSnapshot> SnapshotAsync(BotDbContext db, SchoolDocumentRecord record, CancellationToken cancellationToken)
    {
        var school = SchoolConfigurationLoader.Parse(record.Yaml, record.SourcePath.Length > 0 ? record.SourcePath : SchoolOptions.DefaultConfigPath);
        StoredGuide? guide = null;
        if (record.GuideId is { } guideId && await db.SchoolGuides.AsNoTracking().FirstOrDefaultAsync(g => g.Id == guideId, cancellationToken) is { } stored)
        {
            guide = new StoredGuide(stored.Id, stored.FileName, stored.Content);
        }

        return new SchoolSnapshot(school, record.Yaml, record.Version, guide);
    }

    /// <summary>Only the name of an uploaded file, never a path someone typed into it.</summary>
    public static string SafeFileName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        return file.Length is > 0 and <= 200 ? file : "schoolgids" + Path.GetExtension(file);
    }
}
