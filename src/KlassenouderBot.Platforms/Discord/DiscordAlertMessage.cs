using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>
/// A class parent's alert as a Discord message: a one-line summary (what notifications show), an embed
/// with level, groep, time window, summary and suggested step, and while it is open two buttons, "Ik pak
/// het op" and "Geen probleem". Their custom ids carry the alert id back in INTERACTION_CREATE. Once
/// someone answers, the same message says who and when, without buttons.
/// </summary>
internal static class DiscordAlertMessage
{
    public const string ClaimPrefix = "alert:claim:";

    public const string FalseAlarmPrefix = "alert:false_alarm:";

    private const int OpenColor = 0xE67E22;
    private const int ClaimedColor = 0x2E86C1;
    private const int ClosedColor = 0x7F8C8D;

    public static CreateMessage Create(AlertView alert) => new()
    {
        Content = DiscordTexts.Fit(AlertWording.Summary(alert)),
        Embeds = [Embed(alert)],

        // An empty list (not null) when answered: the update must remove the buttons.
        Components = alert.Status == AlertViewStatus.Open
            ?
            [
                new Component
                {
                    Type = 1,
                    Components =
                    [
                        Button(AlertWording.ClaimLabel, ClaimPrefix + alert.Id, style: 1),
                        Button(AlertWording.FalseAlarmLabel, FalseAlarmPrefix + alert.Id, style: 2),
                    ],
                },
            ]
            : [],
    };

    /// <summary>Reads a button's custom id: which alert, which answer.</summary>
    public static bool TryParse(string? customId, out string alertId, out AlertChoice choice)
    {
        (alertId, choice) = customId switch
        {
            { } id when id.StartsWith(ClaimPrefix, StringComparison.Ordinal) => (id[ClaimPrefix.Length..], AlertChoice.Claim),
            { } id when id.StartsWith(FalseAlarmPrefix, StringComparison.Ordinal) => (id[FalseAlarmPrefix.Length..], AlertChoice.FalseAlarm),
            _ => ("", AlertChoice.Claim),
        };
        return alertId.Length > 0;
    }

    private static Embed Embed(AlertView alert)
    {
        var fields = new List<EmbedField>
        {
            new() { Name = "Groep", Value = alert.Groep ?? "niet gekoppeld", Inline = true },

            // Discord shows <t:…> in the reader's own time; the words give the school's time for clients that cannot.
            new() { Name = "Wanneer", Value = $"{AlertWording.Window(alert)} (<t:{alert.WindowStart.ToUnixTimeSeconds()}:R>)", Inline = true },
            new() { Name = "Voorstel", Value = Field(alert.SuggestedStep) },
        };
        if (alert.Excerpts.Count > 0)
        {
            fields.Add(new EmbedField { Name = AlertWording.ExcerptsHeading, Value = Field(string.Join("\n", alert.Excerpts.Select(e => $"“{e}”"))) });
        }

        if (AlertWording.StatusLine(alert) is { } status)
        {
            fields.Add(new EmbedField { Name = "Status", Value = Field(status) });
        }

        return new Embed
        {
            Title = DiscordTexts.Fit(AlertWording.Title(alert), 256),
            Description = DiscordTexts.Fit(alert.Summary, 4096),
            Color = alert.Status switch
            {
                AlertViewStatus.Open => OpenColor,
                AlertViewStatus.Claimed => ClaimedColor,
                _ => ClosedColor,
            },
            Fields = fields,
        };
    }

    private static string Field(string text) => DiscordTexts.Fit(text, 1024);

    private static Component Button(string label, string customId, int style) =>
        new() { Type = 2, Style = style, Label = label, CustomId = customId };
}
