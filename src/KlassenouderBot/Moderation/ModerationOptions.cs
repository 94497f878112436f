using System.ComponentModel.DataAnnotations;

namespace KlassenouderBot.Moderation;

/// <summary>How the engine judges and intervenes. Section <c>Moderation</c>.</summary>
public sealed class ModerationOptions
{
    public const string SectionName = "Moderation";

    /// <summary>Multiplies the evidence before labelling: above 1 flags sooner, below 1 later.</summary>
    /// <value>1.0</value>
    [Range(0.5, 2.0)]
    public double Sensitivity { get; set; } = 1.0;
}
