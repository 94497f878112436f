using System.Text.RegularExpressions;

namespace KlassenouderBot.Moderation.Analysis;

/// <summary>
/// Phrase patterns over the normalised text (lower case, accents folded, single spaces, no punctuation).
/// Written for this project from how Dutch and English parents write; each names what it catches.
/// </summary>
internal static partial class TonePatterns
{
    // Patterns that run on most messages and are slower backtracking are non-backtracking: one pass over the
    // text however many alternatives there are, which keeps the analyser near 50,000 messages a second (README,
    // "Speed"). Each builds its automaton at run time and keeps it, 1 to 5 MB apiece (23 of them held 68 MB),
    // so the others are backtracking and source generated: compiled into this assembly, they keep nothing at
    // run time, and most run only when a trigger word or an earlier pattern calls for them. None has nested or
    // unbounded repetition over the same characters (only bounded gaps such as .{0,40} and word endings such
    // as \w*), so a message costs at most a constant times its length. Lookarounds are not allowed in OnePass.
    private const RegexOptions Generated = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const RegexOptions OnePass = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;

    /// <summary>Physical threats and intimidation, Dutch and English.</summary>
    [GeneratedRegex(
        @"\b(zal|zullen|gaat|gaan) (ze|hij|je|jij|jullie|die|u) (wat|het) (beleven|merken|voelen|weten)" +
        @"|\bkom ik (hem|haar|je|jou|jullie|die|ze)\b( \w+){0,3} (halen|opzoeken|pakken)" +
        @"|\b(persoonlijk|zelf|eigenhandig) (even )?(halen|opzoeken|aanpakken|afrekenen)" +
        @"|\bpak (slaag|rammel|op (z'n|zijn|haar|je) donder)|\bklappen (krijgen|geven|verkopen|vallen)|\bop (z'n|zijn|haar|je|hun) (bek|smoel|muil|donder) (slaan|geven|timmeren|krijgen)" +
        @"|\bin elkaar (slaan|trappen|timmeren|rammen|beuken)|\b(een )?lesje (leren|geleerd)|\bkapot (maken|slaan)|\bafmaken|\bmaak (je|jou|hem|haar) af|\bmaak (je|jou|hem|haar|jullie|die) (helemaal )?kapot|\bdood ?maken" +
        @"|\bneer ?steken|\bte grazen|\bik weet waar (je|jij|jullie|ze|hij|u) (woont|wonen|woon)|\bje gaat eraan|\bdat (zal|gaat) (je|ze|hij|jullie) (berouwen|opbreken)" +
        @"|\b(aanraakt|aankomt|aanraken|aankomen|aanzit)\b.{0,30}\b(kom ik|dan|zal|krijgt)|\bmet (z'n|zijn) allen\b.{0,20}\bapart nemen|\bapart nemen\b.{0,30}\bleert (hij|ze|die) het" +
        @"|\b(ik|we) (ga|gaan) (hem|haar|die|jou|je) (ff |even )?(opzoeken|pakken|grijpen|halen)|\bwacht (maar )?tot ik\b|\bwacht maar( af)?$|\blet maar op$" +
        @"|\bnog (een|één|1) ?(keer|x)\b.{0,40}\b(aan|aanraakt|aankomt|aanzit|zit|komt|slaat|duwt)\b.{0,40}\b(trek|sla|pak|kom|krijgt|zal|dan)\b" +
        @"|\b(krijgt|krijg|geef|geven|verkoop|verkopen) (die|hij|ze|je|jij|hem|haar)?( \w+){0,3} (een )?(klap|klappen|dreun|mep|knal|pak slaag|schop)\b|\bik weet waar \w+( \w+)? (woont|wonen)\b|\bga (ik )?(wel )?(even )?langs\b.{0,20}\b(bij|thuis)\b" +
        @"|\b(i'?ll|i will|im gonna|i'm gonna|gonna) (deal with|kill|hurt|get|beat|smash|find|sort out) (him|her|you|them|that)" +
        @"|\b(you|she|he|they)('ll| will) (regret|pay for)|\bals ik (die|dat|hem|haar|jou|je)\b.{0,40}\b(tegenkom|tegen kom|zie|te pakken krijg)\b.{0,30}\b(weet ik niet wat ik doe|dan zal|dan kan|dan krijgt)|\bwatch your back|\bi know where (you|she|he|they) li?ves?",
        OnePass)]
    public static partial Regex Threat();

