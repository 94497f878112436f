using KlassenouderBot.Moderation;

namespace KlassenouderBot.Tests.Moderation;

// The hard cases follow the label definitions in ../shared/data/README.md, in our own words.
public sealed class LocalToneAnalyzerTests
{
    private static LocalToneAnalyzer CreateSut() => new();

    private static ToneAssessment Assess(string text) => CreateSut().Assess(text);

    [Theory]
    [InlineData("wat een kutweer weer vandaag, fietsen wordt lastig")]
    [InlineData("kutweer vandaag")]
    [InlineData("ik kwam zeiknat aan bij het hek haha")]
    [InlineData("we hebben ons kapot gelachen om de voorstelling van groep 5")]
    [InlineData("ik schaam me dood, ik was de gymtas weer vergeten")]
    [InlineData("ik schrok me dood toen de bel ging haha")]
    [InlineData("morgen is de sponsorloop voor kankeronderzoek van het KWF, wie loopt er mee?")]
    [InlineData("mijn dochter zegt dat rekenen echt kut is 😂")]
    [InlineData("die toets was een ramp voor haar haha")]
    [InlineData("pff wat een weer vandaag")]
    public void Assess_NegativeWordUsedInnocently_IsOk(string text)
    {
        Assess(text).Label.Should().Be(ToneLabel.Ok);
    }

    [Theory]
    [InlineData("hoi allemaal, morgen is de gymles in de sporthal")]
    [InlineData("Wie heeft er nog een blauwe jas gevonden?")]
    [InlineData("Dank je wel juf Anne voor de mooie kerstviering!")]
    [InlineData("sinds wanneer hebben ze in groep 8 3x per week huiswerk")]
    public void Assess_LogisticsAndThanks_IsOk(string text)
    {
        Assess(text).Label.Should().Be(ToneLabel.Ok);
    }

    [Theory]
    [InlineData("Ik zeg niet dat hij lui is hoor, maar onze Bram vindt lezen nog lastig")]
    [InlineData("Ik zeg niet dat de juf dom is, maar mijn dochter snapt de breuken echt niet")]
    public void Assess_NegatedInsultAboutOwnChild_IsOkWithNegationSignal(string text)
    {
        var assessment = Assess(text);

        assessment.Label.Should().Be(ToneLabel.Ok);
        assessment.Has(SignalKind.Negation).Should().BeTrue();
    }

    [Theory]
    [InlineData("Ik zeg niet dat ze lui is, maar juf Anne is gewoon een luie trut")]
    [InlineData("Ik zeg niet dat hij dom is, maar meester Kees is echt dom 😂😂")]
    public void Assess_NegationFollowedByInsultOfTeacher_IsHurtful(string text)
    {
        var assessment = Assess(text);

        assessment.Label.Should().Be(ToneLabel.Hurtful);
        assessment.Has(SignalKind.Insult).Should().BeTrue();
        assessment.Has(SignalKind.TargetTeacher).Should().BeTrue();
    }

    [Theory]
    [InlineData("Iemand noemde de juf hierboven 'kankerjuf', dat vind ik echt niet ok")]
    [InlineData("'sukkel' noemen gaat echt te ver, laten we normaal doen")]
    [InlineData("Ik vind het niet netjes dat iemand hier 'idioot' schreef over de juf")]
    public void Assess_CounterSpeechQuotingAnInsult_IsOkWithQuotation(string text)
    {
        var assessment = Assess(text);

        assessment.Label.Should().Be(ToneLabel.Ok);
        assessment.Has(SignalKind.Quotation).Should().BeTrue();
        assessment.Has(SignalKind.CounterSpeech).Should().BeTrue();
    }

    [Theory]
    [InlineData("Sorry maar ik ben echt boos dat er alweer geen gym was deze week")]
    [InlineData("Ik maak me zorgen dat mijn zoon al weken gepest wordt op het plein")]
    [InlineData("Ik vind het jammer dat de ouderavond zo laat is aangekondigd")]
    [InlineData("WEER een invaller?? Dit is de derde keer deze maand")]
    [InlineData("Alweer een mail om 23:00 🙃")]
    [InlineData("ik schrok me echt dood van de prijs van de excursie, €70??")]
    public void Assess_AngryButRespectfulCriticism_IsConcern(string text)
    {
        Assess(text).Label.Should().Be(ToneLabel.Concern);
    }

