using System.Net.Mail;
using KlassenouderBot.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Admin.Accounts;

/// <summary>A new account as the school enters it.</summary>
public sealed record NewAccount(string Email, string DisplayName, string Password, AccountRole Role, IReadOnlyList<string> Groepen);

/// <summary>Creating accounts: the first admin (CLI or setup link) and, later, teachers and class parents.</summary>
public sealed class Accounts(UserManager<Account> users, TimeProvider time)
{
    /// <summary>Creates the account, or says in one line why not (invalid address, weak password, address taken).</summary>
    public async Task<(Account? Account, string? Problem)> CreateAsync(NewAccount request)
    {
        var email = request.Email.Trim();
        if (!IsEmail(email))
        {
            return (null, $"'{email}' is not an e-mail address");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return (null, $"an account for {email} already exists");
        }

        var account = NewRecord(email, request.DisplayName, request.Role, request.Groepen);
        var result = await users.CreateAsync(account, request.Password);
        return result.Succeeded ? (account, null) : (null, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// An account without a password, and the path of a one-time link where its owner sets one: the school
    /// passes the link on and never knows the password. The link works for <see cref="AccountsSetup.InviteLifetime"/>.
    /// </summary>
    public async Task<(Account? Account, string? Link, string? Problem)> InviteAsync(string email, string displayName, AccountRole role, IReadOnlyList<string> groepen)
    {
        email = email.Trim();
        if (!IsEmail(email))
        {
            return (null, null, $"'{email}' is geen e-mailadres.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return (null, null, $"Er is al een account voor {email}.");
        }

        if (role != AccountRole.SchoolAdmin && groepen.Count == 0)
        {
            return (null, null, "Kies de groep(en) die dit account mag zien.");
        }

        var account = NewRecord(email, displayName, role, groepen);
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            return (null, null, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        return (account, await PasswordLinkAsync(account), null);
    }

    /// <summary>A new one-time link to set the password (a lost invitation, a forgotten password).</summary>
    public async Task<string> PasswordLinkAsync(Account account)
    {
        var token = await users.GeneratePasswordResetTokenAsync(account);
        return $"/admin/wachtwoord?account={account.Id}&code={Uri.EscapeDataString(token)}";
    }

    /// <returns>null when the password is set, else why not.</returns>
    public async Task<string?> SetPasswordAsync(string accountId, string code, string password)
    {
        if (await users.FindByIdAsync(accountId) is not { } account)
        {
            return "Deze link is niet (meer) geldig.";
        }

        var result = await users.ResetPasswordAsync(account, code, password);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(account);
            await users.SetLockoutEndDateAsync(account, null);
            return null;
        }

        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? "Deze link is niet (meer) geldig. Vraag de school om een nieuwe."
            : string.Join(" ", result.Errors.Select(e => e.Description));
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => users.Users.AnyAsync(cancellationToken);

    /// <summary>The record Identity completes (normalised address, security stamp, hash) when it creates the account.</summary>
    private Account NewRecord(string email, string displayName, AccountRole role, IEnumerable<string> groepen) => new()
    {
        Id = Guid.CreateVersion7(time.GetUtcNow()),
        Email = email,
        NormalizedEmail = "",
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim(),
        SecurityStamp = "",
        Role = role,
        Groepen = string.Join(',', groepen.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)),
        CreatedAt = time.GetUtcNow(),
    };

    private static bool IsEmail(string value) =>
        value.Length is > 3 and <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
