namespace KlassenouderBot.Data.Entities;

/// <summary>Who did what to which record, for the admin app's history.</summary>
public sealed class AuditEntry
{
    public required Guid Id { get; set; }

    /// <summary>The admin account or class parent who acted.</summary>
    public required string Actor { get; set; }

    /// <summary>A short verb such as <c>alert.claimed</c> or <c>link.created</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The kind of record acted on, e.g. <c>alert</c> or <c>conversation_link</c>.</summary>
    public required string TargetType { get; set; }

    public required string TargetId { get; set; }

    public required DateTimeOffset OccurredAt { get; set; }

    /// <summary>An entry for something that happened at <paramref name="at"/>, with a time-ordered id.</summary>
    public static AuditEntry Of(string actor, string action, string targetType, string targetId, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        Actor = actor,
        Action = action,
        TargetType = targetType,
        TargetId = targetId,
        OccurredAt = at,
    };
}
