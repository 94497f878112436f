namespace KlassenouderBot.Moderation;

/// <summary>
/// Everything the bot says, in Dutch and English, with several phrasings each so it never sounds like a
/// form letter. A school overrides any key in its YAML under <c>texts:</c> (the key, or the key with
/// <c>.en</c> for English). Placeholders: {teacher}, {teacherContact}, {classParent}, {topic}, {groep},
/// {level}, {parents}, {window}, {step}, {signals}, {school}.
/// </summary>
public sealed class InterventionTexts(IReadOnlyDictionary<string, IReadOnlyList<string>>? overrides = null)
{
    private static readonly Dictionary<string, string[]> Defaults = new(StringComparer.Ordinal)
    {
        ["nudge.concern"] =
        [
            "Hoi! Ik zie dat je je zorgen maakt over {topic}. Dat is begrijpelijk, en het is goed dat je het benoemt. De snelste weg is meestal rechtstreeks: {teacher} hoort het graag van je{teacherContact}. Ook {classParent} denkt graag met je mee.",
            "Fijn dat je meedenkt over {topic}. Zulke vragen komen het best aan bij {teacher}{teacherContact}: daar kan er echt iets mee gebeuren. {classParent} helpt je ook graag op weg.",
            "Dank je dat je dit deelt. Over {topic} kun je het beste even contact opnemen met {teacher}{teacherContact}; in een gesprek komt het vaak beter over dan in de groep. {classParent} kan je ook helpen.",
        ],
        ["nudge.concern.en"] =
        [
            "Hi! I can see you're concerned about {topic}. That's understandable, and it's good you raise it. The quickest route is usually direct: {teacher} would like to hear it from you{teacherContact}. {classParent} is also happy to help.",
            "Thanks for thinking along about {topic}. Questions like this are best taken to {teacher}{teacherContact}, where something can actually be done about it. {classParent} can help you too.",
        ],
        ["nudge.hurtful"] =
        [
            "Hoi, ik denk dat je bericht harder overkomt dan je bedoelt. De juf of meester en andere ouders lezen mee, en wat in de groep staat komt soms ook bij de kinderen terecht. Je punt is de moeite waard: bespreek het rechtstreeks met {teacher}{teacherContact}, of vraag {classParent} om mee te denken. Zou je je bericht willen aanpassen of verwijderen?",
            "Ik snap dat dit je raakt. Toch kunnen woorden in de groep pijn doen bij de mensen over wie het gaat, en kinderen merken daar meer van dan we denken. Wil je het met {teacher} bespreken{teacherContact}? Daar kan echt iets mee gebeuren. {classParent} helpt je graag op weg.",
            "Even een vriendelijk seintje, alleen voor jou: dit bericht kan kwetsend zijn voor anderen in de groep of op school. Je zorg is terecht om te bespreken, en dat gaat het best rechtstreeks met {teacher}{teacherContact} of via {classParent}. Misschien wil je het bericht nog aanpassen?",
        ],
        ["nudge.hurtful.en"] =
        [
            "Hi, I think your message may come across harsher than you mean it. Teachers and other parents read along, and what's said in the group can reach the children too. Your point matters: please raise it directly with {teacher}{teacherContact}, or ask {classParent} to help. Would you consider editing or deleting your message?",
            "I understand this matters to you. Words in the group can still hurt the people they're about, and children notice more than we think. Could you talk it through with {teacher}{teacherContact}? That's where something can be done. {classParent} is glad to help.",
        ],
        ["nudge.child"] =
        [
            "Hoi, je bericht gaat over een ander kind. Kinderen zijn loyaal aan hun ouders, en een kind dat bij naam in een groepsapp wordt besproken, merkt dat. Wil je wat je zag of hoorde rechtstreeks met {teacher} bespreken{teacherContact}? Die kan op school echt iets doen, voor alle kinderen. Zou je je bericht willen verwijderen?",
            "Even alleen voor jou: in de klassenchat praten we niet over andere kinderen, hoe terecht je zorg ook is. {teacher}{teacherContact} hoort graag wat er speelt en kan het goed oppakken. {classParent} helpt je ook. Wil je je bericht aanpassen of verwijderen?",
        ],
        ["nudge.child.en"] =
        [
            "Hi, your message is about another child. Children are loyal to their parents, and a child who is discussed by name in a group chat notices. Would you take what you saw or heard directly to {teacher}{teacherContact}? They can really act on it at school, for all the children. Would you consider deleting your message?",
        ],
        ["nudge.latenight"] =
        [
            "Het is al laat: misschien helpt het om er een nachtje over te slapen voordat je verder reageert.",
            "Tip: 's avonds laat komen berichten vaak scherper over. Morgen even rustig kijken kan helpen.",
        ],
        ["nudge.latenight.en"] =
        [
            "It's late: it may help to sleep on it before you reply again.",
        ],
        ["group.heated"] =
        [
            "Ik merk dat dit onderwerp veel losmaakt, en dat is begrijpelijk: het gaat om onze kinderen. Vragen en zorgen hierover komen het best aan bij {teacher}{teacherContact}, en {classParent} denkt graag mee. Zullen we het hier houden bij praktische zaken?",
            "Even een rustig moment: er zit duidelijk veel betrokkenheid in dit gesprek. Zorgen over {topic} kunnen het best rechtstreeks naar {teacher}, daar kan er echt iets mee. {classParent} helpt iedereen daar graag bij.",
            "Dit gesprek raakt veel mensen. Laten we elkaar het voordeel van de twijfel geven. Wie zich zorgen maakt, kan terecht bij {teacher}{teacherContact} of bij {classParent}.",
        ],
        ["group.heated.en"] =
        [
            "I can see this topic matters a lot to everyone, which is understandable: it's about our children. Questions and concerns are best taken to {teacher}{teacherContact}, and {classParent} is happy to help. Shall we keep this chat for practical matters?",
        ],
        ["alert.escalated"] =
        [
            "Melding voor de klassenchat van groep {groep}: het gesprek is {level}. {parents} ouders doen mee, onderwerp: {topic}, tussen {window}. Wat er speelt: {signals}. Voorstel: {step}",
        ],
        ["alert.escalated.en"] =
        [
            "Alert for the class chat of groep {groep}: the conversation is {level}. {parents} parents are taking part, topic: {topic}, between {window}. What is going on: {signals}. Suggested step: {step}",
        ],
        ["alert.severe"] =
        [
            "Directe melding voor de klassenchat van groep {groep}: er is een bericht geplaatst met {signals}, om {window}. Onderwerp: {topic}. De schrijver heeft privé een seintje gekregen. Voorstel: {step}",
        ],
        ["alert.severe.en"] =
        [
            "Immediate alert for the class chat of groep {groep}: a message was posted with {signals}, at {window}. Topic: {topic}. The author has been sent a private note. Suggested step: {step}",
        ],
        ["step.escalated"] =
        [
            "neem vandaag contact op met de leerkracht en stuur eventueel zelf een kort, rustig bericht in de groep dat zorgen bij de leerkracht horen.",
        ],
        ["step.escalated.en"] = ["contact the teacher today, and consider posting a short, calm message that concerns belong with the teacher."],
        ["step.child"] =
        [
            "laat de leerkracht vandaag weten dat er in de chat over een kind is gesproken, zodat die het kind en de ouders kan steunen. Vraag in de groep om geen namen van kinderen te noemen.",
        ],
        ["step.child.en"] = ["let the teacher know today that a child was discussed in the chat, so they can support the child and the parents. Ask the group not to name children."],
        ["step.threat"] =
        [
            "neem direct contact op met de leerkracht en de directie; bij gevaar voor iemand: bel 112.",
        ],
        ["step.threat.en"] = ["contact the teacher and the head teacher right away; if anyone is in danger, call 112."],
    };

    /// <summary>The bot's own phrasings of a key, for the admin app to show next to the school's.</summary>
    public static IReadOnlyList<string> DefaultsFor(string key) => Defaults.TryGetValue(key, out var phrasings) ? phrasings : [];

    public string Pick(string key, string language, int seed, IReadOnlyDictionary<string, string> values)
    {
        var phrasings = Phrasings(language == "en" ? key + ".en" : key) ?? Phrasings(key)!;
        var template = phrasings[(int)((uint)seed % (uint)phrasings.Count)];
        foreach (var (name, value) in values)
        {
            template = template.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return template;
    }

    private IReadOnlyList<string>? Phrasings(string key) =>
        overrides is not null && overrides.TryGetValue(key, out var custom) && custom.Count > 0 ? custom
        : Defaults.TryGetValue(key, out var builtIn) ? builtIn
        : null;

    /// <summary>The keys a school can override.</summary>
    public static IEnumerable<string> Keys => Defaults.Keys;
}
