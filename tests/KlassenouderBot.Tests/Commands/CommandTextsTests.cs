using KlassenouderBot.Tests.Data;
using KlassenouderBot.Faq;
using KlassenouderBot.Commands;
using KlassenouderBot.Data;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using KlassenouderBot.Tests.Fakes;
using KlassenouderBot.Tests.Moderation;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Tests.Commands;

/// <summary>What the bot says about itself, per platform, and its FAQ answers.</summary>
public sealed class CommandTextsTests
{
    private static readonly ConversationRef DiscordChannel = new(Platform.Discord, "111111111111111111") { GuildId = "222222222222222222" };
    private static readonly ConversationRef TeamsChat = new(Platform.Teams, "19:klas@thread.v2");

    private readonly BotCommands _sut = Create(null!);

    private static BotCommands Create(SqliteTestDatabase database) =>
        new(SchoolSource.Fixed(ConversationScript.Sample), new InMemoryConversationLinks(ConversationScript.Sample), Options.Create(new PrivacyOptions()), database, FaqIndex.Fixed(FaqEngineFactory.Create(ConversationScript.Sample)), new FaqAnswerStore(database, new FakeTimeProvider()), new FakeTimeProvider());

    /// <summary>Answers through a migrated in-memory database, where the answer is recorded.</summary>
    private static async Task<FaqReply> AnswerAsync(ConversationRef conversation, string question)
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        return await Create(database).AnswerQuestionAsync(conversation, question, CancellationToken.None);
    }

    [Fact]
    public void Help_OnDiscord_NamesTheSlashCommands()
    {
        var help = _sut.Help(DiscordChannel);

        help.Should().Contain("/koppel groep: 5").And.Contain("/privacy").And.Contain("/faq vraag:");
        help.Should().NotContain("@KlassenouderBot", "Discord has slash commands, not mentions");
        help.Should().Contain("server mag beheren");
    }

    [Fact]
    public void Help_OnTeams_NamesTheMention()
    {
        var help = _sut.Help(TeamsChat);

        help.Should().Contain("@KlassenouderBot koppel groep 5").And.Contain("@KlassenouderBot privacy");
        help.Should().NotContain("/koppel");
    }

    [Fact]
    public void Welcome_OnDiscord_NamesTheSlashCommandsAndRetention()
    {
        var welcome = _sut.Welcome(DiscordChannel);

        welcome.Should().Contain("/koppel groep: 5").And.Contain("/privacy").And.Contain("/help").And.Contain("30 dagen");
        welcome.Should().Contain("iemand die de server beheert");
        welcome.Should().NotContain("@KlassenouderBot");
    }

    [Fact]
    public void Welcome_OnTeams_NamesTheMention()
    {
        var welcome = _sut.Welcome(TeamsChat);

        welcome.Should().Contain("@KlassenouderBot koppel groep 5").And.Contain("@KlassenouderBot privacy");
        welcome.Should().NotContain("/koppel");
    }

    [Fact]
    public void Welcome_Discord_FitsInOneMessage() =>
        _sut.Welcome(DiscordChannel).Length.Should().BeLessThanOrEqualTo(2000);

    [Fact]
    public async Task LinkAsync_DiscordMemberWithoutManageServer_GetsTheManageServerText()
    {
        var result = await _sut.LinkAsync(DiscordChannel, new ChatUser("300000000000000001", "Sanne"), "5", platformGrantsManage: false, CancellationToken.None);

        result.Linked.Should().BeFalse();
        result.Reply.Should().Be(CommandTexts.NotAllowedToLinkDiscord).And.Contain("Server beheren");
    }

    [Fact]
    public async Task LinkAsync_TeamsParentUnknownToSchool_GetsTheSchoolFileText()
    {
        var result = await _sut.LinkAsync(TeamsChat, new ChatUser("29:p", "Ouder") { Email = "ouder@example.com" }, "5", platformGrantsManage: false, CancellationToken.None);

        result.Reply.Should().Be(CommandTexts.NotAllowedToLink);
    }

    [Fact]
    public async Task AnswerQuestion_Dutch_AnswersInDutchWithTheSource()
    {
        var reply = await AnswerAsync(DiscordChannel, "hoe laat is school uit op woensdag?");

        reply.Answered.Should().BeTrue();
        reply.Text.Should().StartWith("Alle groepen, ook de kleuters").And.EndWith("(Bron: schoolgids, Schooltijden)");
    }

    [Fact]
    public async Task AnswerQuestion_English_AnswersFromAnswerEnWithTheSource()
    {
        var reply = await AnswerAsync(DiscordChannel, "What are the gymdagen for groep 5?");

        reply.Answered.Should().BeTrue();
        reply.Text.Should().StartWith("Groups 1/2 have PE").And.EndWith("(Source: school guide, Gymrooster)");
    }

    [Fact]
    public async Task AnswerQuestion_EnglishWithoutAnswerEn_FallsBackToTheDutchAnswer()
    {
        var reply = await AnswerAsync(DiscordChannel, "Which week is the voorjaarsvakantie?");

        reply.Answered.Should().BeTrue();
        reply.Text.Should().StartWith("De voorjaarsvakantie is van zaterdag 20 februari").And.EndWith("(Source: school guide, Vakanties 2026-2027)");
    }

    [Fact]
    public async Task AnswerQuestion_Unknown_PointsToTheTeacherAndTheSchool()
    {
        var reply = await AnswerAsync(DiscordChannel, "wat is de hoofdstad van Frankrijk?");

        reply.Answered.Should().BeFalse();
        reply.Text.Should().Contain("gok liever niet").And.Contain(ConversationScript.Sample.Email!);
    }

    [Fact]
    public async Task AnswerQuestion_UnknownInEnglish_SaysSoInEnglish()
    {
        var reply = await AnswerAsync(DiscordChannel, "what is the capital of France?");

        reply.Answered.Should().BeFalse();
        reply.Text.Should().StartWith("I'm not sure");
    }
}
