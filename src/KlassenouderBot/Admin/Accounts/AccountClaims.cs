using System.Security.Claims;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Admin.Accounts;

/// <summary>What the sign-in cookie carries besides Identity's id, name and security stamp: role, groepen, name.</summary>
internal sealed class AccountClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    public const string GroepClaim = "kob:groep";
    public const string DisplayNameClaim = "kob:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, SnakeCase.From(user.Role.ToString())));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaims(user.GroepList.Select(g => new Claim(GroepClaim, g)));
        return identity;
    }
}

/// <summary>The signed-in account as the pages need it: who, which role, which groepen.</summary>
public sealed record CurrentAccount(string Id, string Email, string DisplayName, AccountRole Role, IReadOnlySet<string> Groepen)
{
    public bool IsSchoolAdmin => Role == AccountRole.SchoolAdmin;

    /// <summary>How the audit log and the school's history name this account.</summary>
    public string AuditName => $"{DisplayName} ({Email})";

    /// <summary>A school admin sees every groep (and chats linked to none); others only their own.</summary>
    public bool CanSee(string? groep) => IsSchoolAdmin || (groep is not null && Groepen.Contains(groep));

    public static CurrentAccount? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        var role = principal.FindFirstValue(ClaimTypes.Role) switch
        {
            "school_admin" => AccountRole.SchoolAdmin,
            "teacher" => AccountRole.Teacher,
            _ => AccountRole.ClassParent,
        };
        var email = principal.FindFirstValue(ClaimTypes.Name) ?? "";
        return new CurrentAccount(
            id,
            email,
            principal.FindFirstValue(AccountClaimsFactory.DisplayNameClaim) ?? email,
            role,
            principal.FindAll(AccountClaimsFactory.GroepClaim).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }
}
