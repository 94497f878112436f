namespace KlassenouderBot.Platforms.Teams;

/// <summary>The few Teams-only sentences; everything else the bot says comes from the app's texts.</summary>
internal static class TeamsTexts
{
    public const string LinkOnlyInGroup =
        "Koppelen doe je in de groepschat zelf: typ daar @KlassenouderBot koppel groep 5 (met jullie groep). / Link a chat from inside the group chat.";

    public const string AlertGone = "Deze melding bestaat niet meer (misschien al opgeruimd na de bewaartermijn).";
}
