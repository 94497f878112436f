using KlassenouderBot.Platforms.Teams;

namespace KlassenouderBot.Tests.Platforms.Teams;

public sealed class TeamsRosterTests
{
    private static readonly TeamsChannelAccount Naima = Member("29:naima", "Naima Bouzid", "Naima", "naima@ouders.example");
    private static readonly TeamsChannelAccount Tom = Member("29:tom", "Tom Veenstra", "Tom", "t.veenstra@wilgenhoek.example");
    private static readonly TeamsChannelAccount Sanne = Member("29:sanne", "Sanne de Boer", "Sanne", null);

    [Fact]
    public void Match_ByEmail_WinsOverNames() =>
        TeamsRoster.Match([Naima, Tom], "meester Tom Veenstra", "T.Veenstra@wilgenhoek.example").Member.Should().Be(Tom);

    [Fact]
    public void Match_FullNameWithHonorific_FindsTheMember() =>
        TeamsRoster.Match([Naima, Tom], "meester Tom Veenstra", null).Member.Should().Be(Tom);

    [Fact]
    public void Match_UniqueFirstName_FindsTheClassParent() =>
        TeamsRoster.Match([Naima, Tom, Sanne], "Naima", null).Member.Should().Be(Naima);

    [Fact]
    public void Match_SharedFirstName_RefusesToGuess()
    {
        var otherNaima = Member("29:naima2", "Naima Jansen", "Naima", null);

        var (member, problem) = TeamsRoster.Match([Naima, otherNaima], "Naima", null);

        member.Should().BeNull();
        problem.Should().Contain("e-mail");
    }

    [Fact]
    public void Match_NotInConversation_SaysSo()
    {
        var (member, problem) = TeamsRoster.Match([Tom, Sanne], "Naima", null);

        member.Should().BeNull();
        problem.Should().Contain("not a member");
    }

    private static TeamsChannelAccount Member(string id, string name, string givenName, string? email) =>
        new() { Id = id, Name = name, GivenName = givenName, Email = email, UserPrincipalName = email };
}
