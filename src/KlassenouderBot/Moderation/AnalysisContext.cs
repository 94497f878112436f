namespace KlassenouderBot.Moderation;

/// <summary>
/// What the conversation tells the analyser: who is a parent in the chat, who is staff (a name that is neither
/// is taken to be a child, the most protective reading), and how sensitive the school wants it.
/// </summary>
public sealed record AnalysisContext
{
    public static readonly AnalysisContext None = new();

    /// <summary>Normalised first names of the parents taking part in the conversation.</summary>
    public IReadOnlySet<string> ParentNames { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Normalised name parts of staff (teachers, head teacher) from the school configuration.</summary>
    public IReadOnlySet<string> StaffNames { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The school's sensitivity (admin app settings), or null for the server's <c>Moderation:Sensitivity</c>.</summary>
    public double? Sensitivity { get; init; }

    /// <summary><c>nl</c>, <c>en</c>, or null to detect.</summary>
    public string? Language { get; init; }
}