    /// <summary>A call to act together: half of a gang-up (the other half is a hostile goal).</summary>
    [GeneratedRegex(
        @"\bmet (z'n|zijn|ze|z'n allen|ons) al(len|lemaal)\b|\bwie (doet|doen|tekent|tekenen|gaat|gaan|stuurt|komt) (er )?(nog )?(ook )?(mee|meer)\b|\bwie nog meer\b" +
        @"|\blaten we\b.{0,40}\b(allemaal|samen|iedereen|massaal)\b|\bwe (moeten|gaan|houden|betalen|trakteren|zetten|sturen|eisen|stappen)\b.{0,30}\b(allemaal|met z'n allen|massaal|samen)\b" +
        @"|\biedereen\b.{0,30}\b(thuis|mee|niet meer|een zak|volgende keer)\b|\biedereen\b.{0,40}\bnaar (de |het )?(directeur|directie|school|hek|schoolplein|kantoor)\b|\bkom op mensen\b|\bik teken\b|\bpetitie\b|\bhandtekeningen\b|\bboycot\w*" +
        @"|\b(who'?s|who is) (with me|in)\b|\blet'?s all\b|\bdoe(n)? mee\b|\bik doe mee\b|\bwe (allemaal|met z'n allen) (gewoon )?",
        OnePass)]
    public static partial Regex GangUpCall();

    /// <summary>What a gang-up is for: getting someone removed, defying the school, shaming it in public.</summary>
    [GeneratedRegex(
        @"\b(weg|eruit|ophoepelen|oprotten|ontslaan|ontslagen|ontslag|vertrekken|zwart ?maken|thuis ?houden|thuis ?laten|eisen|eist|afzetten|boycot\w*" +
        @"|niet (meer )?(betalen|terug|terugkomen|terug hoeft)|betalen\b.{0,15}\bniet|aanpakken|apart nemen|facebook|krant|rtl|omroep|de laan uit|wegsturen" +
        @"|binnenlaten|bij het hek|durven|durft|wat gaan ze doen|eens kijken wie|anonieme brief|klacht|brief naar|rotzooi trappen|negeren|boycotten|dan (snapt|snappen|leert|leren|horen|hoort|weten|zien|merken) (\w+ ){1,2}het( wel)?|(niet|nooit) (meer )?uit ?(nodigen|genodigd)|op de stoep|laten zitten|niet inleveren|weigeren|hoe lang (ze|hij) (nog )?(mag|kan) blijven|tegen (de|die|het) (juf|meester|school|directie|directeur))\b" +
        @"|\b(get rid of|fired|kick (him|her|them) out|remove (him|her))\b",
        Generated)]
    public static partial Regex HostileGoal();

    /// <summary>Threats to go to the press or to shame the school or a person on social media.</summary>
    [GeneratedRegex(
        @"\b(naar|bij|in|aan) (de |het )?(krant|kranten|pers|media|rtl( nieuws)?|nos|omroep \w+|rtv \w+|hart van nederland|telegraaf|journalist\w*|tv|televisie)\b" +
        @"|\b(krant|pers|rtl|omroep|rtv|nos|media|journalist\w*)\b.{0,50}\b(gemaild|gebeld|bellen|mailen|stappen|benaderen|ingeschakeld|inschakelen|tippen|getipt)" +
        @"|\bop (facebook|fb|insta|instagram|twitter|tiktok|social media|socials|internet|linkedin|x)\b.{0,25}\b(zetten|gooien|plaatsen|delen|gezet|geplaatst|zet)" +
        @"|\b(zetten|gooien|plaatsen|delen|zet)\b.{0,25}\bop (facebook|fb|insta|instagram|twitter|tiktok|social media|socials|internet)\b|\bzwart ?maken\b|\bmet naam en (toenaam|foto)\b" +
        @"|\b(bel|bellen|mail|mailen|tip|tippen|benader|benaderen|schakel)\b( \w+){0,3} (de |het )?(krant|pers|media|rtl|nos|omroep|rtv|telegraaf|gelderlander|parool|volkskrant|dagblad|courant|journalist\w*|hart van nederland|editie nl|kassa|radar)\b" +
        @"|\b(go|going|went) to the (press|papers|media|news)\b|\b(post|put) (it|this) (all )?(on|online)\b",
        Generated)]
    public static partial Regex PressThreat();

