using KlassenouderBot.Data;
using KlassenouderBot.Platforms;
using KlassenouderBot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Data;

/// <summary>The same message handled once across instances: each instance has its own memory, the database is shared.</summary>
public sealed class DatabaseProcessedMessagesTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task TryClaimAsync_TwoInstances_OnlyTheFirstHandlesItAndAnEditCountsAsNew()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var first = new DatabaseProcessedMessages(database, _clock, NullLogger<DatabaseProcessedMessages>.Instance);
        var second = new DatabaseProcessedMessages(database, _clock, NullLogger<DatabaseProcessedMessages>.Instance);

        (await first.TryClaimAsync(Message("Wat een gedoe"), CancellationToken.None)).Should().BeTrue();
        (await second.TryClaimAsync(Message("Wat een gedoe"), CancellationToken.None)).Should().BeFalse("Teams retried on the other instance");
        (await first.TryClaimAsync(Message("Wat een gedoe"), CancellationToken.None)).Should().BeFalse();
        (await second.TryClaimAsync(Message("Wat een gedoe, sorry"), CancellationToken.None)).Should().BeTrue("an edit is handled again");
    }

    [Fact]
    public async Task TryClaimAsync_StoresNeitherIdNorText()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = new DatabaseProcessedMessages(database, _clock, NullLogger<DatabaseProcessedMessages>.Instance);

        await sut.TryClaimAsync(Message("Die juf is waardeloos"), CancellationToken.None);

        await using var db = database.CreateDbContext();
        var stored = await db.ProcessedMessages.SingleAsync();
        stored.Key.Should().MatchRegex("^[0-9a-f]{64}$").And.NotContain("m-1");
    }

    [Fact]
    public async Task TryClaimAsync_DatabaseGone_HandlesTheMessageAnyway()
    {
        var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = new DatabaseProcessedMessages(database, _clock, NullLogger<DatabaseProcessedMessages>.Instance);
        await database.DisposeAsync();

        var act = () => sut.TryClaimAsync(Message("Die juf is waardeloos"), CancellationToken.None).AsTask();

        (await act.Should().NotThrowAsync()).Which.Should().BeTrue();
    }

    private static ChatMessage Message(string text) => new()
    {
        Id = "m-1",
        Conversation = new ConversationRef(Platform.Teams, "19:groep5"),
        Author = new ChatUser("u-1", "Sanne"),
        Text = text,
        Timestamp = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(1)),
    };
}
