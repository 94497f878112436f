namespace KlassenouderBot.Admin;

/// <summary>
/// The admin app's words in Dutch (first) and English. The language is the account's choice, kept in a cookie
/// (<see cref="CookieName"/>), so a page never mixes the two.
/// </summary>
public sealed class AdminText(string language)
{
    public const string CookieName = "kob.lang";

    private static readonly Dictionary<string, (string Nl, string En)> Words = new(StringComparer.Ordinal)
    {
        ["app"] = ("KlassenouderBot beheer", "KlassenouderBot admin"),
        ["nav.dashboard"] = ("Overzicht", "Dashboard"),
        ["nav.alerts"] = ("Meldingen", "Alerts"),
        ["nav.signout"] = ("Uitloggen", "Sign out"),
        ["nav.language"] = ("English", "Nederlands"),
        ["signin.title"] = ("Inloggen", "Sign in"),
        ["signin.email"] = ("E-mailadres", "E-mail address"),
        ["signin.password"] = ("Wachtwoord", "Password"),
        ["signin.submit"] = ("Inloggen", "Sign in"),
        ["signin.failed"] = ("Inloggen is niet gelukt. Controleer je e-mailadres en wachtwoord.", "Signing in did not work. Check your e-mail address and password."),
        ["signin.locked"] = ("Te veel pogingen. Probeer het over een kwartier opnieuw, of vraag de school om hulp.", "Too many attempts. Try again in fifteen minutes, or ask the school for help."),
        ["setup.title"] = ("Eerste beheerder aanmaken", "Create the first admin"),
        ["setup.intro"] = ("Deze link werkt één keer. Maak het account van de schoolbeheerder aan.", "This link works once. Create the school admin's account."),
        ["setup.name"] = ("Naam", "Name"),
        ["setup.password.hint"] = ("Minstens 12 tekens; een zin van een paar woorden is sterk en makkelijk te onthouden.", "At least 12 characters; a phrase of a few words is strong and easy to remember."),
        ["setup.submit"] = ("Account aanmaken", "Create account"),
        ["setup.used"] = ("Deze link is niet (meer) geldig. Er is al een beheerder, of de bot is opnieuw gestart: kijk in het logboek voor een nieuwe link.", "This link is not valid (any more). There is an admin already, or the bot restarted: look in the log for a new link."),
        ["alerts.title"] = ("Meldingen", "Alerts"),
        ["alerts.none"] = ("Geen meldingen. Fijn!", "No alerts. Good!"),
        ["alerts.filter.open"] = ("Open", "Open"),
        ["alerts.filter.all"] = ("Alle", "All"),
        ["alert.groep"] = ("Groep", "Class"),
        ["alert.to"] = ("Aan", "To"),
        ["alert.nogroep"] = ("niet gekoppeld", "not linked"),
        ["alert.window"] = ("Wanneer", "When"),
        ["alert.status"] = ("Status", "Status"),
        ["alert.step"] = ("Voorstel", "Suggested step"),
        ["alert.excerpts"] = ("Fragmenten", "Excerpts"),
        ["alert.claim"] = ("Ik pak het op", "I'll take it up"),
        ["alert.resolve"] = ("Opgelost", "Resolved"),
        ["alert.falsealarm"] = ("Geen probleem", "No problem"),
        ["alert.back"] = ("Terug naar meldingen", "Back to alerts"),
        ["status.open"] = ("Open", "Open"),
        ["status.claimed"] = ("Opgepakt", "Taken up"),
        ["status.resolved"] = ("Opgelost", "Resolved"),
        ["status.false_alarm"] = ("Geen probleem", "No problem"),
        ["status.by"] = ("door", "by"),
        ["denied.title"] = ("Geen toegang", "No access"),
        ["denied.text"] = ("Deze pagina hoort bij een andere groep of rol dan de jouwe.", "This page belongs to another class or role than yours."),
        ["notfound.title"] = ("Niet gevonden", "Not found"),
        ["notfound.text"] = ("Deze pagina bestaat niet (meer). Meldingen worden na de bewaartermijn verwijderd.", "This page does not exist (any more). Alerts are deleted after the retention period."),
        ["nav.faq"] = ("FAQ", "FAQ"),
        ["faq.title"] = ("Veelgestelde vragen", "Frequently asked questions"),
        ["faq.try"] = ("Probeer een vraag", "Try a question"),
        ["faq.try.question"] = ("Vraag zoals een ouder hem stelt", "A question as a parent would ask it"),
        ["faq.try.submit"] = ("Probeer", "Try"),
        ["faq.try.answers"] = ("De bot zou antwoorden met het eerste hieronder.", "The bot would answer with the first one below."),
        ["faq.try.abstains"] = ("De bot is niet zeker genoeg en verwijst naar de leerkracht of de school.", "The bot is not sure enough and points to the teacher or the school."),
        ["faq.guide"] = ("Schoolgids", "School guide"),
        ["faq.new"] = ("Nieuwe vraag", "New question"),
        ["faq.edit"] = ("Vraag bewerken", "Edit question"),
        ["faq.entries"] = ("Vragen", "Questions"),
        ["faq.alternates.count"] = ("andere formuleringen", "other wordings"),
        ["faq.missed"] = ("Vragen die de bot niet kon beantwoorden", "Questions the bot could not answer"),
        ["faq.missed.none"] = ("Geen, de laatste vier weken.", "None in the last four weeks."),
        ["faq.missed.make"] = ("Maak er een nieuwe vraag van", "Make it a new question"),
        ["faq.missed.addto"] = ("Voeg toe als formulering van", "Add as a wording of"),
        ["faq.id"] = ("Id (kort, zonder spaties)", "Id (short, no spaces)"),
        ["faq.question"] = ("Vraag", "Question"),
        ["faq.alternates"] = ("Andere formuleringen (één per regel)", "Other wordings (one per line)"),
        ["faq.alternates.hint"] = ("Zoals ouders het zouden vragen, ook in het Engels.", "As parents would ask it, English too."),
        ["faq.answer"] = ("Antwoord", "Answer"),
        ["faq.answer.en"] = ("Antwoord in het Engels (optioneel)", "Answer in English (optional)"),
        ["faq.source"] = ("Bron: kop in de schoolgids (optioneel)", "Source: heading in the school guide (optional)"),
        ["faq.save"] = ("Opslaan", "Save"),
        ["faq.cancel"] = ("Annuleren", "Cancel"),
        ["faq.delete"] = ("Verwijderen", "Delete"),
        ["faq.delete.hint"] = ("Verwijderen haalt de vraag meteen uit de bot. De vorige versie blijft bewaard in de geschiedenis.", "Deleting takes the question out of the bot at once. The previous version stays in the history."),
        ["dashboard.title"] = ("Overzicht", "Dashboard"),
        ["dashboard.open"] = ("Open meldingen", "Open alerts"),
        ["dashboard.nudges"] = ("Persoonlijke tips verstuurd", "Private nudges sent"),
        ["dashboard.faq.answered"] = ("Vragen beantwoord", "Questions answered"),
        ["dashboard.faq.missed"] = ("Vragen zonder antwoord", "Questions not answered"),
        ["dashboard.classes"] = ("Temperatuur per groep", "Temperature per class"),
        ["chart.open"] = ("Open meldingen", "Open alerts"),
        ["chart.alerts"] = ("meldingen", "alerts"),
        ["chart.today"] = ("vandaag", "today"),
        ["chart.warmdays"] = ("verhitte dagen in 4 weken", "heated days in 4 weeks"),
        ["chart.level0"] = ("rustig", "calm"),
        ["chart.level1"] = ("loopt op (persoonlijke tip)", "warming (private nudge)"),
        ["chart.level2"] = ("verhit (bericht aan de groep)", "heated (message to the group)"),
        ["chart.level3"] = ("geëscaleerd (melding)", "escalated (alert)"),
        ["chart.level4"] = ("ernstig (directe melding)", "severe (immediate alert)"),
        ["dashboard.period"] = ("laatste 4 weken", "last 4 weeks"),
    };

    public string Language { get; } = language == "en" ? "en" : "nl";

    public string this[string key] => Words.TryGetValue(key, out var words) ? (Language == "en" ? words.En : words.Nl) : key;

    public static AdminText For(HttpContext? context) => new(context?.Request.Cookies[CookieName] ?? "nl");
}