    /// <summary>Legal threats. Hostile on their own only with a hostile turn (see <see cref="HostileLegalTurn"/>).</summary>
    [GeneratedRegex(
        @"\b(advocaat|advocaten|rechter|rechtszaak|rechtszaken|aanklagen|aangeklaagd|juridische stappen|juridisch|sommatie|dagvaarding|dagvaarden|letselschade|lawyer|lawyers|sue|suing|court)\b",
        Generated)]
    public static partial Regex LegalThreat();

    [GeneratedRegex(
        @"\b(komt|komen|kom) (hier )?niet (mee )?weg|\bgaat hangen|\bgaan hangen|\bzal boeten|\bgaat boeten|\bgaan boeten|\bgaat (dit|het) (voelen|merken)|\bkapot procederen|\bervoor zorgen dat\b.{0,40}\b(nooit meer|weg|ontslagen|eruit|vertrekt)|\bnooit meer voor de klas\b|\bdat beloof ik\b|\bgaat (er )?(flink |zwaar |mooi )?aan\b|\bga (ik|we) (ze|hem|haar) (aanklagen|slepen)|\bvoor de rechter slepen|\bwon'?t get away",
        Generated)]
    public static partial Regex HostileLegalTurn();

    /// <summary>Dehumanising and discriminating phrases.</summary>
    [GeneratedRegex(
        @"\bterug naar (je|jouw|haar|zijn|jullie|hun|d'r|z'n) (eigen )?(land|soort|dorp|hok)|\b(je|jouw|haar|zijn|jullie|hun) eigen soort\b|\bdat soort (mensen|volk|types|gezinnen|families|ouders|kinderen|moeders)\b|\bdie (buitenlanders|allochtonen|vluchtelingen|marokkanen|turken|polen)\b" +
        @"|\b(buitenlandse|allochtone) (kinderen|ouders|gezinnen)\b.{0,40}\b(horen|weg|terug|zooi|probleem)|\bhoren hier (gewoon )?niet\b|\bgo back to (your|her|his|their) (own )?country|\bthose people\b|\bvan die hoofddoek\w*|\bmet (haar|d'r|die|zo'n) hoofddoek\b" +
        @"|\bga (toch |maar |lekker |dan )*terug naar\b|\b(zijn|is|net|als) (net )?(als )?(beesten|dieren|apen|wilden)\b" +
        @"|\b(poolse|marokkaanse|turkse|surinaamse|antilliaanse|roemeense|bulgaarse|syrische|afghaanse|somalische|eritrese|buitenlandse|allochtone|zwarte|islamitische) (ouders|mensen|moeders|vaders|kinderen|gezinnen|families|volk)\b.{0,60}\b(asociaal|volk|horen|terug|weg|zeuren|profiteren|dom|vies|probleem|tuig|criminelen|daarom|bemoeien|nergens mee|schuld|slecht)\b" +
        @"|\b(expats|buitenlanders|allochtonen|asielzoekers|vluchtelingen|azc|moslims|islamieten|joden|zigeuners)\b.{0,60}\b(moeten|horen|volk|zeuren|beesten|terug|teruggaan|weg|profiteren|tuig|willen hier|veranderen|aanpassen)\b|\b(aanpassen|aangepast) voor (die|de) (moslims|buitenlanders|allochtonen|islamieten)\b|\blaten ze (lekker |maar )?(teruggaan|terug gaan|oprotten|vertrekken)\b|\basociaal volk\b|\b(dat|wat een|zulk) (tuig|gespuis|volk)\b",
        OnePass)]
    public static partial Regex Dehumanising();

