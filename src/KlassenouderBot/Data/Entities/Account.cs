namespace KlassenouderBot.Data.Entities;

/// <summary>
/// A sign-in for the admin app: a school admin, a teacher or a class parent. Teachers and class parents see
/// only their own groepen. The password is stored as ASP.NET Core Identity's salted PBKDF2 hash.
/// </summary>
public sealed class Account
{
    public required Guid Id { get; set; }

    public required string Email { get; set; }

    /// <summary>Upper-cased by Identity's normaliser; unique, so one address is one account.</summary>
    public required string NormalizedEmail { get; set; }

    public required string DisplayName { get; set; }

    public string? PasswordHash { get; set; }

    /// <summary>Changes with the password, so a cookie issued before the change stops working.</summary>
    public required string SecurityStamp { get; set; }

    public required AccountRole Role { get; set; }

    /// <summary>Comma-separated groepen this account may see; empty for a school admin, who sees all.</summary>
    public string Groepen { get; set; } = "";

    public int AccessFailedCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    public IReadOnlyList<string> GroepList => Groepen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>What an account may do in the admin app. Stored as snake_case text.</summary>
public enum AccountRole
{
    /// <summary>Everything: FAQ, guide, classes, settings, privacy, all alerts.</summary>
    SchoolAdmin,

    /// <summary>The alerts and dashboard of their own groepen.</summary>
    Teacher,

    /// <summary>The alerts and dashboard of their own groepen.</summary>
    ClassParent,
}
