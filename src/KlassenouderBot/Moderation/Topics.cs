namespace KlassenouderBot.Moderation;

/// <summary>
/// A coarse topic for a message, so nudges are limited per topic and alerts can say what a conversation is
/// about without quoting it.
/// </summary>
public static class Topics
{
    private static readonly (string Topic, string[] Stems)[] Rules =
    [
        ("pesten", ["pest", "gepest", "geduwd", "duwen", "geslagen", "schopt", "geschopt", "uitscheld", "buitengesloten", "vecht", "gevochten", "blauwe plek", "schaafwond", "bully", "naroept"]),
        ("schooladvies", ["schooladvies", "advies", "doorstroomtoets", "cito", "havo", "vwo", "vmbo", "mavo", "kader"]),
        ("invallers", ["invaller", "invalkracht", "vervang", "ziek", "burn-out", "burnout", "afwezig", "substitute"]),
        ("kosten", ["€", "euro", "prijs", "kost", "betal", "ouderbijdrage", "duur", "geld", "tikkie"]),
        ("schoolreis", ["schoolreis", "kamp", "excursie", "uitje", "class trip"]),
        ("huiswerk", ["huiswerk", "homework", "lezen", "tafels"]),
        ("traktaties", ["traktatie", "trakteren", "snoep", "cupcake", "cake"]),
        ("luizen", ["luis", "luizen", "lice"]),
        ("schoolsluiting", ["dicht", "sluiting", "thuisonderwijs", "thuiswerk", "noodopvang", "staking", "closure", "closed"]),
        ("communicatie", ["mail", "bericht", "parro", "communic", "laat gemeld", "antwoord", "reageert"]),
        ("gym", ["gym", "bewegingsonderwijs", "zwem"]),
        ("veiligheid", ["veilig", "ongeluk", "plein", "gevallen", "brandoefening"]),
        ("regels", ["regel", "beleid", "policy", "telefoon", "mobiel"]),
    ];

    public static string Detect(string text)
    {
        var lower = text.ToLowerInvariant();
        foreach (var (topic, stems) in Rules)
        {
            foreach (var stem in stems)
            {
                if (lower.Contains(stem, StringComparison.Ordinal))
                {
                    return topic;
                }
            }
        }

        return "algemeen";
    }

    /// <summary>How the topic reads in a sentence.</summary>
    public static string Describe(string topic, string language) => (topic, language) switch
    {
        ("pesten", "en") => "bullying or fights between children",
        ("pesten", _) => "pesten of ruzie tussen kinderen",
        ("schooladvies", "en") => "the school advice",
        ("schooladvies", _) => "het schooladvies",
        ("invallers", "en") => "substitute teachers and absence",
        ("invallers", _) => "invallers en afwezigheid",
        ("kosten", "en") => "costs",
        ("kosten", _) => "kosten",
        ("schoolreis", "en") => "the school trip",
        ("schoolreis", _) => "het schoolreisje",
        ("huiswerk", "en") => "homework",
        ("huiswerk", _) => "huiswerk",
        ("traktaties", "en") => "the treats policy",
        ("traktaties", _) => "het traktatiebeleid",
        ("luizen", "en") => "head lice",
        ("luizen", _) => "luizen",
        ("schoolsluiting", "en") => "a school closure",
        ("schoolsluiting", _) => "een schoolsluiting",
        ("communicatie", "en") => "communication from school",
        ("communicatie", _) => "de communicatie van school",
        ("gym", "en") => "PE lessons",
        ("gym", _) => "de gymles",
        ("veiligheid", "en") => "safety at school",
        ("veiligheid", _) => "veiligheid op school",
        ("regels", "en") => "school rules",
        ("regels", _) => "schoolregels",
        (_, "en") => "school matters",
        _ => "schoolzaken",
    };
}