    /// <summary>Rude imperatives and personal attacks on the person addressed.</summary>
    [GeneratedRegex(
        @"\b(hou|houd) (je|jij|jullie|uw) (grote |vuile )?(bek|kop|waffel|mond|snavel|smoel|muil)|\b(rot|donder|pleur|flikker|sodemieter|hoepel|kanker|tering|tyf|kk) (toch |maar |lekker )?(eens |ff )?op\b|\boprotten\b|\bophoepelen\b" +
        @"|\bvoed\b.{0,25}\bop\b|\b(je|jij|jullie|haar|zijn|d'r|z'n|eigen) (\w+ ){0,3}(opvoeden|opvoedt)\b|\bblaten\b|\bzit(ten)? (te )?blaten|\bniemand (vroeg|zit te wachten op|vraagt|heeft .{0,10}gevraagd)\b" +
        @"|\bshut (up|your)\b|\bnobody asked\b|\bget lost\b|\b(f|piss) off\b|\bgo to hell\b|\bschaam je\b|\bga (lekker )?(terug|thuis zitten|weg)\b|\bjij hebt (overdag )?(toch )?niks te doen\b" +
        @"|\bheilige praatjes\b|\bde les (leest|lezen)\b|\bdrama in deze app\b|\bgrote bek\b" +
        @"|\b(hou|houd) (toch |nou |eens |gewoon )+(je|jij|uw) (bek|kop|waffel|mond|snavel|smoel|muil)\b|\bniemand (zit|zat|wacht) (hier )?(op|te wachten op) (jou|jouw|je|jullie)\b|\bjij bent (zelf )?(de reden|het probleem|de schuld)\b|\b(jouw|je eigen) schuld\b" +
        @"|\bstelletje \w+|\bzielige (vrouw|man|figuur|moeder|vader)\b|\b(kan|kunnen) (hij|ze|zij|die|jij|je) (de pot|het schompes|doodvallen|de boom) (op|in)\b|\blast van (zijn|zn|z'n|haar|d'r) ego\b",
        OnePass)]
    public static partial Regex PersonalAttack();

    /// <summary>Mockery: the dog that explains better, the brain of a shrimp, sitting on a terrace while "ill".</summary>
    [GeneratedRegex(
        @"\b(mijn|m'n|mn) (hond|kat|cavia|goudvis|konijn|oma|opa|kleuter|baby|peuter)\b.{0,12}\bkan (het |dat )?(nog |zelfs |echt )?beter\b|\bhersenen(s)? van een\b|\b(heeft|hebben) (geen|nul|0) hersen\w*|\biq van (een )?\w+" +
        @"|\bzit(ten)? (zeker |vast )?(lekker |gezellig )?(op|in|aan) (een |het |de )?(terras\w*|strand|bank|kantoortje|spanje|vakantie)|\bop (haar|zijn|hun) luie (reet|kont|gat)\b|\bluie (reet|kont)\b" +
        @"|\b(zeker|vast) (weer )?(lekker )?(luieren|op vakantie|vrij|een dagje vrij|koffie drinken)|\bluieren op (onze|ons) kosten\b|\bop onze kosten\b" +
        @"|\bnepglimlach|\bveel te goed voor\b|\bvindt zichzelf\b|\bwortelstokjes\b|\bkonijnenvoer\b|\bfavorietjes\b|\bons kent ons\b|\bdoorgestoken kaart\b|\bcorrupt\w*" +
        @"|\bzeker (weer |te )?(een dagje |een dag )?(druk|lekker bezig|op vakantie|vrij|met vakantie|ziek)\b|\bzielig(e)? (mens|wijf|ventje|figuur|type)\b|\bkan beter (gaan )?(vakkenvullen|stoppen|ophouden|ander werk|iets anders)\b|\btenminste iets nuttigs\b|\btoevallig (he|hoor|natuurlijk)\b|\bin (zijn|haar|z'n|d'r) (kantoortje|ivoren toren)\b|\bcan'?t even (spell|read|teach|count)\b|\bwho hired\b|\bjoke of a\b|\bgeen ruggengraat\b|\bzonder ruggengraat\b",
        Generated)]
    public static partial Regex Mockery();

    /// <summary>Saying staff cannot do their job; mocking only when said of a teacher or the school.</summary>
    [GeneratedRegex(
        @"\bkan (echt |helemaal |gewoon )?(niks|niets|nix)\b|\bkunnen (echt |helemaal |gewoon )?(niks|niets)\b|\bsnapt (er )?(echt |gewoon )?(helemaal )?(niks|niets) van\b|\bkan (nog )?geen (\w+ )?(lesgeven|uitleggen|rekenen|spellen|schrijven)\b|\bheeft geen idee wat (ze|hij) doet\b|\bamateurs?\b|\bdoet (echt |gewoon )?(helemaal )?(niks|niets|geen ruk|geen moer)\b|\bkrijgt (nog )?geen (klas|groep)\b|\bkan (nog |niet eens )?geen \w+( \w+)? (organiseren|regelen|plannen|uitleggen|lezen|schrijven)\b|\blaat staan\b",
        Generated)]
    public static partial Regex Incompetence();

