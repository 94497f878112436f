using KlassenouderBot.Moderation;

namespace KlassenouderBot.Tests.Moderation;

// Cooldowns, through the engine: the bot never nags a parent and never floods the group.
public sealed class InterventionPolicyTests
{
    private const string GymConcern = "Sorry maar ik ben echt boos dat er alweer geen gym was deze week";
    private const string GymConcernAgain = "Ik vind het jammer dat de gymles weer niet doorging";
    private const string PestenConcern = "Ik maak me zorgen dat mijn zoon al weken gepest wordt op het plein";
    private const string HurtfulGeneral1 = "die kankerjuf heeft weer niks gedaan";
    private const string HurtfulGeneral2 = "wat een kutschool is dit zeg";
    private const string HurtfulGeneral3 = "die juf is een K A N K E R wijf";

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static Task<ConversationScript> CreateSut() => ConversationScript.Groep5Async();

    [Fact]
    public async Task Decide_SecondConcernSameTopicSameDay_NoSecondNudge()
    {
        var sut = await CreateSut();

        var first = await sut.SaysAsync("Mark", GymConcern, TimeSpan.Zero);
        var second = await sut.SaysAsync("Mark", GymConcernAgain, 4 * Hour);

        Topics.Detect(GymConcern).Should().Be(Topics.Detect(GymConcernAgain));
        first.Assessment.Label.Should().Be(ToneLabel.Concern);
        second.Assessment.Label.Should().Be(ToneLabel.Concern);
        first.Nudge().Should().NotBeNull();
        second.Nudge().Should().BeNull();
    }

    [Fact]
    public async Task Decide_ConcernSameTopicNextDay_NudgesAgain()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", GymConcern, TimeSpan.Zero);
        var nextDay = await sut.SaysAsync("Mark", GymConcernAgain, TimeSpan.FromDays(1));

