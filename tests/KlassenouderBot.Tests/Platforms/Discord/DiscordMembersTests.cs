using System.Net;
using KlassenouderBot.Platforms;
using KlassenouderBot.Platforms.Discord;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Tests.Platforms.Discord;

public sealed class DiscordMembersTests : IDisposable
{
    private const string Guild = "222222222222222222";
    private const string Search = $"GET /guilds/{Guild}/members/search";

    private readonly StubDiscordApi _api = new();
    private readonly DiscordMembers _sut;

    public DiscordMembersTests()
    {
        _sut = new DiscordMembers(_api.CreateClient());
        _api.On(Search, StubAnswer.Ok("[]"));
    }

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task FindContact_SeenMemberWithThatNick_IsFound()
    {
        _sut.Saw(Guild, User("300000000000000001", "nbouzid", "N. Bouzid"), new DiscordMember { Nick = "Naima" });
        _sut.Saw(Guild, User("300000000000000002", "tom_v", "Tom"), null);

        var (userId, problem) = await _sut.FindContactAsync(Guild, ChatUser.Contact("Naima", null), CancellationToken.None);

        userId.Should().Be("300000000000000001");
        problem.Should().BeNull();
    }

    [Fact]
    public async Task FindContact_ClassParentByFirstName_FindsTheOnlyMemberWithIt()
    {
        _sut.Saw(Guild, User("300000000000000001", "nbouzid", "Naima Bouzid"), null);
        _sut.Saw(Guild, User("300000000000000002", "tom_v", "Tom Veenstra"), null);

        (await _sut.FindContactAsync(Guild, ChatUser.Contact("Naima", null), CancellationToken.None)).UserId.Should().Be("300000000000000001");
    }

    [Fact]
    public async Task FindContact_TwoMembersNamedNaima_RefusesToGuess()
    {
        _sut.Saw(Guild, User("300000000000000001", "nbouzid", "Naima Bouzid"), null);
        _sut.Saw(Guild, User("300000000000000003", "njansen", "Naima Jansen"), null);

        var (userId, problem) = await _sut.FindContactAsync(Guild, ChatUser.Contact("Naima", null), CancellationToken.None);

        userId.Should().BeNull();
        problem.Should().Contain("shared").And.Contain("Discord account");
    }

    [Fact]
    public async Task FindContact_TwoMembersWithTheSameFullName_IsAmbiguous()
    {
        _sut.Saw(Guild, User("300000000000000001", "naima1", "Naima Bouzid"), null);
        _sut.Saw(Guild, User("300000000000000003", "naima2", null), new DiscordMember { Nick = "Naima Bouzid" });

        var (userId, problem) = await _sut.FindContactAsync(Guild, ChatUser.Contact("Naima Bouzid", null), CancellationToken.None);

        userId.Should().BeNull();
        problem.Should().Contain("ambiguous");
    }

    [Fact]
    public async Task FindContact_SeenInAnotherServer_IsNotFoundHere()
    {
        _sut.Saw("222222222222222999", User("300000000000000001", "nbouzid", "Naima"), null);

        var (userId, problem) = await _sut.FindContactAsync(Guild, ChatUser.Contact("Naima", null), CancellationToken.None);

        userId.Should().BeNull();
        problem.Should().Contain("not a member");
    }

    [Fact]
    public async Task FindContact_BotsAreNeverRemembered()
    {
        _sut.Saw(Guild, new DiscordUser { Id = "300000000000000009", Username = "naima-bot", GlobalName = "Naima", Bot = true }, null);

        (await _sut.FindContactAsync(Guild, ChatUser.Contact("Naima", null), CancellationToken.None)).UserId.Should().BeNull();
    }

    [Fact]
    public async Task FindContact_UsernameFromTheSchoolFile_IsLookedUpWithMemberSearch()
    {
        _api.On(Search, StubAnswer.Ok("""
            [{"user":{"id":"300000000000000004","username":"naima.bouzid.2"},"nick":null},
             {"user":{"id":"300000000000000005","username":"naima.bouzid"},"nick":"Naima"}]
            """));

        var (userId, problem) = await _sut.FindContactAsync(Guild, ChatUser.Contact("Naima", null, discordAccount: "naima.bouzid"), CancellationToken.None);

        userId.Should().Be("300000000000000005", "the username must match exactly, not only start the same");
        problem.Should().BeNull();
        _api.To(Search).Single().Query.Should().Be("query=naima.bouzid&limit=25");
    }

    [Fact]
    public async Task FindContact_UsernameNobodyHas_SaysSo()
    {
        var (userId, problem) = await _sut.FindContactAsync(Guild, ChatUser.Contact("Naima", null, discordAccount: "naima.bouzid"), CancellationToken.None);

        userId.Should().BeNull();
        problem.Should().Contain("username");
    }

    [Fact]
    public async Task FindContact_DiscordId_NeedsNoLookup()
    {
        var (userId, _) = await _sut.FindContactAsync(null, ChatUser.Contact("Naima", null, discordAccount: "1234567890123456789"), CancellationToken.None);

        userId.Should().Be("1234567890123456789");
        _api.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task FindContact_SearchForbidden_CountsAsNothingFound()
    {
        _api.On(Search, StubAnswer.Error(HttpStatusCode.Forbidden, 50001, "Missing Access"));

        var (nobody, problem) = await _sut.FindContactAsync(Guild, ChatUser.Contact("Naima", null), CancellationToken.None);

        nobody.Should().BeNull();
        problem.Should().Contain("not a member");
        _api.To(Search).Should().ContainSingle();

        _sut.Saw(Guild, User("300000000000000001", "nbouzid", "Naima"), null);
        (await _sut.FindContactAsync(Guild, ChatUser.Contact("Naima", null), CancellationToken.None)).UserId
            .Should().Be("300000000000000001", "a failing search leaves the members the bot has seen");
    }

    [Fact]
    public async Task FindContact_OutsideAServer_SaysSo()
    {
        var (userId, problem) = await _sut.FindContactAsync(null, ChatUser.Contact("Naima", null), CancellationToken.None);

        userId.Should().BeNull();
        problem.Should().Contain("not in a Discord server");
    }

    private static DiscordUser User(string id, string username, string? globalName) => new() { Id = id, Username = username, GlobalName = globalName };
}