    /// <summary>Sarcastic praise ("ja hoor, wéér top geregeld").</summary>
    [GeneratedRegex(
        @"\bja hoor\b|\blekker bezig\b|\bgoed bezig\b|\b(top|goed|prima|fantastisch|super|perfect|geweldig|netjes) (weer )?geregeld\b|\bweer top\b|\bknap hoor\b|\bbravo\b|\bapplaus\w*|\bchapeau\b" +
        @"|\bgeweldige (juf|meester|school|directie|directeur|directrice|leiding)\b|\bonze (geweldige|fantastische|lieve|super) (juf|meester|directeur|directrice|school)\b|\bwell done\b|\bgreat job\b|\bnice one\b|\bwhat a surprise\b",
        Generated)]
    public static partial Regex SarcasticPraise();

    /// <summary>Accusing a child of stealing, of causing lice, of being the problem.</summary>
    [GeneratedRegex(
        @"\b(gejat|jatten|jat|jatte|gestolen|steelt|stelen|stal|dief|dieven|dievegge|lange vingers|gepikt|pikt|pikte|gegapt)\b" +
        @"|\b(komt|komen) (gewoon |natuurlijk |elke keer |altijd |steeds |weer |toch )+(van|bij|uit) (die|dat|dit|het|de familie|het gezin|\w+)\b|\bschuld van\b|\b(is|zijn) (echt |gewoon )?(een |het )?probleem\b" +
        @"|\buit de buurt (van|houden)\b|\bniet (meer )?naast\b.{0,20}\bzitten\b|\bmoet (thuis ?blijven|van school|weg)\b|\bthuis ?blijft\b|\bniet meer (met|bij)\b.{0,15}\bspelen\b|\bgeen wonder met\b|\bnet als (haar|zijn|z'n|d'r) (grote |kleine |oudere )?(moeder|vader|ouders|broer|broertje|zus|zusje)\b|\b(speelt|spelen) (altijd |steeds |gewoon )?vals\b|\bvan wie het komt\b|\bzat(en)? er( \w+){0,3} vol mee\b|\biedereen weet (toch |wel )*(van wie|wie het|wie dat)\b|\bniet meer (laten )?spelen\b|\baltijd degene die\b|\b(lopen|loopt|zien|ziet) er (altijd |echt |gewoon )?(vies|smerig|onverzorgd) (bij|uit)\b|\b(niet|nooit) (meer )?uit ?(nodigen|genodigd)\b|\bnodig (haar|hem) (maar )?(ff |even )?niet uit\b|\bvandaan\b",
        OnePass)]
    public static partial Regex ChildAccusation();

    /// <summary>Hygiene shaming of a child or family.</summary>
    [GeneratedRegex(
        @"\b(douchen|wassen|stinkt|stinken|stonk|vette haren|vieze haren|luizennest|luizengezin|luizenfamilie|vlooien|onverzorgd|kamt nooit|kammen nooit|walgelijk)\b" +
        @"|\b(familie|gezin|moeder|vader|ouders|kind|kinderen|die|dat) (is|zijn) (gewoon |echt |zo |ook )?(vies|smerig|goor|vuil)\b",
        Generated)]
    public static partial Regex HygieneShaming();

