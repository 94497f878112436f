using KlassenouderBot.Platforms;

namespace KlassenouderBot.Commands;

/// <summary>What the bot says about itself: Dutch first, a short English line after it.</summary>
internal static class CommandTexts
{
    public static string Welcome(string school, int retentionDays, Platform platform) =>
        $"""
        Hoi allemaal! Ik ben KlassenouderBot, de hulp van {school} in deze klassenchat.
        • Ik beantwoord vragen over de schoolgids en help als een gesprek uit de hand dreigt te lopen: met een vriendelijk privéberichtje, nooit door iemand in de groep aan te spreken.
        • Privacy: ik beoordeel berichten alleen in het geheugen en bewaar geen berichtteksten. Ik bewaar alleen dát ik iets deed (bijvoorbeeld een seintje aan de klassenouder), {retentionDays} dagen lang.
        • Kritiek op school mag altijd; die hoort het best bij de leerkracht zelf.
        Koppel deze chat aan jullie groep: {LinkHow(platform)} typt "{LinkExample(platform)}" (met jullie groep). Meer weten? Typ "{Command(platform, "privacy")}" of "{Command(platform, "help")}".
        (English: I answer questions about the school guide and help keep this chat kind. I keep no message texts. Type "{Command(platform, "help")}".)
        """;

    public static string Help(string school, Platform platform) =>
        $"""
        Zo kun je mij gebruiken:
        • Stel een vraag over {school} (vakanties, ziekmelden, gym), bijvoorbeeld "{QuestionExample(platform)}"
        • "{Command(platform, "privacy")}": wat ik met berichten doe.
        • "{LinkExample(platform)}": deze chat aan een groep koppelen ({(platform == Platform.Discord ? "voor wie de server mag beheren" : "voor leerkrachten en klassenouders")}).
        Loopt een gesprek hoog op, dan stuur ik een privébericht en zo nodig een seintje aan de klassenouder.
        (English: {(platform == Platform.Discord ? "use /faq with your question, /privacy or /koppel" : "mention me with a question, or type \"privacy\" or \"koppel groep 5\"")}.)
        """;

    public static string Privacy(string school, int retentionDays, string? contact) =>
        $"""
        Privacy bij KlassenouderBot ({school}):
        • Ik lees berichten in deze chat en beoordeel ze alleen in het geheugen. Berichtteksten sla ik niet op.
        • Ik bewaar alleen dát ik iets deed (een privébericht, een melding aan de klassenouder), zonder wat er geschreven werd, en ruim dat na {retentionDays} dagen op.
        • Een melding aan de klassenouder beschrijft de situatie; de chat wordt niet geciteerd, tenzij de school dat uitdrukkelijk heeft ingesteld.
        • Vragen over je gegevens of verwijderen? {contact ?? "Neem contact op met de school."}
        (English: I assess messages in memory only and store no message texts; records of what I did are deleted after {retentionDays} days.)
        """;

    public const string NotAllowedToLinkDiscord =
        "Een kanaal koppelen kan alleen iemand met het recht 'Server beheren'. Vraag het de beheerder van de server of de leerkracht. (Only members who may manage the server can link a channel.)";

    public const string NotAllowedToLink =
        "Een chat koppelen kan alleen een leerkracht, klassenouder of iemand van school van wie het e-mailadres in de schoolgegevens staat. Vraag het de leerkracht of de school. (Only staff, teachers and class parents known to the school can link a chat.)";

    public static string UnknownGroep(string groep, IEnumerable<string> known) =>
        $"Groep '{groep}' ken ik niet. Bekende groepen: {string.Join(", ", known)}. (Unknown class.)";

    public static string Linked(string groep) =>
        $"Gelukt: deze chat hoort nu bij groep {groep}. Een seintje bij een hoog oplopend gesprek gaat naar de klassenouder en de leerkracht van groep {groep}. (This chat is now linked to groep {groep}.)";

    /// <summary>How a command is typed: a slash command in Discord, a mention elsewhere.</summary>
    private static string Command(Platform platform, string command) =>
        platform == Platform.Discord ? "/" + command : "@KlassenouderBot " + command;

    private static string LinkExample(Platform platform) =>
        platform == Platform.Discord ? "/koppel groep: 5" : "@KlassenouderBot koppel groep 5";

    private static string QuestionExample(Platform platform) =>
        platform == Platform.Discord ? "/faq vraag: wanneer is de herfstvakantie?" : "@KlassenouderBot wanneer is de herfstvakantie?";

    private static string LinkHow(Platform platform) =>
        platform == Platform.Discord ? "iemand die de server beheert" : "een leerkracht of klassenouder";
}
