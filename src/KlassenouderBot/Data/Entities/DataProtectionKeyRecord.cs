namespace KlassenouderBot.Data.Entities;

/// <summary>One data protection key as ASP.NET Core writes it (XML), shared by every instance.</summary>
public sealed class DataProtectionKeyRecord
{
    public required Guid Id { get; set; }

    public required string FriendlyName { get; set; }

    public required string Xml { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }
}
