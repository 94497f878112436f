using KlassenouderBot.Cli;
using Microsoft.Extensions.Configuration;

namespace KlassenouderBot.Tests.Cli;

public sealed class DiscordRegisterCommandTests
{
    [Fact]
    public async Task ExtraPositionalArgument_IsAUsageError() =>
        CliRun.ShouldBeUsageError(await CliRun.RunAsync("discord-register", "now"), "usage: discord-register");

    [Theory]
    [InlineData("abc")]
    [InlineData("12345")]
    [InlineData("https://discord.com/channels/222222222222222222")]
    public async Task GuildThatIsNotAServerId_IsAUsageError(string guild) =>
        CliRun.ShouldBeUsageError(await CliRun.RunAsync("discord-register", "--guild", guild), "--guild", "Copy Server ID");

    [Fact]
    public async Task GuildWithoutValue_IsAUsageError() =>
        CliRun.ShouldBeUsageError(await CliRun.RunAsync("discord-register", "--guild"), "--guild needs a value");

    // A CliUsageException is what CommandLineApp turns into exit code 2 and one "error: …" line (the tests above go through it).
    [Fact]
    public async Task NoToken_SaysWhereToSetItInOneLine()
    {
        var act = () => RunAsync(new Dictionary<string, string?>());

        var exception = (await act.Should().ThrowAsync<CliUsageException>()).Which;
        exception.Message.Should().Contain("Discord__Token").And.Contain("Discord:Token").And.NotContain("\n");
    }

    [Fact]
    public async Task TokenWithASpace_IsRefusedByTheStartupCheck()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = "Bot abc" }).Build();

        var exit = await DiscordRegisterCommand.RunAsync([], output, error, configuration, AppContext.BaseDirectory, AppContext.BaseDirectory);

        exit.Should().Be(2);
        output.ToString().Should().BeEmpty();
        error.ToString().Should().StartWith("Discord configuration:").And.Contain("Discord:Token");
    }

    [Fact]
    public async Task ManifestMissing_IsAUsageError()
    {
        var empty = Directory.CreateTempSubdirectory("klassenouderbot-no-manifests").FullName;
        try
        {
            var act = () => DiscordRegisterCommand.RunAsync([], TextWriter.Null, TextWriter.Null, new ConfigurationBuilder().Build(), empty, empty);

            (await act.Should().ThrowAsync<CliUsageException>()).Which.Message.Should().Contain("manifests/discord/commands.json not found");
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private static Task<int> RunAsync(Dictionary<string, string?> settings) =>
        DiscordRegisterCommand.RunAsync(
            [],
            TextWriter.Null,
            TextWriter.Null,
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            AppContext.BaseDirectory,
            AppContext.BaseDirectory);
}
