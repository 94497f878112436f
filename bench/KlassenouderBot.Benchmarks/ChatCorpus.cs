using System.Text;

namespace KlassenouderBot.Benchmarks;

/// <summary>
/// A fixed corpus of typical class-chat messages of about 20 words: mostly everyday logistics, some
/// worried or critical messages, a few hurtful ones. Built from templates with a seeded <see cref="Random"/>,
/// so every run measures exactly the same texts.
/// </summary>
internal static class ChatCorpus
{
    public const int Size = 200;

    public static readonly IReadOnlyList<string> Parents = ["Sanne", "Mark", "Ilse", "Jeroen", "Aylin", "Peter", "Kate", "Fatima", "Bas", "Linda"];

    private static readonly string[] Children = ["Noah", "Emma", "Daan", "Julia", "Sem", "Tess", "Liam", "Mila", "Finn", "Zoë"];
    private static readonly string[] Teachers = ["juf Anne", "meester Tom", "juf Petra", "meester Ruben"];
    private static readonly string[] Days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "morgen"];
    private static readonly string[] Things = ["de gymtas", "het luizenkammetje", "de bieb-tas", "een lunchpakket", "de regenlaarzen", "het rapport"];
    private static readonly string[] Emoji = ["", "", " 🙏", " 😊", " 👍", " 😂", " ❤️", " 🙄", " 😅"];

    // About 65 % ok, 22 % concern, 13 % hurtful: a busy but mostly friendly class chat.
    private static readonly string[] Ok =
    [
        "Goedemorgen allemaal! Weet iemand of {thing} {day} mee moet? Ik kan het rooster nergens meer vinden{emoji}",
        "Hoi! {child} is zijn jas vergeten bij het schoolplein, heeft iemand een blauwe jas met een dino erop gezien?{emoji}",
        "Wie kan er {day} rijden naar de kinderboerderij? Ik heb nog twee plekjes vrij in de auto, ff laten weten{emoji}",
        "Dank je wel {parent}! Super lief dat je de foto's van de musical hebt gedeeld, {child} was zo trots{emoji}",
        "Idd {day} is er gym, lange haren graag in een staart en geen sieraden om zei {teacher} vanochtend nog{emoji}",
        "Reminder: de luizencontrole is {day} na de pauze, wie kan er nog helpen? We zoeken nog 2 ouders{emoji}",
        "Is er iemand die {day} na school {child} wil meenemen? Ik sta tot vijf uur vast op mijn werk, sorry{emoji}",
        "Top geregeld! Ik neem {day} koekjes mee voor de verjaardag van {teacher}, iemand anders nog slingers of een kaart?{emoji}",
        "Haha ja herkenbaar, bij ons thuis ook elke ochtend strijd over {thing}, volgende week gaat het vast beter{emoji}",
        "Heeft iemand het briefje over de schoolreis nog? Ik heb het kwijt en moet {day} het geld overmaken{emoji}",
        "Fijn weekend allemaal! En {parent}, beterschap voor {child}, hopelijk is ze {day} weer fit genoeg voor school{emoji}",
        "Ik heb {day} een doos met gevonden voorwerpen bij de ingang gezet, kijk even of {thing} ertussen zit{emoji}",
        "Kan iemand mij de app van {teacher} doorsturen? Ik zat niet in de mail en mis dus alles over het project{emoji}",
    ];

    private static readonly string[] Concern =
    [
        "Ik maak me eerlijk gezegd wel zorgen, {child} komt al een paar weken verdrietig thuis en wil niet meer naar school",
        "Ik vind het jammer dat er {day} alweer geen gym was, weet iemand waarom? Misschien even navragen bij {teacher}?",
        "Mijn zoon zegt dat hij steeds wordt buitengesloten in de pauze, hebben andere ouders dat ook gehoord? Ik twijfel of ik moet bellen",
        "Ik snap de keuze van school niet helemaal, drie invallers in twee weken is veel. Zal ik het {day} bij {teacher} aankaarten?",
        "Eerlijk gezegd ben ik teleurgesteld over hoe de school communiceert, we hoorden het pas via de kinderen en niet via de mail",
        "Iemand anders ook het gevoel dat de groep te groot is? {child} krijgt bijna geen aandacht meer en loopt achter met lezen",
    ];

    private static readonly string[] Hurtful =
    [
        "Die juf is een kankerjuf, ik snap echt niet dat de school haar nog voor de klas laat staan 😡",
        "Precies, wat een trut is het, wie doet er mee met een brief dat ze weg moet?",
        "{parent} hou je grote bek nou eens, niemand vroeg om jouw mening hier in de groep 🙄",
        "Dat kind van {parent} is gewoon een etterbak, ik verbied {child} om nog met hem te spelen",
        "{teacher} is echt de grootste sukkel van de school, we moeten met z'n allen naar de directeur en hem eruit krijgen",
        "Wat een debiele ouders zitten er in deze groep zeg, echt niemand snapt het hier, bekijk het maar 🤬",
    ];

    /// <summary>The <see cref="Size"/> messages, in a fixed order.</summary>
    public static IReadOnlyList<string> Build(int seed = 20260302) => [.. BuildWithKinds(seed).Select(m => m.Text)];

    /// <summary>The same messages as <see cref="Build"/>, each with the template family it was drawn from.</summary>
    public static IReadOnlyList<(string Text, CorpusKind Kind)> BuildWithKinds(int seed = 20260302)
    {
        var random = new Random(seed);
        var messages = new List<(string, CorpusKind)>(Size);
        for (var i = 0; i < Size; i++)
        {
            var roll = random.Next(100);
            var kind = roll < 65 ? CorpusKind.Ok : roll < 87 ? CorpusKind.Concern : CorpusKind.Hurtful;
            var templates = kind switch
            {
                CorpusKind.Ok => Ok,
                CorpusKind.Concern => Concern,
                _ => Hurtful,
            };
            messages.Add((Fill(templates[random.Next(templates.Length)], random), kind));
        }

        return messages;
    }

    private static string Fill(string template, Random random)
    {
        var text = new StringBuilder(template)
            .Replace("{parent}", Parents[random.Next(Parents.Count)])
            .Replace("{child}", Children[random.Next(Children.Length)])
            .Replace("{teacher}", Teachers[random.Next(Teachers.Length)])
            .Replace("{day}", Days[random.Next(Days.Length)])
            .Replace("{thing}", Things[random.Next(Things.Length)])
            .Replace("{emoji}", Emoji[random.Next(Emoji.Length)])
            .ToString();

        // Group chats are typed on phones: some messages start lower-case, without a capital.
        return random.Next(4) == 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}

/// <summary>The template family a corpus message was drawn from (what it was written to be, not a verdict).</summary>
internal enum CorpusKind
{
    Ok,
    Concern,
    Hurtful,
}
