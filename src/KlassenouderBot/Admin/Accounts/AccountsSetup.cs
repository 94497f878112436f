using KlassenouderBot.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace KlassenouderBot.Admin.Accounts;

public static class AccountsSetup
{
    /// <summary>Failed sign-ins before an account is locked, and for how long.</summary>
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>How long a link to set a password works.</summary>
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// ASP.NET Core Identity's user manager over the <c>accounts</c> table: hashing, lock-out and password rules.
    /// Shared by the server and <c>create-admin</c>; the server adds the sign-in manager and cookies on top.
    /// </summary>
    public static IdentityBuilder AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<Accounts>();
        return services
            .AddIdentityCore<Account>(options =>
            {
                // Length over character classes (NIST SP 800-63B): a long passphrase beats "Welkom01!".
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "";
            })
            .AddUserStore<AccountStore>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
    }
}
