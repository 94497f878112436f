using System.Globalization;

namespace KlassenouderBot.Platforms;

/// <summary>
/// The words of an alert, the same on every platform (a Teams card, a Discord embed): its title, the line
/// for notifications, the time window, who answered, and the two answers.
/// </summary>
internal static class AlertWording
{
    public const string ClaimLabel = "Ik pak het op";

    public const string FalseAlarmLabel = "Geen probleem";

    public const string ExcerptsHeading = "Uit de chat (de school staat citaten toe):";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Title(AlertView alert) =>
        alert.Groep is { Length: > 0 } groep ? $"Klassenchat groep {groep}: {alert.LevelLabel}" : $"Klassenchat: {alert.LevelLabel}";

    /// <summary>The text shown in notifications and chat lists, which cannot render a card or embed.</summary>
    public static string Summary(AlertView alert) =>
        alert.Groep is { Length: > 0 } groep ? $"Melding klassenchat groep {groep}: {alert.LevelLabel}" : $"Melding klassenchat: {alert.LevelLabel}";

    /// <summary>Who answered and when, or null while the alert is open.</summary>
    public static string? StatusLine(AlertView alert)
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

    /// <summary>"3 okt 20:14–20:41" in the time zone the view carries (the school's).</summary>
    public static string Window(AlertView alert)
    {
        var start = alert.WindowStart.ToString("d MMM HH:mm", Dutch);
        var end = alert.WindowEnd.ToString(alert.WindowEnd.Date == alert.WindowStart.Date ? "HH:mm" : "d MMM HH:mm", Dutch);
        return start == end ? start : $"{start}–{end}";
    }
}
