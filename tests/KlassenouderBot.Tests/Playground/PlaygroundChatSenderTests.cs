using KlassenouderBot.Platforms;
using KlassenouderBot.Playground;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Tests.Playground;

public sealed class PlaygroundChatSenderTests
{
    private static readonly DateTimeOffset Afternoon = new(2026, 3, 2, 14, 0, 0, TimeSpan.FromHours(1));
    private static readonly ConversationRef Room = new(Platform.Playground, "groep-5");

    [Fact]
    public async Task SendPrivateAsync_NudgeToMark_OnlyMarkSeesIt()
    {
        var (sut, _) = CreateSut();

        var result = await sut.SendPrivateAsync(Room, new ChatUser("Mark", "Mark"), new OutboundMessage(OutboundKind.PrivateNudge, "Misschien fijn om dit met meester Tom te bespreken?"), CancellationToken.None);

        result.Delivered.Should().BeTrue();
        sut.PrivateMessages("groep-5", "Mark").Should().ContainSingle()
            .Which.Should().Match<PlaygroundBotEntry>(m => m.Kind == OutboundKind.PrivateNudge && m.Recipient == "Mark");
        sut.PrivateMessages("groep-5", "Sanne").Should().BeEmpty();
        sut.GroupMessages("groep-5").Should().BeEmpty();
    }

    [Fact]
    public async Task SendPrivateAsync_AlertToContact_GoesToTheContactsNameNotTheGroup()
    {
        var (sut, _) = CreateSut();

        await sut.SendPrivateAsync(Room, new ChatUser("contact:Naima", "Naima"), new OutboundMessage(OutboundKind.Alert, "Het gesprek loopt op.") { AlertId = "a1" }, CancellationToken.None);

        sut.PrivateMessages("groep-5", "naima").Should().ContainSingle().Which.AlertId.Should().Be("a1");
        sut.GroupMessages("groep-5").Should().BeEmpty();
    }

    [Fact]
    public async Task SendToConversationAsync_GroupMessage_AppearsInGroupOnly()
    {
        var (sut, _) = CreateSut();

        await sut.SendToConversationAsync(Room, new OutboundMessage(OutboundKind.GroupMessage, "Even een rustig moment?"), CancellationToken.None);

        sut.GroupMessages("groep-5").Should().ContainSingle().Which.IsPrivate.Should().BeFalse();
        sut.PrivateMessages("groep-5", "Sanne").Should().BeEmpty();
    }

    [Fact]
    public async Task SendToConversationAsync_UnknownRoom_FailsAndRecordsNothing()
    {
        var (sut, rooms) = CreateSut();

        var result = await sut.SendToConversationAsync(new ConversationRef(Platform.Playground, "groep-9"), new OutboundMessage(OutboundKind.GroupMessage, "hallo"), CancellationToken.None);

        result.Delivered.Should().BeFalse();
        rooms.Find("groep-9").Should().BeNull();
    }

    [Fact]
    public async Task SendPrivateAsync_OtherPlatform_Fails()
    {
        var (sut, _) = CreateSut();

        var result = await sut.SendPrivateAsync(new ConversationRef(Platform.Teams, "groep-5"), new ChatUser("Mark", "Mark"), new OutboundMessage(OutboundKind.PrivateNudge, "x"), CancellationToken.None);

        result.Delivered.Should().BeFalse();
        sut.PrivateMessages("groep-5", "Mark").Should().BeEmpty();
    }

    [Fact]
    public async Task SendPrivateAsync_MoreThanCapacity_KeepsOnlyTheNewest()
    {
        var (sut, _) = CreateSut(capacity: 10);

        for (var i = 0; i < 25; i++)
        {
            await sut.SendPrivateAsync(Room, new ChatUser("Mark", "Mark"), new OutboundMessage(OutboundKind.PrivateNudge, $"nudge {i}"), CancellationToken.None);
            await sut.SendToConversationAsync(Room, new OutboundMessage(OutboundKind.GroupMessage, $"group {i}"), CancellationToken.None);
        }

        sut.PrivateMessages("groep-5", "Mark").Select(m => m.Text).Should().Equal(Enumerable.Range(15, 10).Select(i => $"nudge {i}"));
        sut.GroupMessages("groep-5").Should().HaveCount(10).And.Subject.Last().Text.Should().Be("group 24");
    }

    [Fact]
    public async Task SendPrivateAsync_AfterLateEveningMessage_IsStampedAtThatEvening()
    {
        var (sut, rooms) = CreateSut();
        var lateEvening = Afternoon.Date.AddHours(23).AddMinutes(30);
        rooms.Find("groep-5")!.AddChat("Mark", "Dit is toch belachelijk", new DateTimeOffset(lateEvening, Afternoon.Offset));

        await sut.SendPrivateAsync(Room, new ChatUser("Mark", "Mark"), new OutboundMessage(OutboundKind.PrivateNudge, "Morgen even bellen?"), CancellationToken.None);

        sut.PrivateMessages("groep-5", "Mark").Single().Time.Hour.Should().Be(23);
    }

    private static (PlaygroundChatSender Sender, PlaygroundRooms Rooms) CreateSut(int capacity = 200)
    {
        var rooms = new PlaygroundRooms(Options.Create(new PlaygroundOptions { MaxItemsPerRoom = capacity }), links: null, school: null);
        return (new PlaygroundChatSender(rooms, new FixedTimeProvider(Afternoon), NullLogger<PlaygroundChatSender>.Instance), rooms);
    }
}