    [Theory]
    [InlineData("wat een kutschool is dit zeg", SignalKind.Profanity)]
    [InlineData("die kankerjuf heeft weer niks geregeld", SignalKind.DiseaseCurse)]
    [InlineData("k4nker school met hun regels", SignalKind.DiseaseCurse)]
    [InlineData("die juf is een K A N K E R wijf", SignalKind.DiseaseCurse)]
    [InlineData("kkr juf weer", SignalKind.DiseaseCurse)]
    [InlineData("t3ring school", SignalKind.DiseaseCurse)]
    [InlineData("wat een kuuuuut juf", SignalKind.Profanity)]
    [InlineData("die juf is een k.u.t. wijf", SignalKind.Profanity)]
    [InlineData("WAT EEN KANKERSCHOOL", SignalKind.DiseaseCurse)]
    [InlineData("tyfusjuf", SignalKind.DiseaseCurse)]
    [InlineData("die KUTJUF", SignalKind.Profanity)]
    public void Assess_CurseCompoundOrObfuscation_IsHurtful(string text, SignalKind expected)
    {
        var assessment = Assess(text);

        assessment.Label.Should().Be(ToneLabel.Hurtful);
        assessment.Has(expected).Should().BeTrue();
    }

    [Fact]
    public void Assess_AllCapsCurse_HasShoutingSignal()
    {
        Assess("WAT EEN KANKERSCHOOL").Has(SignalKind.Shouting).Should().BeTrue();
    }

    [Theory]
    [InlineData("ik ga die meester in elkaar slaan als ik hem zie")]
    [InlineData("als ze mijn kind nog 1 keer aanraken dan weet ik je te vinden")]
    [InlineData("ik maak je kapot als je nog 1 keer iets over mijn kind zegt")]
    public void Assess_Threat_IsHurtfulAndSevere(string text)
    {
        var assessment = Assess(text);

        assessment.Label.Should().Be(ToneLabel.Hurtful);
        assessment.Has(SignalKind.Threat).Should().BeTrue();
        assessment.IsSevere.Should().BeTrue();
    }

    [Theory]
    [InlineData("we moeten met z'n allen naar de directeur en die juf eruit werken")]
    [InlineData("laten we allemaal morgen ons kind thuishouden en die school laten voelen")]
    [InlineData("iedereen morgen om 8 uur naar de directeur en eisen dat die juf weg moet")]
    public void Assess_CallToGangUp_IsHurtfulWithGangUp(string text)
    {
        var assessment = Assess(text);

        assessment.Label.Should().Be(ToneLabel.Hurtful);
        assessment.Has(SignalKind.GangUp).Should().BeTrue();
    }

    [Theory]
    [InlineData("ik stap naar de krant en de advocaat, die directeur is een incompetente idioot", SignalKind.PressThreat)]
    [InlineData("ik stap naar de krant en de advocaat, die directeur is een incompetente idioot", SignalKind.LegalThreat)]
    [InlineData("ik zet dit op facebook, die hele school is één grote puinhoop van incompetente sukkels", SignalKind.PressThreat)]
    [InlineData("we gaan een advocaat nemen en dit naar de krant brengen, schandalig", SignalKind.LegalThreat)]
    public void Assess_HostilePressOrLegalThreat_IsHurtful(string text, SignalKind expected)
    {
        var assessment = Assess(text);

        assessment.Label.Should().Be(ToneLabel.Hurtful);
        assessment.Has(expected).Should().BeTrue();
    }

    [Theory]
    [InlineData("Daan is gewoon een dief, die jongen steelt alles")]
    [InlineData("Noor heeft luizen en haar moeder doet er niks aan, vies gezin")]
    [InlineData("die Sem is een vies kind, zijn moeder doet ook nooit wat")]
    public void Assess_ShamingANamedChild_IsHurtfulAndSevere(string text)
    {
        var assessment = Assess(text);

        assessment.Label.Should().Be(ToneLabel.Hurtful);
        assessment.Has(SignalKind.ShamingChild).Should().BeTrue();
        assessment.IsSevere.Should().BeTrue();
    }

    [Theory]
    [InlineData("ja hoor, wéér top geregeld door onze geweldige juf Anne 🙄👏")]
    [InlineData("zeker weer lekker koffie drinken op onze kosten die juffen 🙄")]
    [InlineData("Super geregeld weer hoor, nieuwe juf die niks kan 👏👏")]
    public void Assess_MockingSarcasmAboutTeacher_IsHurtfulWithSarcasm(string text)
    {
        var assessment = Assess(text);

        assessment.Label.Should().Be(ToneLabel.Hurtful);
        assessment.Has(SignalKind.Sarcasm).Should().BeTrue();
    }

