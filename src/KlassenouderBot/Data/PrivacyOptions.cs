using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Data;

/// <summary>How long the bot keeps what it stores (configuration section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Days after which intervention records, and alerts that are no longer open, are deleted.
    /// Days, not a school year: see docs/storage.md.
    /// </summary>
    /// <value>Default 30.</value>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;
}

[OptionsValidator]
internal sealed partial class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>;
