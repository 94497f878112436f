namespace KlassenouderBot.School;

/// <summary>The roles an alert can go to; the school file's <c>escalation</c> section may use only these.</summary>
public static class AlertRoles
{
    public const string ClassParent = "klassenouder";

    public const string Teacher = "leerkracht";

    public const string Director = "directeur";

    public static IReadOnlyList<string> All { get; } = [ClassParent, Teacher, Director];
}
