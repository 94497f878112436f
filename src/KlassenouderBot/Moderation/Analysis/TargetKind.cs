namespace KlassenouderBot.Moderation.Analysis;

/// <summary>Who or what a word refers to.</summary>
internal enum TargetKind
{
    None,
    Teacher,
    Staff,
    School,
    Parents,
    Parent,
    Child,
}
