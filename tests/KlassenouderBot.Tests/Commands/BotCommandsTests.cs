using KlassenouderBot.Faq;
using KlassenouderBot.Commands;
using KlassenouderBot.Data;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using KlassenouderBot.Tests.Data;
using KlassenouderBot.Tests.Fakes;
using KlassenouderBot.Tests.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Tests.Commands;

public sealed class BotCommandsTests
{
    private static readonly ConversationRef Chat = new(Platform.Teams, "19:klas@thread.v2") { Title = "Ouders groep 5" };
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task LinkAsync_TeacherKnownByEmail_LinksAndAudits()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var links = new InMemoryConversationLinks(ConversationScript.Sample);
        var sut = CreateSut(database, links);
        var teacher = new ChatUser("29:tom", "Tom Veenstra") { Email = "T.Veenstra@wilgenhoek.example" };

        var result = await sut.LinkAsync(Chat, teacher, "5", platformGrantsManage: false, CancellationToken.None);

        result.Linked.Should().BeTrue();
        result.Reply.Should().Contain("groep 5");
        (await links.GetGroepAsync(Chat, CancellationToken.None)).Should().Be("5");
        await using var db = database.CreateDbContext();
        (await db.AuditEntries.SingleAsync()).Action.Should().Be("link.created");
    }

    [Fact]
    public async Task LinkAsync_ParentUnknownToSchool_IsRefusedAndNothingChanges()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var links = new InMemoryConversationLinks(ConversationScript.Sample);
        var sut = CreateSut(database, links);
        var parent = new ChatUser("29:p", "Een Ouder") { Email = "ouder@example.com" };

        var result = await sut.LinkAsync(Chat, parent, "5", platformGrantsManage: false, CancellationToken.None);

        result.Linked.Should().BeFalse();
        (await links.GetGroepAsync(Chat, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task LinkAsync_PlatformVouches_LinksWithoutEmail()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var links = new InMemoryConversationLinks(ConversationScript.Sample);

        var result = await CreateSut(database, links).LinkAsync(Chat, new ChatUser("1", "Beheerder"), "1/2a", platformGrantsManage: true, CancellationToken.None);

        result.Linked.Should().BeTrue();
        (await links.GetGroepAsync(Chat, CancellationToken.None)).Should().Be("1/2A");
    }

    [Fact]
    public async Task LinkAsync_UnknownGroep_ListsTheKnownOnes()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();

        var result = await CreateSut(database, new InMemoryConversationLinks(ConversationScript.Sample))
            .LinkAsync(Chat, new ChatUser("1", "Beheerder"), "9", platformGrantsManage: true, CancellationToken.None);

        result.Linked.Should().BeFalse();
        result.Reply.Should().Contain("1/2A").And.Contain("8");
    }

    [Fact]
    public void Welcome_SaysWhatIsKeptAndHowToLink()
    {
        var text = CreateSut(null!, null!).Welcome(Chat);

        text.Should().Contain("privacy").And.Contain("koppel groep").And.Contain("30 dagen").And.Contain(ConversationScript.Sample.Name);
    }

    private BotCommands CreateSut(SqliteTestDatabase database, IConversationLinks links) =>
        new(SchoolSource.Fixed(ConversationScript.Sample), links, Options.Create(new PrivacyOptions()), database, FaqIndex.Fixed(FaqEngine.Create(ConversationScript.Sample.Faq)), new FaqAnswerStore(database, _clock), _clock);
}
