using System.Globalization;
using System.Text.Json.Nodes;

namespace KlassenouderBot.Platforms.Teams.Cards;

/// <summary>
/// The class parent's alert as an Adaptive Card: level, summary, suggested step and, while open, the two
/// answers as <c>Action.Execute</c> (Universal Actions, so the card updates in place for everyone) with an
/// <c>Action.Submit</c> fallback for older clients. Once someone answers, the card says who and when.
/// </summary>
internal static class AlertCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string ClaimVerb = "claim";
    public const string FalseAlarmVerb = "false_alarm";
    public const string AlertIdField = "alertId";
    public const string VerbField = "verb";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static JsonObject Create(AlertView alert)
    {
        var title = alert.Groep is { Length: > 0 } groep ? $"Klassenchat groep {groep}: {alert.LevelLabel}" : $"Klassenchat: {alert.LevelLabel}";
        var body = new JsonArray
        {
            TextBlock(title, weight: "Bolder", size: "Medium"),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    Fact("Niveau", alert.LevelLabel),
                    Fact("Groep", alert.Groep ?? "niet gekoppeld"),
                    Fact("Wanneer", Window(alert)),
                },
            },
            TextBlock(alert.Summary),
            TextBlock($"Voorstel: {alert.SuggestedStep}", subtle: true),
        };

        if (alert.Excerpts.Count > 0)
        {
            body.Add(TextBlock("Uit de chat (de school staat citaten toe):", weight: "Bolder"));
            foreach (var excerpt in alert.Excerpts)
            {
                body.Add(TextBlock($"“{excerpt}”", subtle: true));
            }
        }

        if (StatusLine(alert) is { } status)
        {
            body.Add(TextBlock(status, weight: "Bolder", color: alert.Status == AlertViewStatus.FalseAlarm ? "Default" : "Good"));
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };

        if (alert.Status == AlertViewStatus.Open)
        {
            card["actions"] = new JsonArray
            {
                Action("Ik pak het op", ClaimVerb, alert.Id, "positive"),
                Action("Geen probleem", FalseAlarmVerb, alert.Id, "default"),
            };
        }

        return card;
    }

    /// <summary>The text shown in notifications and chat lists, which cannot render the card.</summary>
    public static string Summary(AlertView alert) =>
        alert.Groep is { Length: > 0 } groep ? $"Melding klassenchat groep {groep}: {alert.LevelLabel}" : $"Melding klassenchat: {alert.LevelLabel}";

    private static string? StatusLine(AlertView alert)
    {
        var who = alert.HandledBy ?? "iemand";
        var when = alert.HandledAt is { } at ? $" ({at.ToString("d MMM HH:mm", Dutch)})" : "";
        return alert.Status switch
        {
            AlertViewStatus.Claimed => $"Opgepakt door {who}{when}.",
            AlertViewStatus.Resolved => $"Afgehandeld door {who}{when}.",
            AlertViewStatus.FalseAlarm => $"Geen probleem volgens {who}{when}. Dank je, dat helpt de bot beter te worden.",
            _ => null,
        };
    }

    private static string Window(AlertView alert)
    {
        var start = alert.WindowStart.ToString("d MMM HH:mm", Dutch);
        var end = alert.WindowEnd.ToString(alert.WindowEnd.Date == alert.WindowStart.Date ? "HH:mm" : "d MMM HH:mm", Dutch);
        return start == end ? start : $"{start}–{end}";
    }

    private static JsonObject Action(string title, string verb, string alertId, string style) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["style"] = style,
        ["data"] = new JsonObject { [AlertIdField] = alertId },
        ["fallback"] = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = title,
            ["data"] = new JsonObject { [AlertIdField] = alertId, [VerbField] = verb },
        },
    };

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject TextBlock(string text, string? weight = null, string? size = null, bool subtle = false, string? color = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        return block;
    }
}
