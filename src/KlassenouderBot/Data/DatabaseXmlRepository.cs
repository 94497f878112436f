using System.Xml.Linq;
using KlassenouderBot.Data.Entities;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Data;

/// <summary>
/// Keeps ASP.NET Core's data protection key ring in the app's database instead of a folder on one machine,
/// so every instance (and the same instance after a redeploy) reads the admin app's cookies and antiforgery
/// tokens. The keys are stored as ASP.NET Core writes them; protect the database as the secret it now holds.
/// </summary>
/// <remarks>Data protection calls this synchronously, at start-up and when it rotates a key (every 90 days).</remarks>
internal sealed class DatabaseXmlRepository(IDbContextFactory<BotDbContext> contextFactory, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contextFactory.CreateDbContext();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.CreatedAt).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contextFactory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = time.GetUtcNow(),
        });
        db.SaveChanges();
    }
}
