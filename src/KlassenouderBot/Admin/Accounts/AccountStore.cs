using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Admin.Accounts;

/// <summary>
/// ASP.NET Core Identity's store over the app's own <c>accounts</c> table: the e-mail address is the user name,
/// and the role and groepen are columns rather than Identity's role and claim tables, because an account has
/// exactly one role. Scoped like Identity itself: one context per request.
/// </summary>
internal sealed class AccountStore(IDbContextFactory<BotDbContext> contextFactory) :
    IUserPasswordStore<Account>, IUserEmailStore<Account>, IUserLockoutStore<Account>, IUserSecurityStampStore<Account>, IQueryableUserStore<Account>
{
    private readonly BotDbContext _db = contextFactory.CreateDbContext();

    public IQueryable<Account> Users => _db.Accounts;

    public async Task<IdentityResult> CreateAsync(Account user, CancellationToken cancellationToken)
    {
        _db.Accounts.Add(user);
        return await SaveAsync(cancellationToken);
    }

    public async Task<IdentityResult> UpdateAsync(Account user, CancellationToken cancellationToken)
    {
        if (_db.Entry(user).State == EntityState.Detached)
        {
            _db.Accounts.Update(user);
        }

        return await SaveAsync(cancellationToken);
    }

    public async Task<IdentityResult> DeleteAsync(Account user, CancellationToken cancellationToken)
    {
        _db.Accounts.Remove(user);
        return await SaveAsync(cancellationToken);
    }

    public async Task<Account?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id) ? await _db.Accounts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) : null;

    public Task<Account?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindByEmailAsync(normalizedUserName, cancellationToken);

    public Task<Account?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        _db.Accounts.FirstOrDefaultAsync(a => a.NormalizedEmail == normalizedEmail, cancellationToken);

    public Task<string> GetUserIdAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());

    public Task<string?> GetUserNameAsync(Account user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetUserNameAsync(Account user, string? userName, CancellationToken cancellationToken)
    {
        user.Email = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(Account user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedUserNameAsync(Account user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedEmail = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task SetEmailAsync(Account user, string? email, CancellationToken cancellationToken) => SetUserNameAsync(user, email, cancellationToken);

    public Task<string?> GetEmailAsync(Account user, CancellationToken cancellationToken) => GetUserNameAsync(user, cancellationToken);

    // The school creates every account itself; there is no self-registration to confirm.
    public Task<bool> GetEmailConfirmedAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetEmailConfirmedAsync(Account user, bool confirmed, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string?> GetNormalizedEmailAsync(Account user, CancellationToken cancellationToken) => GetNormalizedUserNameAsync(user, cancellationToken);

    public Task SetNormalizedEmailAsync(Account user, string? normalizedEmail, CancellationToken cancellationToken) =>
        SetNormalizedUserNameAsync(user, normalizedEmail, cancellationToken);

    public Task SetPasswordHashAsync(Account user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(Account user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(Account user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    // Every account can be locked out; a school admin too, since theirs is the most valuable password.
    public Task<bool> GetLockoutEnabledAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(Account user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetSecurityStampAsync(Account user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(Account user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public void Dispose() => _db.Dispose();

    private async Task<IdentityResult> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
            return IdentityResult.Success;
        }
        catch (DbUpdateException)
        {
            // The unique index on normalized_email: two admins adding the same address at the same moment.
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateEmail("this address"));
        }
    }
}
