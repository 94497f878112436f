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

        var account = new Account
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Email = email,
            NormalizedEmail = "",
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? email : request.DisplayName.Trim(),
            SecurityStamp = "",
            Role = request.Role,
            Groepen = string.Join(',', request.Groepen.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)),
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(account, request.Password);
        return result.Succeeded ? (account, null) : (null, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => users.Users.AnyAsync(cancellationToken);

    private static bool IsEmail(string value) =>
        value.Length is > 3 and <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
