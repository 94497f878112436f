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

    public static JsonObject Create(AlertView alert)
    {
        var title = AlertWording.Title(alert);
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
                    Fact("Wanneer", AlertWording.Window(alert)),
                },
            },
            TextBlock(alert.Summary),
            TextBlock($"Voorstel: {alert.SuggestedStep}", subtle: true),
        };

        if (alert.Excerpts.Count > 0)
        {
            body.Add(TextBlock(AlertWording.ExcerptsHeading, weight: "Bolder"));
            foreach (var excerpt in alert.Excerpts)
            {
                body.Add(TextBlock($"“{excerpt}”", subtle: true));
            }
        }

        if (AlertWording.StatusLine(alert) is { } status)
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
                Action(AlertWording.ClaimLabel, ClaimVerb, alert.Id, "positive"),
                Action(AlertWording.FalseAlarmLabel, FalseAlarmVerb, alert.Id, "default"),
            };
        }

        return card;
    }

    /// <summary>The text shown in notifications and chat lists, which cannot render the card.</summary>
    public static string Summary(AlertView alert) => AlertWording.Summary(alert);

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
