namespace KlassenouderBot.Moderation.Analysis;

/// <summary>What one pass over the tokens found about people and references, used by the scoring rules.</summary>
internal sealed class TokenFacts
{
    public List<(int Index, TargetKind Kind)> Targets { get; } = [];

    public List<(int Index, TargetKind Role, string Name)> Names { get; } = [];

    public bool SecondPerson { get; set; }

    public bool ThirdPersonPronoun { get; set; }

    public int DutchWords { get; set; }

    public int EnglishWords { get; set; }

    public bool Has(TargetKind kind) => Targets.Any(t => t.Kind == kind) || Names.Any(n => n.Role == kind);

    public bool HasPerson => Targets.Any(t => t.Kind is TargetKind.Teacher or TargetKind.Staff or TargetKind.Parent or TargetKind.Child or TargetKind.Parents)
        || Names.Count > 0 || SecondPerson || ThirdPersonPronoun;

    public bool HasStaffOrTeacher => Has(TargetKind.Teacher) || Has(TargetKind.Staff);

    public bool HasChild => Has(TargetKind.Child);
}
