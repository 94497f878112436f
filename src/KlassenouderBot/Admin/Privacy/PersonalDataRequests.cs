using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Admin.Privacy;

/// <summary>What the bot holds about one person, found by name or e-mail address.</summary>
public sealed record PersonalData(
    string Person,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<AlertRecord> Alerts,
    IReadOnlyList<AuditEntry> AuditEntries)
{
    public int Count => Accounts.Count + Alerts.Count + AuditEntries.Count;
}

/// <summary>What an erasure changed.</summary>
public sealed record ErasureResult(int Accounts, int Alerts, int AuditEntries);

/// <summary>
/// A parent's right of access and erasure (AVG articles 15 and 17). The bot keeps no messages and no
/// per-parent profile: what can name a person is an account, an alert addressed to or handled by them (and its
/// quotes, when the school allows quotes), and the audit log of what they did. Export gives all of it as JSON;
/// erasure deletes the account, takes the name out of alerts and removes their quotes, and pseudonymises the
/// audit log, so the log still shows that something happened, not by whom. Both are audited themselves,
/// without the name.
/// </summary>
public sealed class PersonalDataRequests(IDbContextFactory<BotDbContext> contextFactory, TimeProvider time)
{
    public const string Erased = "verwijderd op verzoek";

    private static readonly JsonSerializerOptions ExportOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<PersonalData> FindAsync(string person, CancellationToken cancellationToken)
    {
        var term = person.Trim();
        if (term.Length < 3)
        {
            return new PersonalData(term, [], [], []);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().ToListAsync(cancellationToken);
        var alerts = await db.Alerts.AsNoTracking().ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().ToListAsync(cancellationToken);

        // Compared in memory, the same way on SQLite and PostgreSQL: case-insensitive, whole names.
        return new PersonalData(
            term,
            [.. accounts.Where(a => Same(a.Email, term) || Same(a.DisplayName, term))],
            [.. alerts.Where(a => Same(a.RecipientLabel, term) || Same(a.HandledBy, term) || Mentions(a.Excerpts, term))],
            [.. audit.Where(a => Mentions(a.Actor, term))]);
    }

    public byte[] Export(PersonalData data) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        person = data.Person,
        exportedAt = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        note = "KlassenouderBot bewaart geen chatberichten en geen profiel per ouder. Dit is alles wat naar deze persoon verwijst.",
        accounts = data.Accounts.Select(a => new { a.Email, a.DisplayName, role = a.Role.ToString(), a.Groepen, a.CreatedAt }),
        alerts = data.Alerts.Select(a => new { a.Id, a.Groep, a.CreatedAt, a.Summary, a.RecipientLabel, a.HandledBy, a.HandledAt, status = a.Status.ToString(), a.Excerpts }),
        auditLog = data.AuditEntries.Select(a => new { a.Action, a.TargetType, a.TargetId, a.OccurredAt, a.Actor }),
    }, ExportOptions);

    public async Task AuditAsync(string action, string person, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(AuditEntry.Of(actor, action, "person", Pseudonym(person), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ErasureResult> EraseAsync(string person, string actor, CancellationToken cancellationToken)
    {
        var found = await FindAsync(person, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var accountIds = found.Accounts.Select(a => a.Id).ToList();
        await db.Accounts.Where(a => accountIds.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);

        var alertIds = found.Alerts.Select(a => a.Id).ToList();
        foreach (var alert in await db.Alerts.Where(a => alertIds.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            alert.RecipientLabel = Same(alert.RecipientLabel, found.Person) ? Erased : alert.RecipientLabel;
            alert.HandledBy = Same(alert.HandledBy, found.Person) ? Erased : alert.HandledBy;
            alert.Excerpts = Mentions(alert.Excerpts, found.Person) ? null : alert.Excerpts;
        }

        var auditIds = found.AuditEntries.Select(a => a.Id).ToList();
        foreach (var entry in await db.AuditEntries.Where(a => auditIds.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            entry.Actor = $"{Erased} ({Pseudonym(found.Person)})";
        }

        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync("privacy.erased", found.Person, actor, cancellationToken);
        return new ErasureResult(accountIds.Count, alertIds.Count, auditIds.Count);
    }

    /// <summary>A stable stand-in for a name in the audit log: the same person gets the same code, nobody can read it back.</summary>
    public static string Pseudonym(string person) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(person.Trim().ToUpperInvariant())))[..12];

    private static bool Same(string? value, string term) => value is not null && string.Equals(value.Trim(), term, StringComparison.OrdinalIgnoreCase);

    // A name as a whole word in a longer text ("Naima (klassenouder)", an audit actor "Naima (naima@…)").
    private static bool Mentions(string? text, string term) =>
        text is not null && System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){System.Text.RegularExpressions.Regex.Escape(term)}(?![\p{{L}}\p{{N}}])", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
