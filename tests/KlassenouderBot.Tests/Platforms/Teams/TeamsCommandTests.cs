using KlassenouderBot.Platforms.Teams;

namespace KlassenouderBot.Tests.Platforms.Teams;

public sealed class TeamsCommandTests
{
    [Theory]
    [InlineData("koppel groep 5", "5")]
    [InlineData("Koppel groep 1/2A", "1/2A")]
    [InlineData("/koppel 8", "8")]
    [InlineData("link group 7.", "7")]
    [InlineData("koppel aan groep 3", "3")]
    public void TryParse_LinkCommand_ReadsTheGroep(string text, string groep) =>
        TeamsCommand.TryParse(text).Should().Be(new TeamsCommand(TeamsCommandKind.Link, groep));

    [Theory]
    [InlineData("help", "Help")]
    [InlineData("Hulp?", "Help")]
    [InlineData("privacy", "Privacy")]
    public void TryParse_OneWordCommands(string text, string kind) =>
        TeamsCommand.TryParse(text)!.Kind.ToString().Should().Be(kind);

    [Theory]
    [InlineData("wanneer is de herfstvakantie?")]
    [InlineData("koppel groep vijf alsjeblieft")]
    [InlineData("ik help je wel met de koppel groep 5 vraag")]
    [InlineData("")]
    public void TryParse_OrdinaryText_IsNoCommand(string text) => TeamsCommand.TryParse(text).Should().BeNull();
}
