using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Admin.Classes;

/// <summary>A chat linked to a groep: in the database (linked in the chat or here) or in the school file.</summary>
public sealed record LinkedChat(Platform Platform, string ConversationId, string? Title, string Groep, bool FromSchoolFile);

/// <summary>An account as the classes page lists it.</summary>
public sealed record AccountSummary(Guid Id, string Email, string DisplayName, AccountRole Role, IReadOnlyList<string> Groepen, bool HasPassword);

/// <summary>
/// Classes and contacts: who teaches and who is klassenouder per groep (a new version of the school), which
/// chats are linked to which groep, and the accounts of teachers and class parents, who set their own password
/// through a link the school passes on.
/// </summary>
public sealed class ClassAdministration(
    SchoolSource school,
    SchoolDocuments documents,
    IDbContextFactory<BotDbContext> contextFactory,
    TimeProvider time,
    IConversationLinks? links = null)
{
    public SchoolConfiguration School => school.Current;

    public async Task<IReadOnlyList<LinkedChat>> ChatsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ConversationLinks.AsNoTracking().OrderBy(l => l.Groep).ToListAsync(cancellationToken);
        var chats = stored.Select(l => new LinkedChat(l.Platform, l.ConversationId, l.Title, l.Groep, false)).ToList();
        foreach (var (key, groep) in school.Current.ConversationLinks)
        {
            // The school file's keys are "Platform:id", as ConversationRef.Key makes them.
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && Enum.TryParse<Platform>(key[..colon], ignoreCase: true, out var platform)
                && !chats.Any(c => c.Platform == platform && c.ConversationId == key[(colon + 1)..]))
            {
                chats.Add(new LinkedChat(platform, key[(colon + 1)..], null, groep, true));
            }
        }

        return chats;
    }

    /// <returns>null when done, else why not.</returns>
    public async Task<string?> RelinkAsync(Platform platform, string conversationId, string? groep, string actor, CancellationToken cancellationToken)
    {
        if (groep is not null && school.Current.FindClass(groep) is null)
        {
            return $"Groep '{groep}' bestaat niet.";
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.ConversationLinks.FirstOrDefaultAsync(l => l.Platform == platform && l.ConversationId == conversationId, cancellationToken);
        if (link is null)
        {
            return "Deze chat is hier niet gekoppeld (een koppeling uit het schoolbestand pas je aan in het bestand).";
        }

        if (groep is null)
        {
            db.ConversationLinks.Remove(link);
        }
        else
        {
            link.Groep = school.Current.FindClass(groep)!.Groep;
            link.LinkedAt = time.GetUtcNow();
        }

        db.AuditEntries.Add(Audit(actor, groep is null ? "link.removed" : "link.changed", "conversation_link", $"{platform}:{conversationId}"));
        await db.SaveChangesAsync(cancellationToken);
        links?.Changed(platform, conversationId);
        return null;
    }

    public async Task<string?> SaveContactsAsync(string groep, Contact? classParent, IReadOnlyList<Contact> teachers, string actor, CancellationToken cancellationToken)
    {
        var (_, problem) = await documents.SaveAsync(current => SchoolYamlEditor.SaveContacts(current.Yaml, groep, classParent, teachers), null, $"contacts.saved {groep}", actor, cancellationToken);
        return problem;
    }

    public async Task<string?> ImportAsync(string yaml, string actor, CancellationToken cancellationToken)
    {
        var (_, problem) = await documents.SaveAsync(_ => SchoolYamlEditor.Import(yaml), null, "school.imported", actor, cancellationToken);
        return problem;
    }

    public async Task<IReadOnlyList<AccountSummary>> AccountsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.Role).ThenBy(a => a.Email).ToListAsync(cancellationToken);
        return [.. accounts.Select(a => new AccountSummary(a.Id, a.Email, a.DisplayName, a.Role, a.GroepList, a.PasswordHash is not null))];
    }

    public async Task<string?> DeleteAccountAsync(Guid id, CurrentAccount by, CancellationToken cancellationToken)
    {
        if (id.ToString() == by.Id)
        {
            return "Je kunt je eigen account hier niet verwijderen.";
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Accounts.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return "Dit account bestaat niet (meer).";
        }

        db.AuditEntries.Add(Audit(by.AuditName, "account.deleted", "account", id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private AuditEntry Audit(string actor, string action, string targetType, string targetId) =>
        AuditEntry.Of(actor, action, targetType, targetId, time.GetUtcNow());
}
