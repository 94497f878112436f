using KlassenouderBot.Moderation;

namespace KlassenouderBot.Tests.Moderation;

public sealed class ConversationEngineTests
{
    private const string HurtfulCurse = "die kankerjuf heeft weer niks geregeld";
    private const string HurtfulInsult = "wat een kutschool is dit zeg";
    private const string HurtfulIdiots = "ik zet dit op facebook, die hele school is één grote puinhoop van incompetente sukkels";
    private const string Threat = "ik ga die meester in elkaar slaan als ik hem zie";
    private const string ShamingChild = "Daan is gewoon een dief, die jongen steelt alles";
    private const string Concern = "Ik maak me zorgen dat mijn zoon al weken gepest wordt op het plein";

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static Task<ConversationScript> CreateSut() => ConversationScript.Groep5Async();

    [Fact]
    public async Task ProcessAsync_TwoParentsHurtful_AlertsClassParentAndTeacherOnce()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        var escalating = await sut.SaysAsync("Aylin", HurtfulInsult, 3 * Minute);
        var more = await sut.SaysAsync("Kees", HurtfulIdiots, 6 * Minute);

        escalating.Of(InterventionKind.Alert).Select(a => a.RecipientLabel).Should().BeEquivalentTo("Naima", "meester Tom Veenstra");
        more.Level.Should().Be(EscalationLevel.Escalated);
        more.Of(InterventionKind.Alert).Should().BeEmpty();
        sut.Alerts.Count(a => a.RecipientLabel == "Naima").Should().Be(1);
    }

    [Fact]
    public async Task ProcessAsync_EscalationAlert_DescribesLevelParentsAndGroep()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        var escalating = await sut.SaysAsync("Aylin", HurtfulInsult, 3 * Minute);

        var alert = escalating.Of(InterventionKind.Alert).First();
        alert.Alert.Should().NotBeNull();
        alert.Alert!.Severe.Should().BeFalse();
        alert.Alert.Level.Should().Be(EscalationLevel.Escalated);
        alert.Alert.ParentCount.Should().Be(2);
        alert.Alert.Groep.Should().Be("5");
        alert.Text.Should().Contain("groep 5");
    }

    [Fact]
    public async Task ProcessAsync_SingleHurtfulRemarkCalmedDown_NeverAlerts()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Sanne", "Weet iemand hoe laat de luizencontrole is?", TimeSpan.Zero);
        await sut.SaysAsync("Mark", HurtfulInsult, 2 * Minute);
        await sut.SaysAsync("Aylin", "Laten we het wel netjes houden hier alsjeblieft", 4 * Minute);
        await sut.SaysAsync("Sanne", "Ik denk dat het om 8:30 is, staat in de nieuwsbrief", 6 * Minute);

        sut.Alerts.Should().BeEmpty();
        sut.All.Should().NotContain(i => i.Kind == InterventionKind.GroupMessage);
    }

    [Fact]
    public async Task ProcessAsync_ThreatInCalmConversation_AlertsAtOnceIncludingDirector()
    {
        var sut = await CreateSut();
        await sut.SaysAsync("Sanne", "Goedemorgen allemaal!", TimeSpan.Zero);

        var outcome = await sut.SaysAsync("Mark", Threat, 10 * Minute);

        var alerts = outcome.Of(InterventionKind.Alert).ToList();
        alerts.Select(a => a.RecipientLabel).Should().BeEquivalentTo("Naima", "meester Tom Veenstra", "mevrouw J. Hoekstra");
        alerts.Should().OnlyContain(a => a.Alert!.Severe);
        alerts[0].Alert!.Signals.Should().Contain(SignalKind.Threat);
        alerts[0].Text.Should().Contain("112");
    }

    [Fact]
    public async Task ProcessAsync_ShamingNamedChildInCalmConversation_AlertsClassParentAndTeacherAtOnce()
    {
        var sut = await CreateSut();
        await sut.SaysAsync("Sanne", "Is er morgen gym?", TimeSpan.Zero);

        var outcome = await sut.SaysAsync("Mark", ShamingChild, 10 * Minute);

        outcome.Of(InterventionKind.Alert).Select(a => a.RecipientLabel).Should().BeEquivalentTo("Naima", "meester Tom Veenstra");
        outcome.Of(InterventionKind.Alert).Should().OnlyContain(a => a.Alert!.Severe && a.Alert.Signals.Contains(SignalKind.ShamingChild));
    }

    [Fact]
    public async Task ProcessAsync_ShamingNamedChild_NudgeTalksAboutTheChild()
    {
        var sut = await CreateSut();

        var outcome = await sut.SaysAsync("Mark", ShamingChild, TimeSpan.Zero);

        outcome.Nudge()!.Text.Should().Contain("kind");
    }

    [Fact]
    public async Task ProcessAsync_UnlinkedConversation_AlertsByRole()
    {
        var sut = ConversationScript.Unlinked();

        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        var outcome = await sut.SaysAsync("Aylin", HurtfulInsult, 3 * Minute);

        outcome.Of(InterventionKind.Alert).Select(a => a.RecipientLabel).Should().BeEquivalentTo("klassenouder", "leerkracht");
    }

    [Theory]
    [InlineData("2026-01-14T23:30:00+01:00")]
    [InlineData("2026-01-14T22:30:00+00:00")]
    [InlineData("2026-01-15T02:15:00+01:00")]
    public async Task ProcessAsync_LateNightInAmsterdam_NudgeAddsSleepOnItSentence(string timestamp)
    {
        var sut = await CreateSut();

        var outcome = await sut.SaysAsync("Mark", Concern, DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture));

        outcome.Nudge()!.Text.Should().ContainAny("nachtje over te slapen", "'s avonds laat");
    }

    [Fact]
    public async Task ProcessAsync_AfternoonMessage_NudgeHasNoSleepOnItSentence()
    {
        var sut = await CreateSut();

        var outcome = await sut.SaysAsync("Mark", Concern, TimeSpan.Zero);

        outcome.Nudge()!.Text.Should().NotContainAny("nachtje over te slapen", "'s avonds laat", "laat:");
    }

    [Fact]
    public async Task ProcessAsync_EnglishConcern_GetsEnglishNudge()
    {
        var sut = await CreateSut();

        var outcome = await sut.SaysAsync("Emma", "I am worried that my son is being bullied in the playground", TimeSpan.Zero);

        var text = outcome.Nudge()!.Text;
        text.Should().Contain("Naima, the class parent").And.Contain("meester Tom Veenstra");
        text.Should().NotContainAny("Hoi", "klassenouder", " je ");
    }

    [Fact]
    public async Task ProcessAsync_EnglishLateNight_GetsEnglishSleepOnIt()
    {
        var sut = await CreateSut();

        var outcome = await sut.SaysAsync("Emma", "this teacher is a fucking idiot", new DateTimeOffset(2026, 1, 14, 23, 30, 0, TimeSpan.FromHours(1)));

        outcome.Nudge()!.Text.Should().Contain("sleep on it").And.NotContain("nachtje");
    }

    [Fact]
    public async Task ProcessAsync_DutchConcern_NudgeNamesTeacherAndClassParent()
    {
        var sut = await CreateSut();

        var outcome = await sut.SaysAsync("Mark", Concern, TimeSpan.Zero);

        outcome.Nudge()!.Text.Should().Contain("meester Tom Veenstra").And.Contain("klassenouder Naima");
    }

    [Fact]
    public async Task ProcessAsync_HeatedConversation_GroupMessageNamesNoAuthorAndQuotesNoWords()
    {
        var sut = await CreateSut();
        string[] authors = ["Mark", "Aylin", "Kees"];
        string[] hurtful = [HurtfulCurse, HurtfulInsult, HurtfulIdiots];

        for (var i = 0; i < authors.Length; i++)
        {
            await sut.SaysAsync(authors[i], hurtful[i], i * 2 * Minute);
        }

        var group = sut.All.Where(i => i.Kind == InterventionKind.GroupMessage).ToList();
        group.Should().ContainSingle();
        group[0].RecipientLabel.Should().Be("group");
        group[0].Recipient.Should().BeNull();
        var hurtfulWords = hurtful.SelectMany(Words).Where(w => w.Length >= 4).ToHashSet();
        group[0].Text.Should().NotContainAny(authors);
        Words(group[0].Text).Should().NotIntersectWith(hurtfulWords);
    }

    [Fact]
    public async Task ProcessAsync_IncludeExcerptsFalse_AlertsQuoteNoMessageText()
    {
        var sut = await CreateSut();
        ConversationScript.Sample.Escalation.IncludeExcerpts.Should().BeFalse();

        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        await sut.SaysAsync("Aylin", HurtfulIdiots, 3 * Minute);
        await sut.SaysAsync("Kees", Threat, 5 * Minute);

        sut.Alerts.Should().NotBeEmpty();
        foreach (var alert in sut.Alerts)
        {
            alert.Alert!.Excerpts.Should().BeEmpty();
            alert.Text.Should().NotContainAny("kankerjuf", "geregeld", "facebook", "puinhoop", "sukkels", "elkaar slaan", "“");
            alert.Text.Should().NotContainAny("Mark", "Aylin", "Kees");
        }
    }

    [Fact]
    public async Task ProcessAsync_IncludeExcerptsTrue_AlertsQuoteTheHurtfulMessages()
    {
        var school = ConversationScript.Sample with { Escalation = ConversationScript.Sample.Escalation with { IncludeExcerpts = true } };
        var sut = await ConversationScript.Groep5Async(school);

        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        var outcome = await sut.SaysAsync("Aylin", HurtfulInsult, 3 * Minute);

        var alert = outcome.Of(InterventionKind.Alert).First();
        alert.Alert!.Excerpts.Should().Contain(HurtfulCurse);
        alert.Text.Should().Contain("kankerjuf");
    }

    [Fact]
    public async Task ProcessAsync_Nudge_GoesPrivatelyToTheAuthorOnly()
    {
        var sut = await CreateSut();
        await sut.SaysAsync("Sanne", "Hoi allemaal", TimeSpan.Zero);

        var outcome = await sut.SaysAsync("Mark", HurtfulCurse, Minute);

        var nudges = outcome.Of(InterventionKind.PrivateNudge).ToList();
        nudges.Should().ContainSingle();
        nudges[0].Recipient.Should().Be(sut.History[^1].Message.Author);
        nudges[0].RecipientLabel.Should().Be("Mark");
        sut.All.Where(i => i.Kind == InterventionKind.PrivateNudge).Should().OnlyContain(i => i.Recipient!.DisplayName == "Mark");
    }

    [Fact]
    public async Task ProcessAsync_EveryNudgeInAHeatedChat_GoesToTheAuthorOfThatMessage()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        await sut.SaysAsync("Aylin", HurtfulInsult, 2 * Minute);
        await sut.SaysAsync("Kees", Concern, 4 * Minute);

        foreach (var (message, outcome) in sut.History)
        {
            outcome.Of(InterventionKind.PrivateNudge).Should().OnlyContain(n => n.Recipient == message.Author);
        }
    }

    [Fact]
    public async Task ProcessAsync_OkMessage_NoInterventions()
    {
        var sut = await CreateSut();

        var outcome = await sut.SaysAsync("Sanne", "Wie heeft er nog een blauwe jas gevonden?", TimeSpan.Zero);

        outcome.Interventions.Should().BeEmpty();
        outcome.Assessment.Label.Should().Be(ToneLabel.Ok);
    }

    [Fact]
    public async Task ProcessAsync_Forget_StartsTheConversationAfresh()
    {
        var sut = await CreateSut();
        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        await sut.SaysAsync("Aylin", HurtfulInsult, 2 * Minute);

        await sut.Engine.ForgetAsync(sut.Conversation, CancellationToken.None);

        sut.Engine.LevelOf(sut.Conversation, ConversationScript.Start + 3 * Minute).Should().Be(EscalationLevel.Calm);
        sut.Engine.ActiveConversations.Should().Be(0);
    }

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', ':', '?', '!', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
}
