using Microsoft.AspNetCore.DataProtection;

namespace KlassenouderBot.Admin;

/// <summary>
/// A message for the page a form post redirects to (post, redirect, get), carried in the query string but
/// protected and short-lived, so nobody can make the app show a text of their own in a link.
/// </summary>
public sealed class AdminMessages(IDataProtectionProvider protection, TimeProvider time)
{
    public const string QueryName = "melding";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("KlassenouderBot.Admin.Messages").ToTimeLimitedDataProtector();

    public string Protect(string message) => _protector.Protect(message, time.GetUtcNow() + Lifetime);

    public string? Read(string? protectedMessage)
    {
        if (string.IsNullOrEmpty(protectedMessage))
        {
            return null;
        }

        try
        {
            var message = _protector.Unprotect(protectedMessage, out var expires);
            return expires >= time.GetUtcNow() ? message : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary><paramref name="path"/> with the message added to its query.</summary>
    public string Redirect(string path, string message) => $"{path}?{QueryName}={Uri.EscapeDataString(Protect(message))}";
}
