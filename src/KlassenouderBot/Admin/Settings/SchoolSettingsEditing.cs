using KlassenouderBot.Data;
using KlassenouderBot.Moderation;
using KlassenouderBot.School;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Admin.Settings;

/// <summary>The settings page: what is in effect now (the school's own or the server's default) and saving it.</summary>
public sealed class SchoolSettingsEditing(SchoolSource school, SchoolDocuments documents, IOptions<ModerationOptions> moderation, IOptions<PrivacyOptions> privacy)
{
    /// <summary>The nudge texts a school can rewrite on the settings page (Dutch; English keeps the bot's).</summary>
    public static readonly IReadOnlyList<string> NudgeKeys = ["nudge.concern", "nudge.hurtful", "nudge.child"];

    public SchoolConfiguration Current => school.Current;

    public double Sensitivity => school.Current.Settings.Sensitivity ?? moderation.Value.Sensitivity;

    public int RetentionDays => school.Current.Settings.RetentionDays ?? privacy.Value.RetentionDays;

    public string? SchoolText(string key) => school.Current.Texts.TryGetValue(key, out var texts) ? texts[0] : null;

    public static string DefaultText(string key) => InterventionTexts.DefaultsFor(key) is [var first, ..] ? first : "";

    /// <returns>null when saved, else why not.</returns>
    public async Task<string?> SaveAsync(SchoolSettingsChange change, string actor, CancellationToken cancellationToken)
    {
        if (change.Sensitivity is < 0.5 or > 2.0)
        {
            return "De gevoeligheid ligt tussen 0,5 (later) en 2,0 (eerder).";
        }

        if (change.RetentionDays is < 7 or > 365)
        {
            return "Bewaar gegevens tussen 7 en 365 dagen.";
        }

        if (change.Texts.Values.Any(t => t is { Length: > 1000 }))
        {
            return "Houd een tekst onder de 1000 tekens: een korte tip werkt het best.";
        }

        var (_, problem) = await documents.SaveAsync(current => SchoolYamlEditor.SaveSettings(current.Yaml, change), null, "settings.saved", actor, cancellationToken);
        return problem;
    }
}