    /// <summary>Someone asking the group to keep it civil, or pushing back on an insult.</summary>
    [GeneratedRegex(
        @"\b(gaat|ging|gaan) (echt |wel |nu )?(te ver|veel te ver)\b|\bhoort (hier |echt |toch )*(niet|nergens)\b|\bniet (de plek|de plaats|netjes|nodig|aardig)\b|\b(dat|dit) (vind ik|is|was) (echt |gewoon |wel )?niet (ok|oke|okay|oke)\b|\bnetjes (houden|blijven|hier)\b" +
        @"|\bdoe (eens |nou )?niet zo\b|\bschelden\b|\blaten we (het )?(wel |even |hier )?(netjes|rustig|vriendelijk|respectvol|bij)\b|\brustig aan\b|\bkom op zeg\b|\blaat \w+ erbuiten\b|\b(laten we|graag|aub|alsjeblieft|please|noem|noemen we) (hier )?geen namen\b|\bgeen namen (van kinderen|in deze)\b|\bgeen kinderen bij naam\b|\bniet bij naam\b|\bzo praten we (hier )?niet\b|\bdat zeggen we niet\b" +
        @"|\bbespreek (het|dit|dat)\b|\bbel de juf\b|\b(dit|dat) is (echt )?niet (ok|oke|de plek)\b|\bstop (hiermee|ermee|nou|nu)\b|\bdat was (echt )?onnodig\b|\bheksenjacht\b|\bniet op deze manier\b" +
        @"|\bhelemaal eens met\b|\beens met\b|\bhierbij laten\b|\bniet de plek\b|\bkeep it (civil|nice|kind)\b|\b(not|isn'?t) (okay|ok|nice|fair)\b|\btoo far\b|\buncalled for\b|\bbe kind\b|\bwat bedoel je (daar )?(precies )?mee\b",
        OnePass)]
    public static partial Regex CounterSpeech();

    /// <summary>Talk about illness itself, which makes a disease word medical rather than a curse.</summary>
    [GeneratedRegex(
        @"\b(over|aan|tegen|met|heeft|had|hebben|krijgt|kreeg|kregen|overleden|overlijden|genezen|schoon verklaard|diagnose|behandeling|chemo|bestraling|ziekenhuis|kwf|sponsorloop|onderzoek|ziek|zieke|ziekte|opa|oma|borst|long|huid|darm|prostaat|leukemie|tumor|patient|patienten) (\w+ )?(kanker|tering|tyfus|pest|kolere)\b" +
        @"|\b(kanker|tering|tyfus|pest|kolere) (gehad|heeft|had|hebben|overleden|patient|patienten|genezen|onderzoek|behandeling|bestrijding|fonds)\b|\bkwf\b",
        Generated)]
    public static partial Regex MedicalContext();

    /// <summary>Respectful criticism and worry: clear markers of a legitimate concern (single words and fixed phrases).</summary>
    [GeneratedRegex(
        @"\beerlijk gezegd\b|\bniet (zo |echt |heel )?(handig|fijn|ok|oke|normaal|eerlijk|duidelijk|professioneel|veilig|prettig|goed geregeld)\b" +
        @"|\b(veel |echt |wel |veelste |veel te )?te (veel|laat|lang|groot|zwaar|duur|weinig|kort|vroeg|streng|druk|vol)\b|\bis (het|dat|dit) (wel )?normaal\b" +
        @"|\bkan (dat|het|dit) (echt )?niet\b|\b(dat|dit|het) (kan|moet) (toch )?(echt )?(beter|anders|eerder|stoppen)\b|\bmoet (wel |echt |nu )?stoppen\b" +
        @"|\bkan (daar|er|dat|dit) (niet )?(iets|wat) aan (gedaan|veranderd|gebeuren)|\bnog geen (antwoord|reactie)\b|\bniet reageert\b|\breageert niet\b|\bwacht (nu )?al\b" +
        @"|\ber verandert niks\b|\bniemand die ons\b|\bhoren we niks\b|\blast ?minute\b|\bgeen idee (hoe|waar|wat)\b" +
        @"|\bwaarom (horen|mogen|moeten|kunnen|krijgen|is|zijn|gaat|gaan|doet|wordt|worden|heeft|hebben|staat|kan|moet|mag|krijgt|zit)\b|\bzonde\b|\bdoorgeslagen\b|\bbetutteling\b" +
        @"|\bonverstandig\b|\bbelachelijk\b|\bschandalig\b|\babsurd\b|\bbizar\b|\bboos\b|\b(ben|is|word|zijn|erg|echt|heel) kwaad\b|\bklaar (mee|met)\b|\bben het zat\b|\bteleurgesteld\b" +
        @"|\bfrustrerend\b|\bzorgen\b|\bongerust\b|\bbezorgd\b|\bbang dat\b|\bonveilig\b|\bniet veilig\b|\bvoelt niet\b|\bverdrietig\b|\bhuilend\b|\bgefrustreerd\b|\bgepest\b" +
        @"|\bbuitengesloten\b|\bgeduwd\b|\bgeslagen\b|\bgeschopt\b|\buitgescholden\b|\buitscheldt\b|\bnaroept\b|\bgevochten\b|\bschaafwonden\b|\bblauwe plekken\b|\bongelukje\b" +
        @"|\bvan het plein gelopen\b|\bvergeten wordt\b|\bop de gang gezet\b|\bnooit een beurt\b|\bniet te doen\b|\bprijzig\b|\bwaar het geld\b|\bschrappen\b|\bgeschrapt\b|\bbezuinig\w*" +
        @"|\bmoet anders\b|\bmaak me\b|\bwat doet de school\b|\b(was|is) (wel |toch )?fijn geweest\b|\bzonder (enig |enige )?(overleg|uitleg|bericht|dat (wij|we|iemand|er iemand|ouders))\b",
        OnePass)]
    public static partial Regex Concern();

