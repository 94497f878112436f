using KlassenouderBot.School;
using KlassenouderBot.Data;
using KlassenouderBot.Platforms;
using KlassenouderBot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Tests.Data;

public sealed class EfConversationLinksTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task LinkAsync_NewConversation_GetGroepReturnsIt()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = CreateSut(database);
        var conversation = new ConversationRef(Platform.Teams, "19:abc@thread.v2") { Title = "Ouders groep 5" };

        await sut.LinkAsync(conversation, "5", CancellationToken.None);

        (await sut.GetGroepAsync(conversation with { Title = null }, CancellationToken.None)).Should().Be("5");
        await using var db = database.CreateDbContext();
        var stored = await db.ConversationLinks.SingleAsync();
        stored.Title.Should().Be("Ouders groep 5");
        stored.LinkedAt.Should().Be(_clock.GetUtcNow());
    }

    [Fact]
    public async Task LinkAsync_AlreadyLinked_MovesToTheNewGroep()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = CreateSut(database);
        var conversation = new ConversationRef(Platform.Discord, "42");
        await sut.LinkAsync(conversation, "4", CancellationToken.None);

        await sut.LinkAsync(conversation, "5", CancellationToken.None);

        (await sut.GetGroepAsync(conversation, CancellationToken.None)).Should().Be("5");
        await using var db = database.CreateDbContext();
        (await db.ConversationLinks.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task GetGroepAsync_SameIdOnAnotherPlatform_ReturnsNull()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = CreateSut(database);
        await sut.LinkAsync(new ConversationRef(Platform.Discord, "42"), "4", CancellationToken.None);

        var groep = await sut.GetGroepAsync(new ConversationRef(Platform.Teams, "42"), CancellationToken.None);

        groep.Should().BeNull();
    }

    [Fact]
    public async Task GetGroepAsync_ListedInTheSchoolFile_IsLinkedUntilTheChatSaysOtherwise()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var school = Moderation.ConversationScript.Sample with
        {
            ConversationLinks = new Dictionary<string, string> { ["Teams:19:file@thread.v2"] = "4" },
        };
        var sut = new EfConversationLinks(database, _clock, SchoolSource.Fixed(school));
        var conversation = new ConversationRef(Platform.Teams, "19:file@thread.v2");

        (await sut.GetGroepAsync(conversation, CancellationToken.None)).Should().Be("4");

        await sut.LinkAsync(conversation, "5", CancellationToken.None);
        (await sut.GetGroepAsync(conversation, CancellationToken.None)).Should().Be("5");
    }

    private EfConversationLinks CreateSut(SqliteTestDatabase database) => new(database, _clock);
}
