namespace KlassenouderBot.Platforms.Discord;

/// <summary>The few Discord-only sentences; everything else the bot says comes from the app's texts.</summary>
internal static class DiscordTexts
{
    public const string LinkOnlyInServer =
        "Koppelen doe je in het kanaal van de klas zelf: typ daar /koppel groep:5 (met jullie groep). / Link a channel from inside that channel.";

    public const string AlertGone = "Deze melding bestaat niet meer (misschien al opgeruimd na de bewaartermijn).";

    public const string EmptyQuestion = "Typ je vraag achter /faq, bijvoorbeeld: /faq vraag: wanneer is de herfstvakantie? / Type your question after /faq.";

    public const string UnknownCommand = "Dat commando ken ik niet. Typ /help voor wat ik kan. / Unknown command: try /help.";

    public const string SomethingWentWrong = "Dat lukte even niet. Probeer het zo nog eens. / That did not work; please try again in a moment.";

    /// <summary>Discord's limit for a message's text.</summary>
    public const int MaxContentLength = 2000;

    /// <summary>Cuts text to Discord's limits at a word boundary, with an ellipsis.</summary>
    public static string Fit(string text, int limit = MaxContentLength)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', limit - 1, Math.Min(limit - 1, 200));
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : limit - 1), "…");
    }
}
