using KlassenouderBot.Moderation;

namespace KlassenouderBot.Tests.Moderation;

public sealed class EscalationTrackerTests
{
    private const string ConcernGym = "Sorry maar ik ben echt boos dat er alweer geen gym was deze week";
    private const string ConcernBullying = "Ik maak me zorgen dat mijn zoon al weken gepest wordt op het plein";
    private const string HurtfulCurse = "die kankerjuf heeft weer niks geregeld";
    private const string HurtfulInsult = "wat een kutschool is dit zeg";

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static Task<ConversationScript> CreateSut() => ConversationScript.Groep5Async();

    [Fact]
    public async Task Update_FirstOkMessage_IsCalm()
    {
        var sut = await CreateSut();

        var outcome = await sut.SaysAsync("Sanne", "Wie heeft er nog een blauwe jas gevonden?", TimeSpan.Zero);

        outcome.Level.Should().Be(EscalationLevel.Calm);
        outcome.Heat.Should().Be(0);
    }

    [Fact]
    public async Task Update_SeveralParentsGettingHeated_RisesCalmWarmingHeatedEscalated()
    {
        var sut = await CreateSut();

        var first = await sut.SaysAsync("Sanne", ConcernGym, TimeSpan.Zero);
        var second = await sut.SaysAsync("Mark", ConcernBullying, 1 * Minute);
        var third = await sut.SaysAsync("Aylin", HurtfulCurse, 2 * Minute);
        var fourth = await sut.SaysAsync("Kees", HurtfulInsult, 3 * Minute);

        first.Level.Should().Be(EscalationLevel.Calm);
        second.Level.Should().Be(EscalationLevel.Warming);
        third.Level.Should().Be(EscalationLevel.Heated);
        fourth.Level.Should().Be(EscalationLevel.Escalated);
        new[] { first.Heat, second.Heat, third.Heat, fourth.Heat }.Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Update_OneHurtfulRemarkCalmedDownByOthers_NeverEscalates()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Sanne", "Weet iemand of de gymles morgen doorgaat?", TimeSpan.Zero);
        var hurtful = await sut.SaysAsync("Mark", HurtfulCurse, 2 * Minute);
        await sut.SaysAsync("Aylin", "Laten we het wel netjes houden hier, de juf leest ook mee", 4 * Minute);
        await sut.SaysAsync("Kees", "Ik mail de juf morgen gewoon even, dat werkt meestal beter", 6 * Minute);
        var last = await sut.SaysAsync("Sanne", "Ik vraag het morgen wel even bij het hek", 8 * Minute);

        hurtful.Level.Should().BeOneOf(EscalationLevel.Calm, EscalationLevel.Warming);
        sut.History.Should().NotContain(h => h.Outcome.Level == EscalationLevel.Escalated);
        last.Level.Should().BeOneOf(EscalationLevel.Calm, EscalationLevel.Warming);
        sut.Alerts.Should().BeEmpty();
    }

    [Fact]
    public async Task Update_AgreeingWithTheCalmingReply_IsNotCountedAsJoiningIn()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Sanne", "Weet iemand of de gymles morgen doorgaat?", TimeSpan.Zero);
        await sut.SaysAsync("Mark", HurtfulCurse, 2 * Minute);
        await sut.SaysAsync("Aylin", "Laten we het wel netjes houden hier, de juf leest ook mee", 4 * Minute);
        var agreeing = await sut.SaysAsync("Kees", "Eens, gewoon even mailen met de juf lijkt me beter", 6 * Minute);

        agreeing.Level.Should().BeOneOf(EscalationLevel.Calm, EscalationLevel.Warming);
        sut.Alerts.Should().BeEmpty();
    }

    [Fact]
    public async Task Update_AgreeingWithAHurtfulMessage_CountsAsJoiningIn()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        var joining = await sut.SaysAsync("Aylin", "precies, helemaal mee eens", 1 * Minute);

        joining.Level.Should().Be(EscalationLevel.Escalated);
    }

    [Fact]
    public async Task Update_TwoHurtfulMessagesFromOneParent_DoesNotEscalate()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        var second = await sut.SaysAsync("Mark", HurtfulInsult, 20 * Minute);

        second.Level.Should().NotBe(EscalationLevel.Escalated);
    }

    [Fact]
    public async Task Update_TwoHurtfulMessagesFromTwoParents_Escalates()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        var second = await sut.SaysAsync("Aylin", HurtfulInsult, 5 * Minute);

        second.Level.Should().Be(EscalationLevel.Escalated);
    }

    [Fact]
    public async Task Update_TwoHoursLater_HeatHasDecayedToCalm()
    {
        var sut = await CreateSut();
        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        var escalated = await sut.SaysAsync("Aylin", HurtfulInsult, 5 * Minute);

        var later = await sut.SaysAsync("Sanne", "Goedemiddag! Morgen is er weer gym.", TimeSpan.FromHours(2) + 5 * Minute);

        escalated.Level.Should().Be(EscalationLevel.Escalated);
        later.Level.Should().Be(EscalationLevel.Calm);
        later.Heat.Should().BeLessThan(escalated.Heat / 4);
    }

    [Fact]
    public async Task CurrentLevel_TwoHoursWithoutMessages_IsCalm()
    {
        var sut = await CreateSut();
        await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);
        await sut.SaysAsync("Aylin", HurtfulInsult, 5 * Minute);

        var now = sut.Engine.LevelOf(sut.Conversation, ConversationScript.Start + 6 * Minute);
        var later = sut.Engine.LevelOf(sut.Conversation, ConversationScript.Start + TimeSpan.FromHours(2) + 5 * Minute);

        now.Should().Be(EscalationLevel.Escalated);
        later.Should().Be(EscalationLevel.Calm);
    }

    [Fact]
    public async Task LevelOf_UnknownConversation_IsCalm()
    {
        var sut = await CreateSut();

        sut.Engine.LevelOf(sut.Conversation, ConversationScript.Start).Should().Be(EscalationLevel.Calm);
    }

    [Fact]
    public async Task Update_CounterSpeech_CoolsTheHeat()
    {
        var sut = await CreateSut();
        var hurtful = await sut.SaysAsync("Mark", HurtfulCurse, TimeSpan.Zero);

        var counter = await sut.SaysAsync("Aylin", "Iemand noemde de juf hierboven 'kankerjuf', dat vind ik echt niet ok", 1 * Minute);

        counter.Heat.Should().BeLessThan(hurtful.Heat);
    }

    [Fact]
    public async Task Update_GangUpCallWithAnotherUpsetParent_Escalates()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Sanne", ConcernGym, TimeSpan.Zero);
        var gangUp = await sut.SaysAsync("Mark", "we moeten met z'n allen naar de directeur en die juf eruit werken", 2 * Minute);

        gangUp.Level.Should().Be(EscalationLevel.Escalated);
    }
}