    /// <summary>More clear markers of a concern; a separate pattern only to keep each automaton small.</summary>
    [GeneratedRegex(
        @"\b(al|sinds) (weken|maanden|jaren|een maand|een week|\d+ weken|\d+ maanden)\b|\b(nog )?steeds (niks|niets|geen|niet)\b|\bniemand (heeft|van|die|belt|reageert)\b" +
        @"|\b(horen|weten) (eigenlijk |echt )?(nooit|niks|niets)\b|\bik ben het (helemaal )?niet eens\b|\bik heb het gevoel dat\b|\bhet valt me op\b|\bzit me niet lekker\b" +
        @"|\b(een|wel een) dingetje\b|\bdurft (er )?niet meer\b|\bop de hoogte\b|\buitleggen waarom\b|\bheroverwegen\b|\bis geen antwoord\b" +
        @"|\b(zegt|doet|deed|zei) (er )?(niks|niets) (van|aan|mee)\b|\bweet de school\b" +
        @"|\b(echt |heel |best )?(rommelig|onduidelijk|verwarrend|chaotisch|oneerlijk|onrustig|zorgwekkend|onacceptabel|onbegrijpelijk|slordig|onprofessioneel)\b|\b(levens)?gevaarlijk\b" +
        @"|\bonverantwoord\b|\bzorgelijk\b|\buitgesloten\b|\bstaat (steeds |vaak )?alleen\b|\bik weet niet meer wat ik moet doen\b|\bniet de eerste keer\b|\bgeschrokken\b|\bniks veranderd\b" +
        @"|\bweinig gedaan\b|\bik mis\b|\bik zou het fijn vinden als\b|\bnauwelijks\b|\btransparant\w*\b|\bwaar gaat (dat|dit|het) (allemaal )?(heen|naartoe)\b" +
        @"|\b(best|erg|heel|echt) (vroeg|lang|laat|duur|veel)\b|\bflinke stap\b|\bhet tikt (wel )?aan\b|\bis (het|dat) (nou )?echt nodig\b|\bis (daar|er) geen\b|\bdon'?t understand why\b" +
        @"|\breally hard for\b|\bnot fair\b|\bunfair\b|\bi don'?t think (it'?s|that'?s) (fair|ok|right|normal)\b|\bconfusing\b|\breally (high|expensive|late|strict|unclear)\b" +
        @"|\bnobody (told|informed|called)\b|\b(a week|days) later\b|\b(messy|chaotic|unclear|worrying|concerning)\b|\bworried\b|\bconcerned\b|\bshocked\b|\bdisappointed\b|\bupset\b" +
        @"|\btoo (late|much|expensive|many|long)\b|\bnot ok(ay)?\b|\bunacceptable\b|\bridiculous\b|\bis that normal\b|\breally late\b|\bcrying\b",
        OnePass)]
    public static partial Regex ConcernMore();

