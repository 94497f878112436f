using System.Collections.Frozen;
using KlassenouderBot.Moderation.Analysis;

namespace KlassenouderBot.Moderation;

public sealed partial class LocalToneAnalyzer
{
    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal) { "niet", "geen", "nooit", "not", "never", "no", "isnt", "isn't", "nie" };
    private static readonly HashSet<string> SelfWords = new(StringComparer.Ordinal) { "ik", "me", "mezelf", "mijzelf", "i", "myself", "im", "i'm" };
    private static readonly HashSet<string> ThingNouns = new(StringComparer.Ordinal)
    {
        "regel", "regels", "regeltjes", "regeltje", "beleid", "idee", "plan", "plannen", "toets", "mail", "mailtje", "mails", "brief", "besluit",
        "beslissing", "systeem", "app", "rooster", "advies", "schooladvies", "weer", "dag", "situatie", "gedoe", "vraag", "antwoord", "verhaal",
        "opmerking", "actie", "keuze", "oplossing", "methode", "prijs", "rapport", "regeling", "maatregel", "maatregelen", "enquete", "boekje",
        "rule", "rules", "policy", "idea", "decision", "plan", "system", "weather", "day", "test", "email", "letter",
    };

    private static readonly HashSet<string> AnimalLead = new(StringComparer.Ordinal)
    {
        "een", "zo'n", "die", "dat", "lui", "luie", "vuile", "vieze", "domme", "stomme", "dikke", "oude", "echte", "als", "grote", "kleine",
        "gluiperige", "achterlijke", "a", "an", "fat", "stupid", "lazy", "dirty", "old", "net", "verwend", "verwende", "brutaal",
        "brutale", "klein", "ouwe", "arrogante", "rot",
    };

    private static readonly HashSet<string> FarmContext = new(StringComparer.Ordinal)
    {
        "kinderboerderij", "boerderij", "dierentuin", "knuffel", "knuffels", "tekening", "liedje", "verhaal", "circus", "zoo", "dieren",
        "beestjes", "wei", "stal", "melk", "kamp", "spooktocht", "verkleed", "verkleedpak", "carnaval", "boek", "film", "farm", "pet", "hok",
    };

    private static readonly HashSet<string> ScareQuotedWords = new(StringComparer.Ordinal)
    {
        "ziek", "ziekte", "burnout", "druk", "overspannen", "professioneel", "professional", "deskundige", "expert", "zorg", "sick", "ill",
        "hulp", "uitleg", "onderzoek", "enquete", "hard werken", "beleid", "goed bedoeld", "professionals", "experts", "deskundigen",
        "even", "leerkrachten", "onderwijs",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "hoor", "zeg", "joh", "haha", "hahaha", "lol", "man", "zo", "ook", "en", "of", "want", "dus", "eigenlijk", "soms", "altijd", "vaak",
        "geweest", "gedaan", "doen", "zijn", "worden", "geworden", "bezig", "sorry", "serieus", "seriously", "ofzo", "he", "hè", "toch",
    };

    private static readonly string[] SchoolStems =
    [
        "school", "klas", "groep", "juf", "meester", "leerkracht", "huiswerk", "rapport", "toets", "cito", "advies", "gym", "pauze", "plein",
        "beleid", "regel", "mail", "bericht", "brief", "parro", "invaller", "les", "ouderbijdrage", "reisje", "kamp", "excursie", "kapstok",
        "traktatie", "luizen", "directie", "directeur", "rooster", "opvang", "teacher", "class", "homework", "trip", "closure", "portaal",
    ];

    private static readonly FrozenSet<string> MedicalTriggers = FrozenSet.ToFrozenSet(
    [
        "kanker", "tering", "tyfus", "pest", "kolere", "kwf",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> LegalTriggers = FrozenSet.ToFrozenSet(
    [
        "advocaat", "advocaten", "rechter", "rechtszaak", "rechtszaken", "aanklagen", "aangeklaagd", "juridische", "juridisch", "sommatie",
        "dagvaarding", "dagvaarden", "letselschade", "lawyer", "lawyers", "sue", "suing", "court",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> PressTriggers = FrozenSet.ToFrozenSet(
    [
        "krant", "kranten", "pers", "media", "rtl", "nos", "omroep", "rtv", "telegraaf", "gelderlander", "parool", "volkskrant", "dagblad",
        "courant", "journalist", "journalisten", "tv", "televisie", "hart", "editie", "kassa", "radar", "facebook", "fb", "insta", "instagram",
        "twitter", "tiktok", "social", "socials", "internet", "linkedin", "x", "zwartmaken", "zwart", "naam", "press", "papers", "news",
        "post", "put", "online",
    ], StringComparer.Ordinal);

    // Every alternative of TonePatterns.Dehumanising needs one of these words; keep them in step.
    private static readonly FrozenSet<string> DehumanisingTriggers = FrozenSet.ToFrozenSet(
    [
        "terug", "teruggaan", "eigen", "soort", "buitenlanders", "allochtonen", "vluchtelingen", "marokkanen", "turken", "polen", "buitenlandse",
        "allochtone", "horen", "go", "those", "hoofddoek", "beesten", "dieren", "apen", "wilden", "poolse", "marokkaanse", "turkse", "surinaamse",
        "antilliaanse", "roemeense", "bulgaarse", "syrische", "afghaanse", "somalische", "eritrese", "zwarte", "islamitische", "expats",
        "asielzoekers", "azc", "moslims", "islamieten", "joden", "zigeuners", "aanpassen", "aangepast", "laten", "asociaal", "tuig", "gespuis", "volk",
    ], StringComparer.Ordinal);

    // Every alternative of TonePatterns.PersonalAttack needs one of these words; keep them in step.
    private static readonly FrozenSet<string> PersonalAttackTriggers = FrozenSet.ToFrozenSet(
    [
        "hou", "houd", "rot", "donder", "pleur", "flikker", "sodemieter", "hoepel", "kanker", "tering", "tyf", "kk", "oprotten", "ophoepelen",
        "voed", "opvoeden", "opvoedt", "blaten", "niemand", "shut", "nobody", "get", "f", "piss", "go", "schaam", "ga", "jij", "heilige", "les",
        "drama", "bek", "stelletje", "zielige", "pot", "schompes", "doodvallen", "boom", "ego", "jouw", "je",
    ], StringComparer.Ordinal);

    private static readonly HashSet<string> DiseaseCurses = new(StringComparer.Ordinal)
    {
        "kanker", "kenker", "kankr", "kk", "kkr", "tering", "tyfus", "tiefus", "tyf", "kolere", "klere", "pest",
    };

    /// <summary>One assessment's working state. Separate from the analyser so the analyser stays immutable and thread-safe.</summary>
    private sealed class Scoring(LocalToneAnalyzer analyzer, NormalizedText text, TokenFacts facts)
    {
        private readonly List<ToneSignal> _signals = [];
        private readonly IReadOnlyList<Token> _tokens = text.Tokens;
        private readonly string _joined = text.Joined;
        private double _hurt;
        private double _concern;
        private bool _counterSpeech;
        private bool _medical;

        public void Run()
        {
            _counterSpeech = IsCounterSpeech();
            _medical = HasAnyToken(MedicalTriggers) && TonePatterns.MedicalContext().IsMatch(_joined);
            ScoreWords();
            ScorePhrases();
            ScoreChildAndParentShaming();
            ScoreEmojiAndShouting();
            ScoreConcern();
            ApplyCounterSpeech();
            AddTargets();
        }

        public ToneAssessment ToAssessment(string language, double sensitivity)
        {
            var hurt = _hurt * sensitivity;
            var concern = _concern * sensitivity;
            ToneLabel label;
            double score;
            if (hurt >= HurtfulThreshold)
            {
                label = ToneLabel.Hurtful;
                score = 0.65 + (0.35 * Math.Min(1, (hurt - HurtfulThreshold) / 1.5));
            }
            else if (concern >= ConcernThreshold || hurt >= PartialHurtThreshold)
            {
                label = ToneLabel.Concern;
                score = 0.35 + (0.3 * Math.Min(1, Math.Max(concern / 1.5, hurt / HurtfulThreshold)));
            }
            else
            {
                label = ToneLabel.Ok;
                score = 0.35 * Math.Min(1, Math.Max(concern / ConcernThreshold, hurt / PartialHurtThreshold));
            }

            return new ToneAssessment(label, Math.Round(score, 3), _signals, language);
        }

        private void Hurt(SignalKind kind, string evidence, double weight)
        {
            _hurt += weight;
            _signals.Add(new ToneSignal(kind, evidence, Math.Round(weight, 2)));
        }

        private void Concern(SignalKind kind, string evidence, double weight)
        {
            _concern += weight;
            _signals.Add(new ToneSignal(kind, evidence, Math.Round(weight, 2)));
        }

        private void Note(SignalKind kind, string evidence) => _signals.Add(new ToneSignal(kind, evidence));

        private WordInfo? Find(Token token)
        {
            var info = analyzer._lexicon.Find(token.Text);
            if (info is null && token.Alternative is not null)
            {
                info = analyzer._lexicon.Find(token.Alternative);
            }

            if (info is null && token.Has(TokenFlags.Masked))
            {
                info = FindMasked(token.Text);
            }

            return info;
        }

        /// <summary>"k*t", "f*ck", "k*nker": one masked letter, tried as each vowel.</summary>
        private WordInfo? FindMasked(string word)
        {
            var star = word.IndexOf('*', StringComparison.Ordinal);
            if (star < 0 || word.IndexOf('*', star + 1) >= 0)
            {
                return null;
            }

            Span<char> buffer = stackalloc char[word.Length];
            word.AsSpan().CopyTo(buffer);
            foreach (var vowel in "aeiou")
            {
                buffer[star] = vowel;
                if (analyzer._lexicon.Find(buffer) is { } info && (info.CurseWord > 0 || info.Insult > 0 || info.Slur > 0))
                {
                    return info;
                }
            }

            return null;
        }

        private void ScoreWords()
        {
            var polarityWords = 0;
            for (var i = 0; i < _tokens.Count; i++)
            {
                var token = _tokens[i];
                var info = Find(token);
                if (info is not null && ScoreKnownWord(i, token, info))
                {
                    continue;
                }

                if (token.Text.Length >= 5 && ScoreCompound(i, token))
                {
                    continue;
                }

                if (info is null && ScoreSuperlative(i, token))
                {
                    continue;
                }

                if (info is { Polarity: <= -0.5 } && info.Insult == 0 && info.MildInsult == 0 && polarityWords < 2 && !IsMitigated(i, out _))
                {
                    polarityWords++;
                    if (info.Polarity <= -0.7 && IsSaidOfPerson(i) && !IsFollowedByThing(i))
                    {
                        Hurt(SignalKind.NegativeSentiment, token.Text, 0.35);
                    }
                    else
                    {
                        Concern(SignalKind.NegativeSentiment, token.Text, 0.15);
                    }
                }
            }
        }

        /// <summary>"de domste juf", "de irritantste moeder": a superlative insult is at least as strong.</summary>
        private bool ScoreSuperlative(int i, Token token)
        {
            var word = token.Text;
            foreach (var suffix in (string[])["ste", "st"])
            {
                if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal)
                    && analyzer._lexicon.Find(word.AsSpan(0, word.Length - suffix.Length)) is { } stem && (stem.Insult > 0 || stem.MildInsult >= 0.5))
                {
                    if (IsMitigated(i, out var why))
                    {
                        Note(why, word);
                    }
                    else if (IsSaidOfPerson(i))
                    {
                        Hurt(SignalKind.Insult, word, Math.Max(stem.Insult, stem.MildInsult) + 0.3);
                    }

                    return true;
                }
            }

            return false;
        }

        private bool ScoreKnownWord(int i, Token token, WordInfo info)
        {
            if (info.Slur > 0)
            {
                if (!IsMitigated(i, out var why))
                {
                    Hurt(SignalKind.Dehumanising, token.Text, info.Slur);
                }
                else
                {
                    Note(why, token.Text);
                }

                return true;
            }

            if (info.Insult > 0)
            {
                ScoreInsult(i, token, info.Insult, strong: true);
                return true;
            }

            if (info.CurseWord > 0 && ScoreCurseWord(i, token, info))
            {
                return true;
            }

            if (info.MildInsult > 0)
            {
                ScoreInsult(i, token, info.MildInsult, strong: false);
                return true;
            }

            if (info.Animal)
            {
                var lead = i > 0 ? _tokens[i - 1].Text : "";
                if (AnimalLead.Contains(lead) && facts.HasPerson && !_tokens.Any(t => FarmContext.Contains(t.Text)) && !IsMitigated(i, out _))
                {
                    Hurt(SignalKind.Insult, $"{lead} {token.Text}", 1.0);
                }

                return true;
            }

            return info.Target != TargetKind.None || info.FirstName;
        }

        private void ScoreInsult(int i, Token token, double weight, bool strong)
        {
            if (token.Text is "gek" or "crazy" && i + 1 < _tokens.Count && _tokens[i + 1].Text is "op" or "van" or "about")
            {
                // "gek op juf Anne": fond of, not mad.
                return;
            }

            if (IsMitigated(i, out var why))
            {
                Note(why, token.Text);
                return;
            }

            if (IsFollowedByThing(i))
            {
                // "wat een debiele regel": harsh words about a rule are criticism of the rule, not an insult to a person.
                Concern(SignalKind.Criticism, $"{token.Text} {_tokens[i + 1].Text}", strong ? 0.5 : 0.3);
                return;
            }

            if (strong)
            {
                Hurt(SignalKind.Insult, token.Text, weight);
            }
            else if (DescribesAThing(i))
            {
                // "een rare lunch", "een dikke knuffel", "vieze wc's": an adjective in front of a thing.
                return;
            }
            else if (IsSaidOfPerson(i))
            {
                Hurt(SignalKind.Insult, token.Text, weight + 0.25);
            }
            else if (weight >= 0.5)
            {
                Concern(SignalKind.NegativeSentiment, token.Text, weight * 0.4);
            }
        }

        private bool ScoreCurseWord(int i, Token token, WordInfo info)
        {
            var isDisease = DiseaseCurses.Contains(token.Text) || (token.Text.Length > 5 && DiseaseCurses.Any(d => d.Length > 3 && token.Text.StartsWith(d, StringComparison.Ordinal)));
            if (token.Has(TokenFlags.Quoted) && (_counterSpeech || !isDisease))
            {
                Note(SignalKind.Quotation, token.Text);
                return true;
            }

            if (isDisease && !token.IsDisguised && token.Text.Length > 3 && _medical)
            {
                return true;
            }

            var target = FindTargetAfter(i, 2);
            if (target is not null)
            {
                Hurt(isDisease ? SignalKind.DiseaseCurse : SignalKind.Profanity, $"{token.Text} {target}", Math.Max(1.0, info.CurseWord) + 0.2);
                return true;
            }

            if (isDisease || token.IsDisguised)
            {
                Hurt(isDisease ? SignalKind.DiseaseCurse : SignalKind.Profanity, token.Text, Math.Max(info.CurseWord, 1.0));
                return true;
            }

            var weight = info.CurseWord * 0.5;
            if (weight > 0.1)
            {
                // "die school is een kutzooi": swearing about a person or the school in the same breath.
                Hurt(SignalKind.Profanity, token.Text, IsSaidOfPersonOrSchool(i) ? weight + 0.6 : weight);
            }

            return true;
        }

        /// <summary>Compounds: "kutschool", "kankerjuf", "teringzooi" — and not "kankeronderzoek".</summary>
        private bool ScoreCompound(int i, Token token)
        {
            var word = token.Text;
            foreach (var prefix in analyzer._lexicon.CursePrefixesStartingWith(word[0]))
            {
                if (word.Length - prefix.Length < 2 || !word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var rest = word.AsSpan(prefix.Length);
                var restInfo = analyzer._lexicon.Find(rest);
                if (restInfo is null && rest.Length > 3 && rest[0] is 's' or 'e')
                {
                    restInfo = analyzer._lexicon.Find(rest[1..]);
                }

                var prefixWeight = analyzer._lexicon.Find(prefix)!.CursePrefix;
                var isDisease = DiseaseCurses.Contains(prefix);
                if (restInfo is { MedicalTail: true })
                {
                    return true;
                }

                if (IsMitigated(i, out var why))
                {
                    Note(why, word);
                    return true;
                }

                if (restInfo is not null && (restInfo.Target != TargetKind.None || restInfo.FirstName))
                {
                    if (prefix == "hoofddoek")
                    {
                        Hurt(SignalKind.Discrimination, word, 1.3);
                    }
                    else if (prefixWeight >= 0.4)
                    {
                        Hurt(isDisease ? SignalKind.DiseaseCurse : SignalKind.Profanity, word, Math.Max(prefixWeight, 1.0) + 0.2);
                    }

                    facts.Targets.Add((i, restInfo.Target == TargetKind.None ? TargetKind.Child : restInfo.Target));
                    return true;
                }

                if (restInfo is { Insult: > 0 })
                {
                    Hurt(SignalKind.Insult, word, Math.Max(prefixWeight, restInfo.Insult) + 0.2);
                    return true;
                }

                if (restInfo is { HarmlessHead: true })
                {
                    // "kutweer", "kankerfile", "zeiknat", "rotbeestjes": swearing about things, not people.
                    Note(isDisease ? SignalKind.DiseaseCurse : SignalKind.Profanity, word);
                    return true;
                }

                if (isDisease && prefixWeight >= 1.0)
                {
                    Hurt(SignalKind.DiseaseCurse, word, 1.0);
                    return true;
                }

                if (prefix is "kut" or "klote" or "kloten" or "fuck" or "fucking" or "kak" or "godver")
                {
                    Hurt(SignalKind.Profanity, word, IsSaidOfPersonOrSchool(i) ? 1.1 : 0.5);
                    return true;
                }
            }

            // Insult as the tail of a compound: "aandachtshoer", "randdebiel".
            for (var split = 3; split <= word.Length - 4; split++)
            {
                var tail = analyzer._lexicon.Find(word.AsSpan(split));
                if (tail is { Insult: >= 0.8 } && !IsMitigated(i, out _))
                {
                    Hurt(SignalKind.Insult, word, tail.Insult);
                    return true;
                }
            }

            return false;
        }

        private void ScorePhrases()
        {
            if (Match(TonePatterns.Threat()) is { } threat)
            {
                Hurt(SignalKind.Threat, threat, 1.3);
            }

            var gangUp = Match(TonePatterns.GangUpCall());
            if (gangUp is not null)
            {
                var goal = Match(TonePatterns.HostileGoal());
                if (goal is not null || _hurt >= PartialHurtThreshold)
                {
                    Hurt(SignalKind.GangUp, goal is null ? gangUp : $"{gangUp} … {goal}", 1.1);
                }
            }

            if (HasAnyToken(PressTriggers) && Match(TonePatterns.PressThreat()) is { } press)
            {
                Hurt(SignalKind.PressThreat, press, 1.1);
            }

            if (HasAnyToken(LegalTriggers) && Match(TonePatterns.LegalThreat()) is { } legal)
            {
                if (Match(TonePatterns.HostileLegalTurn()) is { } turn)
                {
                    Hurt(SignalKind.LegalThreat, $"{legal} … {turn}", 1.1);
                }
                else if (_hurt > 0 || facts.HasPerson)
                {
                    Hurt(SignalKind.LegalThreat, legal, 0.7);
                }
                else
                {
                    Concern(SignalKind.LegalThreat, legal, 0.6);
                }
            }

            if (HasAnyToken(DehumanisingTriggers) && Match(TonePatterns.Dehumanising()) is { } dehumanising)
            {
                Hurt(SignalKind.Discrimination, dehumanising, 1.3);
            }

            if (HasAnyToken(PersonalAttackTriggers) && Match(TonePatterns.PersonalAttack()) is { } attack)
            {
                Hurt(SignalKind.Insult, attack, 1.0);
            }

            if (Match(TonePatterns.Mockery()) is { } mockery)
            {
                Hurt(SignalKind.Sarcasm, mockery, facts.HasPerson || facts.Has(TargetKind.School) ? 1.0 : 0.7);
            }

            if ((facts.HasStaffOrTeacher || facts.Has(TargetKind.School)) && Match(TonePatterns.Incompetence()) is { } incompetence && !AboutOwnChild())
            {
                Hurt(SignalKind.Sarcasm, incompetence, 0.9);
            }

            var again = _tokens.Any(t => t.Text is "weer" or "wederom" or "alweer" or "again");
            if (again && (text.Emoji & (EmojiCues.UpsideDown | EmojiCues.EyeRoll)) != 0 && !facts.HasStaffOrTeacher && facts.Names.Count == 0)
            {
                // "Wederom een mail om 22:15 🙃": irony about how things go, mocking no one.
                Concern(SignalKind.Sarcasm, "weer 🙃", 0.5);
            }



            var sarcasmCue = (text.Emoji & (EmojiCues.EyeRoll | EmojiCues.Clap | EmojiCues.Clown | EmojiCues.UpsideDown)) != 0
                || _tokens.Any(t => t.Text is "weer" or "wederom" or "alweer" or "zeker");
            if (sarcasmCue && Match(TonePatterns.SarcasticPraise()) is { } praise)
            {
                if (facts.HasStaffOrTeacher || facts.Names.Count > 0)
                {
                    Hurt(SignalKind.Sarcasm, praise, 1.0);
                }
                else
                {
                    Concern(SignalKind.Sarcasm, praise, 0.6);
                }
            }

            foreach (var phrase in text.QuotedPhrases)
            {
                if (ScareQuotedWords.Contains(phrase) && (facts.HasPerson || facts.Has(TargetKind.School)))
                {
                    Hurt(SignalKind.Sarcasm, $"'{phrase}'", (text.Emoji & EmojiCues.EyeRoll) != 0 ? 1.1 : 0.8);
                    break;
                }
            }

            if (Match(TonePatterns.UsVersusThem()) is { } usThem)
            {
                Concern(SignalKind.TargetGroup, usThem, 0.3);
            }
        }

        private void ScoreChildAndParentShaming()
        {
            var childName = facts.Names.FirstOrDefault(n => n.Role == TargetKind.Child);
            var hasChildName = childName.Name is not null;
            var childRef = hasChildName || facts.HasChild || _tokens.Any(t => t.Text is "gezin" or "familie" or "family");
            if (!childRef)
            {
                return;
            }

            var evidence = hasChildName ? childName.Name! : "kind";
            if (Match(TonePatterns.ChildAccusation()) is { } accusation && !_counterSpeech)
            {
                Hurt(SignalKind.ShamingChild, $"{evidence}: {accusation}", 1.2);
            }
            else if (hasChildName && BlamesByName(childName.Index))
            {
                Hurt(SignalKind.ShamingChild, $"{evidence}: het is {evidence}", 1.2);
            }

            if (Match(TonePatterns.HygieneShaming()) is { } hygiene && !_counterSpeech)
            {
                Hurt(SignalKind.ShamingChild, $"{evidence}: {hygiene}", 1.0);
            }

            // An insult in a message that names a child is shaming that child.
            if ((hasChildName || facts.HasChild) && _signals.Any(s => s.Kind is SignalKind.Insult && s.Weight > 0) && !_signals.Any(s => s.Kind == SignalKind.ShamingChild))
            {
                Hurt(SignalKind.ShamingChild, evidence, hasChildName ? 0.4 : 0.2);
            }
        }

        /// <summary>"het is Milan", "het is altijd Milan": naming a child as the culprit.</summary>
        private bool BlamesByName(int nameIndex)
        {
            for (var k = Math.Max(0, nameIndex - 3); k < nameIndex; k++)
            {
                if (_tokens[k].Text == "het" && k + 1 < nameIndex && _tokens[k + 1].Text == "is")
                {
                    return true;
                }
            }

            return nameIndex > 0 && _tokens[nameIndex - 1].Text is "altijd" or "weer" && _tokens.Any(t => t.Text is "altijd");
        }

        /// <summary>"mijn dochter", "onze zoon": the writer's own family is not a target.</summary>
        private bool IsOwn(int index) => index > 0 && _tokens[index - 1].Text is "mijn" or "m'n" or "mn" or "onze" or "ons" or "my" or "our";

        /// <summary>"onze Bram snapt niks van breuken": about the parent's own child, not a jibe.</summary>
        private bool AboutOwnChild()
        {
            for (var k = 0; k + 1 < _tokens.Count; k++)
            {
                if (_tokens[k].Text is "onze" or "mijn" or "our" or "my" && (facts.Names.Any(n => n.Index == k + 1) || facts.Targets.Any(t => t.Index == k + 1 && t.Kind == TargetKind.Child)))
                {
                    return true;
                }
            }

            return false;
        }

        private void ScoreEmojiAndShouting()
        {
            var emoji = text.Emoji;
            if ((emoji & EmojiCues.Middlefinger) != 0)
            {
                Hurt(SignalKind.Insult, "🖕", 0.9);
            }

            if ((emoji & (EmojiCues.Vomit | EmojiCues.Disgust)) != 0 && (facts.HasPerson || facts.Has(TargetKind.School)))
            {
                Hurt(SignalKind.Insult, "🤮", 0.4);
            }

            if ((emoji & EmojiCues.Clown) != 0 && facts.HasPerson)
            {
                Hurt(SignalKind.Insult, "🤡", 0.5);
            }

            if ((emoji & EmojiCues.Angry) != 0)
            {
                Concern(SignalKind.NegativeSentiment, "😡", 0.2);
            }

            var shouting = (text.LetterCount >= 15 && text.UpperRatio >= 0.6) || text.AllCapsWords >= 4;
            if (shouting)
            {
                if (_hurt > 0)
                {
                    Hurt(SignalKind.Shouting, "CAPS", 0.3);
                }
                else
                {
                    Concern(SignalKind.Shouting, "CAPS", 0.3);
                }
            }
        }

        private void ScoreConcern()
        {
            var strong = Count(TonePatterns.Concern(), out var first) + Count(TonePatterns.ConcernMore(), out var firstMore) + Count(TonePatterns.ConcernPhrase(), out var firstPhrase);
            first ??= firstMore ?? firstPhrase;
            if (strong > 0 && TonePatterns.Reassurance().IsMatch(_joined))
            {
                strong--;
            }

            var weak = Count(TonePatterns.ConcernHint(), out var firstHint);
            if (text.EmphaticQuestion && (text.AllCapsWords > 0 || _tokens.Any(t => t.Text is "weer" or "alweer" or "wederom" or "prijs" or "kosten" or "kost" or "euro" || t.Text.StartsWith('€'))))
            {
                // "WEER een invaller??", "€70??": asked with emphasis about something that keeps happening or costs too much.
                weak += 2;
                firstHint ??= "??";
            }
            if (strong + weak == 0)
            {
                return;
            }

            var weight = (0.5 * strong) + (0.25 * weak);
            if (facts.HasStaffOrTeacher || facts.Has(TargetKind.School) || facts.HasChild || facts.Names.Count > 0 || facts.Has(TargetKind.Parents) || HasSchoolContext())
            {
                weight += 0.2;
            }

            Concern(SignalKind.Criticism, first ?? firstHint!, weight);
        }

        private int Count(System.Text.RegularExpressions.Regex regex, out string? first)
        {
            first = null;
            var count = 0;
            foreach (var match in regex.EnumerateMatches(_joined))
            {
                first ??= _joined.Substring(match.Index, match.Length);
                if (++count == 3)
                {
                    break;
                }
            }

            return count;
        }

        /// <summary>Words about school life ("huiswerk", "traktatiebeleid", "mailtje"): a complaint about them is a concern.</summary>
        private bool HasSchoolContext()
        {
            foreach (var stem in SchoolStems)
            {
                if (_joined.Contains(stem, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private void ApplyCounterSpeech()
        {
            if (!_counterSpeech)
            {
                return;
            }

            var severe = _signals.Any(s => s.Kind is SignalKind.Threat or SignalKind.GangUp or SignalKind.Dehumanising or SignalKind.Discrimination);
            if (!severe && _hurt < 1.5)
            {
                // Pushing back on rudeness is not rude; criticism words in it ("niet ok") are not a complaint.
                Note(SignalKind.CounterSpeech, "");
                _hurt *= 0.3;
                _concern *= 0.3;
            }
        }

        private void AddTargets()
        {
            if (_signals.Count == 0)
            {
                return;
            }

            if (facts.HasStaffOrTeacher)
            {
                Note(SignalKind.TargetTeacher, "");
            }

            if (facts.Has(TargetKind.School))
            {
                Note(SignalKind.TargetSchool, "");
            }

            if (facts.Has(TargetKind.Parent) || facts.Has(TargetKind.Parents) || facts.SecondPerson)
            {
                Note(SignalKind.TargetParent, "");
            }

            if (facts.HasChild)
            {
                Note(SignalKind.TargetChild, "");
            }
        }

        /// <summary>Pushing back on what someone said; "dat is niet ok dat …" complains about a situation instead.</summary>
        private bool IsCounterSpeech()
        {
            foreach (var match in TonePatterns.CounterSpeech().EnumerateMatches(_joined))
            {
                var value = _joined.AsSpan(match.Index, match.Length);
                var followedByThat = _joined.AsSpan(match.Index + match.Length).StartsWith(" dat", StringComparison.Ordinal);
                if (!(followedByThat && (value.EndsWith("ok", StringComparison.Ordinal) || value.EndsWith("oke", StringComparison.Ordinal) || value.EndsWith("okay", StringComparison.Ordinal))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Rare patterns only run when one of their words is present: most messages skip them.</summary>
        private bool HasAnyToken(FrozenSet<string> triggers)
        {
            foreach (var token in _tokens)
            {
                if (triggers.Contains(token.Text))
                {
                    return true;
                }
            }

            return false;
        }

        private string? Match(System.Text.RegularExpressions.Regex regex)
        {
            var match = regex.Match(_joined);
            return match.Success ? match.Value : null;
        }

        private string? FindTargetAfter(int i, int window)
        {
            for (var k = i + 1; k < Math.Min(_tokens.Count, i + 1 + window); k++)
            {
                var info = analyzer._lexicon.Find(_tokens[k].Text);
                if (info is { Target: not TargetKind.None } || facts.Names.Any(n => n.Index == k))
                {
                    return _tokens[k].Text;
                }
            }

            return null;
        }

        private bool DescribesAThing(int i)
        {
            if (i + 1 >= _tokens.Count || _tokens[i + 1].Clause != _tokens[i].Clause)
            {
                return false;
            }

            var next = _tokens[i + 1];
            var info = analyzer._lexicon.Find(next.Text);
            if (info is not null && (info.Target != TargetKind.None || info.FirstName || info.DutchFunctionWord || info.EnglishFunctionWord))
            {
                return false;
            }

            return next.Text.Length >= 3 && !Particles.Contains(next.Text) && !facts.Names.Any(n => n.Index == i + 1);
        }

        private bool IsFollowedByThing(int i) => i + 1 < _tokens.Count && ThingNouns.Contains(_tokens[i + 1].Text);

        private bool IsSaidOfPersonOrSchool(int i)
        {
            // Stricter than IsSaidOfPerson: "die griep is echt kut" is about the flu, so "die" alone does not count.
            var clause = _tokens[i].Clause;
            return facts.Targets.Any(t => t.Kind != TargetKind.School && _tokens[t.Index].Clause == clause && Math.Abs(t.Index - i) <= 6 && !IsOwn(t.Index))
                || facts.Names.Any(n => _tokens[n.Index].Clause == clause && Math.Abs(n.Index - i) <= 6)
                || facts.Targets.Any(t => t.Kind == TargetKind.School && _tokens[t.Index].Clause == clause && Math.Abs(t.Index - i) <= 6);
        }

        /// <summary>A person within four words in the same clause: "juf is dom", "jij bent zo dom".</summary>
        private bool IsSaidOfPerson(int i)
        {
            var clause = _tokens[i].Clause;
            for (var k = Math.Max(0, i - 6); k < Math.Min(_tokens.Count, i + 5); k++)
            {
                if (k == i || _tokens[k].Clause != clause)
                {
                    continue;
                }

                var t = _tokens[k].Text;
                if (t is "hij" or "zij" or "ze" or "jij" or "je" or "jullie" or "die" or "he" or "she" or "you" or "they" or "u")
                {
                    return true;
                }

                if (facts.Targets.Any(x => x.Index == k && x.Kind is not TargetKind.School) || facts.Names.Any(n => n.Index == k))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Negated ("niet dom"), quoted ('idioot' gaat te ver) or self-directed ("ik ben zo dom").</summary>
        private bool IsMitigated(int i, out SignalKind why)
        {
            var token = _tokens[i];
            if (token.Has(TokenFlags.Quoted))
            {
                why = SignalKind.Quotation;
                return true;
            }

            var clause = token.Clause;
            for (var k = i - 1; k >= Math.Max(0, i - 5); k--)
            {
                var other = _tokens[k];
                if (other.Clause != clause)
                {
                    break;
                }

                if (Negators.Contains(other.Text) && !(k + 1 < _tokens.Count && _tokens[k + 1].Text is "wonder" or "idee"))
                {
                    why = SignalKind.Negation;
                    return true;
                }
            }

            for (var k = i - 1; k >= Math.Max(0, i - 3); k--)
            {
                var other = _tokens[k];
                if (other.Clause != clause || other.Text is "hij" or "zij" or "ze" or "hem" or "haar" or "die" or "jij" or "je" or "jullie"
                    || facts.Targets.Any(t => t.Index == k) || facts.Names.Any(n => n.Index == k))
                {
                    break;
                }

                if (SelfWords.Contains(other.Text))
                {
                    why = SignalKind.SelfDirected;
                    return true;
                }
            }

            why = default;
            return false;
        }
    }
}