        nextDay.Nudge().Should().NotBeNull();
    }

    [Fact]
    public async Task Decide_ConcernOtherTopicSameDay_Nudges()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", GymConcern, TimeSpan.Zero);
        var other = await sut.SaysAsync("Mark", PestenConcern, 2 * Hour);

        other.Nudge().Should().NotBeNull();
    }

    [Fact]
    public async Task Decide_SameConcernFromAnotherParent_NudgesThatParentToo()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", GymConcern, TimeSpan.Zero);
        var other = await sut.SaysAsync("Aylin", GymConcernAgain, 2 * Hour);

        other.Nudge()!.RecipientLabel.Should().Be("Aylin");
    }

    [Fact]
    public async Task Decide_SecondHurtfulSameTopicWithinTwoHours_NoSecondNudge()
    {
        var sut = await CreateSut();

        var first = await sut.SaysAsync("Mark", HurtfulGeneral1, TimeSpan.Zero);
        var second = await sut.SaysAsync("Mark", HurtfulGeneral2, 90 * Minute);

        Topics.Detect(HurtfulGeneral1).Should().Be(Topics.Detect(HurtfulGeneral2));
        first.Nudge().Should().NotBeNull();
        second.Assessment.Label.Should().Be(ToneLabel.Hurtful);
        second.Nudge().Should().BeNull();
    }

    [Fact]
    public async Task Decide_HurtfulSameTopicAfterTwoHours_NudgesAgain()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", HurtfulGeneral1, TimeSpan.Zero);
        var later = await sut.SaysAsync("Mark", HurtfulGeneral2, 2 * Hour + Minute);

        later.Nudge().Should().NotBeNull();
    }

    [Fact]
    public async Task Decide_FourthNudgeWorthyMessageInADay_OnlyThreeNudges()
    {
        var sut = await CreateSut();
        string[] concerns =
        [
            GymConcern,
            PestenConcern,
            "Ik vind het echt niet ok dat het schoolreisje zoveel geld kost",
            "Ik vind het jammer dat het huiswerk zo laat wordt opgegeven",
        ];

        for (var i = 0; i < concerns.Length; i++)
        {
            await sut.SaysAsync("Mark", concerns[i], i * 2 * Hour);
        }

        concerns.Select(Topics.Detect).Should().OnlyHaveUniqueItems();
        sut.History.Should().OnlyContain(h => h.Outcome.Assessment.Label == ToneLabel.Concern);
        sut.History.Select(h => h.Outcome.Nudge() is not null).Should().Equal(true, true, true, false);
    }

    [Fact]
    public async Task Decide_DailyNudgeLimit_ResetsTheNextDay()
    {
        var sut = await CreateSut();
        string[] concerns =
        [
            GymConcern,
            PestenConcern,
            "Ik vind het echt niet ok dat het schoolreisje zoveel geld kost",
        ];
        for (var i = 0; i < concerns.Length; i++)
        {
            await sut.SaysAsync("Mark", concerns[i], i * 2 * Hour);
        }

        var nextDay = await sut.SaysAsync("Mark", "Ik vind het jammer dat het huiswerk zo laat wordt opgegeven", TimeSpan.FromDays(1));

        nextDay.Nudge().Should().NotBeNull();
    }

    [Fact]
    public async Task Decide_StillHeatedWithinThreeHours_OnlyOneGroupMessage()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", HurtfulGeneral1, TimeSpan.Zero);
        var first = await sut.SaysAsync("Aylin", HurtfulGeneral2, 2 * Minute);
        await sut.SaysAsync("Kees", HurtfulGeneral3, 30 * Minute);
        await sut.SaysAsync("Sanne", HurtfulGeneral1, 32 * Minute);
        await sut.SaysAsync("Mark", HurtfulGeneral2, 2 * Hour);
        await sut.SaysAsync("Aylin", HurtfulGeneral3, 2 * Hour + 2 * Minute);

        first.Of(InterventionKind.GroupMessage).Should().ContainSingle();
        sut.All.Count(i => i.Kind == InterventionKind.GroupMessage).Should().Be(1);
    }

    [Fact]
    public async Task Decide_HeatedAgainAfterThreeHours_PostsAnotherGroupMessage()
    {
        var sut = await CreateSut();
        await sut.SaysAsync("Mark", HurtfulGeneral1, TimeSpan.Zero);
        await sut.SaysAsync("Aylin", HurtfulGeneral2, 2 * Minute);

        await sut.SaysAsync("Kees", HurtfulGeneral3, 3 * Hour + 5 * Minute);
        var again = await sut.SaysAsync("Sanne", HurtfulGeneral1, 3 * Hour + 7 * Minute);

        again.Level.Should().BeOneOf(EscalationLevel.Heated, EscalationLevel.Escalated);
        again.Of(InterventionKind.GroupMessage).Should().ContainSingle();
        sut.All.Count(i => i.Kind == InterventionKind.GroupMessage).Should().Be(2);
    }

    [Fact]
    public async Task Decide_SecondSevereMessageWithinThirtyMinutes_NoSecondAlert()
    {
        var sut = await CreateSut();

        var first = await sut.SaysAsync("Mark", "ik ga die meester in elkaar slaan als ik hem zie", TimeSpan.Zero);
        var second = await sut.SaysAsync("Aylin", "Daan is gewoon een dief, die jongen steelt alles", 20 * Minute);

        first.Of(InterventionKind.Alert).Should().NotBeEmpty();
        second.Assessment.IsSevere.Should().BeTrue();
        second.Of(InterventionKind.Alert).Should().BeEmpty();
    }

    [Fact]
    public async Task Decide_SevereMessageAfterThirtyMinutes_AlertsAgain()
    {
        var sut = await CreateSut();

        await sut.SaysAsync("Mark", "ik ga die meester in elkaar slaan als ik hem zie", TimeSpan.Zero);
        var later = await sut.SaysAsync("Aylin", "Daan is gewoon een dief, die jongen steelt alles", 45 * Minute);

        later.Of(InterventionKind.Alert).Should().NotBeEmpty().And.OnlyContain(a => a.Alert!.Severe);
    }
}