    [Theory]
    [InlineData("this teacher is a fucking idiot")]
    [InlineData("what a stupid school, total morons")]
    [InlineData("you are all idiots in this group")]
    [InlineData("this school is a joke, the teachers are lazy bastards")]
    public void Assess_EnglishInsult_IsHurtfulInEnglish(string text)
    {
        var assessment = Assess(text);

        assessment.Label.Should().Be(ToneLabel.Hurtful);
        assessment.Has(SignalKind.Insult).Should().BeTrue();
        assessment.Language.Should().Be("en");
    }

    [Theory]
    [InlineData("I am worried that my son is being bullied in the playground")]
    [InlineData("Could the school please explain why the trip costs so much? I am concerned.")]
    [InlineData("I'm quite disappointed that there was no PE again this week")]
    public void Assess_EnglishConcern_IsConcernInEnglish(string text)
    {
        var assessment = Assess(text);

        assessment.Label.Should().Be(ToneLabel.Concern);
        assessment.Language.Should().Be("en");
    }

    [Theory]
    [InlineData("wat een kutweer weer vandaag, fietsen wordt lastig")]
    [InlineData("Ik maak me zorgen dat mijn zoon al weken gepest wordt op het plein")]
    [InlineData("die kankerjuf heeft weer niks geregeld")]
    [InlineData("ik stap naar de krant en de advocaat, die directeur is een incompetente idioot")]
    [InlineData("")]
    [InlineData("🙂")]
    public void Assess_AnyMessage_ScoreIsBetweenZeroAndOne(string text)
    {
        Assess(text).Score.Should().BeInRange(0.0, 1.0);
    }

    [Theory]
    [InlineData("Dank je wel juf Anne voor de mooie kerstviering!", "Ik maak me zorgen dat mijn zoon al weken gepest wordt op het plein", "die kankerjuf heeft weer niks geregeld")]
    [InlineData("hoi allemaal, morgen is de gymles in de sporthal", "Sorry maar ik ben echt boos dat er alweer geen gym was deze week", "wat een kutschool is dit zeg")]
    [InlineData("Wie heeft er nog een blauwe jas gevonden?", "I am worried that my son is being bullied in the playground", "this teacher is a fucking idiot")]
    public void Assess_ClearCases_ScoresAreOrderedHurtfulOverConcernOverOk(string ok, string concern, string hurtful)
    {
        var okScore = Assess(ok).Score;
        var concernScore = Assess(concern).Score;
        var hurtfulScore = Assess(hurtful).Score;

        concernScore.Should().BeGreaterThan(okScore);
        hurtfulScore.Should().BeGreaterThan(concernScore);
    }

    [Theory]
    [InlineData("Kan iemand mij morgen helpen met het rijden naar het toernooi?", "nl")]
    [InlineData("die kankerjuf heeft weer niks geregeld", "nl")]
    [InlineData("Does anyone know when the school trip leaves tomorrow?", "en")]
    [InlineData("this teacher is a fucking idiot", "en")]
    public void Assess_NoLanguageHint_DetectsDutchOrEnglish(string text, string expected)
    {
        Assess(text).Language.Should().Be(expected);
    }

    [Fact]
    public void Assess_LanguageHint_IsRespected()
    {
        CreateSut().Assess("hallo allemaal", new AnalysisContext { Language = "en" }).Language.Should().Be("en");
    }

    [Fact]
    public void Assess_EmptyText_IsOkWithoutSignals()
    {
        var assessment = Assess("   ");

        assessment.Label.Should().Be(ToneLabel.Ok);
        assessment.Score.Should().Be(0);
        assessment.Signals.Should().BeEmpty();
    }

    [Fact]
    public async Task AssessAsync_SameTextAsAssess_GivesTheSameVerdict()
    {
        var sut = CreateSut();
        const string text = "die kankerjuf heeft weer niks geregeld";

        var viaAsync = await sut.AssessAsync(text, AnalysisContext.None, CancellationToken.None);

        viaAsync.Label.Should().Be(sut.Assess(text).Label);
        viaAsync.Score.Should().Be(sut.Assess(text).Score);
    }

    [Fact]
    public void Assess_HurtfulMessage_EvidenceNamesTheTriggeringWord()
    {
        var assessment = Assess("die kankerjuf heeft weer niks geregeld");

        assessment.Signals.Should().Contain(s => s.Kind == SignalKind.DiseaseCurse && s.Evidence.Contains("kankerjuf"));
    }
}
