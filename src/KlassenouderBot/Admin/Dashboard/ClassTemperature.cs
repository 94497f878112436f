namespace KlassenouderBot.Admin.Dashboard;

/// <summary>
/// How warm a class chat ran on one day, from what the bot did (it keeps no messages): 0 calm, 1 a private
/// nudge ("loopt op"), 2 a message to the group ("verhit"), 3 an alert ("geëscaleerd"), 4 a severe alert.
/// </summary>
public sealed record DayTemperature(DateOnly Day, int Level, int Alerts, int OpenAlerts);

/// <summary>One class's last weeks, oldest day first; <see cref="Groep"/> null for chats linked to no class.</summary>
public sealed record ClassTemperature(string? Groep, IReadOnlyList<DayTemperature> Days)
{
    public int OpenAlerts => Days.Sum(d => d.OpenAlerts);
}