    /// <summary>Respectful criticism in looser phrases ("ik vind het … jammer", "had … eerder mogen …").</summary>
    [GeneratedRegex(
        @"\bik vind (het|dat|die|dit|de|deze|hem|haar)\b.{0,40}\b(niet|raar|jammer|te|teveel|zonde|doorgeslagen|onverstandig|vreemd|lastig|vervelend|slecht|onhandig|moeilijk|zwaar)\b" +
        @"|\bhad(den)? (wel |toch |best )?(eerder|beter|anders|sneller|even)?( \w+){0,4} (mogen|moeten|kunnen|willen) (worden|weten|horen|krijgen|zijn)?\b" +
        @"|\bvind (het|dat|ik)( \w+)?( echt| wel| best| nogal)? (veel|lang|streng|lastig|raar|apart|jammer|vreemd|zwaar|moeilijk|eng)\b",
        Generated)]
    public static partial Regex ConcernPhrase();

    /// <summary>Weaker hints of a complaint: asking others, "why", "again".</summary>
    [GeneratedRegex(
        @"\bhoe (ervaren|denken|zien|lossen) jullie\b|\bherkent iemand\b" +
        @"|\bhebben (meer|andere) (mensen|ouders)\b|\bvinden (meer|andere) ouders\b|\bzijn jullie (wel )?blij\b|\bwat zouden jullie doen\b|\bbij jullie ook\b|\bklopt dat\b|\bik snap (echt |het |er )?(niet|niks)\b" +
        @"|\bniks over\b|\bpas (toen|een dag|om|nu)\b|\bjammer\b|\bverlies\b|\bvreemd\b|\braar\b|\bhuilen\b|\bvechten\b|\bfilmen\b|\bgescheurde\b|\bniet meer (zien|mee|naar)\b|\bkort dag\b|\bsorry (maar|voor het klagen)\b" +
        @"|\bniet boos\b|\bveel geld\b|\bis er een reden\b|\bik merk dat\b|\bsteeds (minder|meer|vaker)\b|\bkan (de school|de juf|de meester|school|iemand) niet\b|\bzou (de juf|de meester|de school|school) (wat |niet )?(vaker|beter|eerder|meer)\b|\bniet eens meer\b|\bmag niet\b|\bbedreigt\b|\buitgelachen\b|\bpakt (steeds |elke dag |vaak )?\w+( \w+)? af\b|\bafpakken\b|\bslaat\b|\bnooit iets\b|\bweer geen\b|\bfinancial support\b" +
        @"|\b(al )?(de|voor de) (derde|vierde|vijfde|\d+e) (keer|jas|invaller|week|maand)\b|\balweer\b|\bwederom\b|\bagain\b|\banyone else\b|\bdo others\b|\ba lot (for|of money)\b",
        OnePass)]
    public static partial Regex ConcernHint();

    /// <summary>Reassurance ("niks om je zorgen over te maken"): the worry word is not a worry.</summary>
    [GeneratedRegex(@"\b(geen|niks om je|niet om je|hoef je je geen|hoeft niemand zich)( \w+){0,3} zorgen\b", Generated)]
    public static partial Regex Reassurance();

    /// <summary>"ik vind het niet ok dat …" is a complaint about a situation, not pushing back on a message.</summary>
    [GeneratedRegex(@"\bniet (ok|oke|okay) dat\b", Generated)]
    public static partial Regex NotOkThat();

    /// <summary>Us-versus-them talk about the school ("die lui daar", "wij ouders").</summary>
    [GeneratedRegex(
        @"\bdie (lui|mensen|club|types|figuren|heren|dames) (daar|van|op)\b|\bwij (als )?ouders\b|\bzij daar\b|\bdaarboven\b|\bons tegen\b|\bwij tegen\b|\bhet team daar\b|\bde school (doet|denkt|wil) (maar|altijd)\b|\bze doen maar\b|\bverzint maar wat\b|\bwij mogen het\b",
        Generated)]
    public static partial Regex UsVersusThem();

    /// <summary>Agreement with the message before: joining in.</summary>
    [GeneratedRegex(
        @"^(ja |jaa |jep |yes |haha+ |hahaha+ |nou )?(precies|idd|inderdaad|helemaal mee eens|eens|zeker|klopt|dit|true|exactly|same|zelfde hier|ik ook|ik teken|ik doe mee|doen|goed zo|ja dat|ja echt|haha ja|hahaha precies)\b" +
        @"|^(hahaha+|haha+) (ja|precies|idd)\b|\bik doe mee\b|\bik teken\b|\bwie nog meer\b|\bgoed zo\b",
        OnePass)]
    public static partial Regex Agreement();
}
