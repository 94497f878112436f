using KlassenouderBot.Playground;
using KlassenouderBot.School;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Tests.Playground;

public sealed class PlaygroundRoomsTests
{
    [Fact]
    public void Participants_WithoutSchool_AreTheDefaultParents()
    {
        var sut = CreateSut(school: null);

        sut.Participants("5").Select(p => p.Name).Should().Equal("Sanne", "Mark", "Ilse", "Jeroen", "Aylin", "Peter", "Kate");
    }

    [Fact]
    public void Participants_SchoolWithClassParent_AddsTheKlassenouder()
    {
        var sut = CreateSut(SampleSchool());

        sut.Participants("5").Should().ContainSingle(p => p.Role == PlaygroundRooms.ClassParentRole)
            .Which.Name.Should().Be("Naima");
    }

    [Fact]
    public void Participants_ClassParentIsADefaultParent_IsNotListedTwice()
    {
        var sut = CreateSut(SampleSchool());

        var participants = sut.Participants("1/2B");

        participants.Should().HaveCount(7);
        participants.Single(p => p.Name == "Jeroen").Role.Should().Be(PlaygroundRooms.ClassParentRole);
    }

    [Fact]
    public async Task GetGroepAsync_DefaultRoomFirstUse_LinksItToTheDefaultGroep()
    {
        var links = new RecordingLinks();
        var sut = CreateSut(SampleSchool(), links);

        var groep = await sut.GetGroepAsync(sut.Find("groep-5")!, CancellationToken.None);

        groep.Should().Be("5");
        links.Links.Should().ContainKey("Playground:groep-5").WhoseValue.Should().Be("5");
    }

    [Fact]
    public void Clear_RoomWithMessages_EmptiesEverything()
    {
        var sut = CreateSut(school: null);
        var room = sut.Find("groep-5")!;
        room.AddChat("Sanne", "hoi", DateTimeOffset.UnixEpoch);

        room.Clear();

        room.Snapshot().Chat.Should().BeEmpty();
    }

    [Theory]
    [InlineData("groep-5", true)]
    [InlineData("Groep-5", false)]
    [InlineData("", false)]
    [InlineData("../etc", false)]
    public void IsValidRoomId_Input_Expected(string id, bool expected) =>
        PlaygroundRooms.IsValidRoomId(id).Should().Be(expected);

    private static PlaygroundRooms CreateSut(SchoolConfiguration? school, IConversationLinks? links = null) =>
        new(Options.Create(new PlaygroundOptions()), links, school is null ? null : SchoolSource.Fixed(school));

    private static SchoolConfiguration SampleSchool() => new()
    {
        Name = "Kindcentrum De Wilgenhoek",
        Classes =
        [
            new ClassGroup("1/2B") { ClassParent = new Contact("Jeroen") },
            new ClassGroup("5") { ClassParent = new Contact("Naima"), Teachers = [new Contact("meester Tom Veenstra")] },
        ],
    };

    private sealed class RecordingLinks : IConversationLinks
    {
        public Dictionary<string, string> Links { get; } = [];

        public Task<string?> GetGroepAsync(KlassenouderBot.Platforms.ConversationRef conversation, CancellationToken cancellationToken) =>
            Task.FromResult(Links.GetValueOrDefault(conversation.Key));

        public Task LinkAsync(KlassenouderBot.Platforms.ConversationRef conversation, string groep, CancellationToken cancellationToken)
        {
            Links[conversation.Key] = groep;
            return Task.CompletedTask;
        }
    }
}
