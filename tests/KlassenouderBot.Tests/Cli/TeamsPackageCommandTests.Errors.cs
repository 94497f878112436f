using KlassenouderBot.Cli;

using static KlassenouderBot.Tests.Cli.CliRun;

namespace KlassenouderBot.Tests.Cli;

/// <summary>Bad input: exit code 2, one line on stderr, nothing written.</summary>
public sealed partial class TeamsPackageCommandTests
{
    [Theory]
    [InlineData("nope")]
    [InlineData("3f2504e0")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c330")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]
    [InlineData("3f2504e04f8941d39a0c0305e82c3301")]
    [InlineData("")]
    public async Task RunAsync_BadAppId_ExitsTwoAndWritesNothing(string appId)
    {
        var zip = Path.Combine(_files.Directory, "teams.zip");

        ShouldBeUsageError(await CreateSut("--app-id", appId, "--out", zip), "--app-id", "GUID");
        Directory.EnumerateFileSystemEntries(_files.Directory).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_PlaceholderAppId_ExitsTwo()
    {
        var zip = Path.Combine(_files.Directory, "teams.zip");

        ShouldBeUsageError(await CreateSut("--app-id", TeamsPackageCommand.Placeholder, "--out", zip), "placeholder");
        Directory.EnumerateFileSystemEntries(_files.Directory).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_MissingAppId_ExitsTwoWithUsage()
    {
        ShouldBeUsageError(await CreateSut("--out", Path.Combine(_files.Directory, "teams.zip")), "usage", "--app-id");
        Directory.EnumerateFileSystemEntries(_files.Directory).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_AppIdWithoutValue_ExitsTwo()
    {
        ShouldBeUsageError(await CreateSut("--app-id"), "--app-id");
    }

    [Fact]
    public async Task RunAsync_PositionalArgument_ExitsTwoWithUsage()
    {
        ShouldBeUsageError(await CreateSut("--app-id", AppId, "extra"), "usage");
    }

    [Fact]
    public async Task RunAsync_OutIntoMissingFolder_ExitsTwoAndCreatesNoFolder()
    {
        var missing = Path.Combine(_files.Directory, "missing");

        ShouldBeUsageError(await CreateSut("--app-id", AppId, "--out", Path.Combine(missing, "teams.zip")), missing, "folder not found");
        Directory.Exists(missing).Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_OutIsAFolder_ExitsTwo()
    {
        ShouldBeUsageError(await CreateSut("--app-id", AppId, "--out", _files.Directory), "is a folder");
        Directory.EnumerateFileSystemEntries(_files.Directory).Should().BeEmpty();
    }

    [Fact]
    public void Run_NoManifestAnywhere_FailsWithOneLine()
    {
        var nowhere = Directory.CreateDirectory(Path.Combine(_files.Directory, "nowhere")).FullName;

        var act = () => TeamsPackageCommand.Run(["--app-id", AppId], TextWriter.Null, nowhere, nowhere);

        act.Should().Throw<CliUsageException>().WithMessage("*manifests/teams/manifest.json not found*");
    }

    [Fact]
    public void Run_ManifestNotJson_FailsNamingTheFile()
    {
        var checkout = CopyOfManifestFolder("{ \"id\": ");

        var act = () => TeamsPackageCommand.Run(["--app-id", AppId], TextWriter.Null, checkout, checkout);

        act.Should().Throw<CliUsageException>().WithMessage("*manifest.json: not valid JSON*");
        File.Exists(Path.Combine(checkout, TeamsPackageCommand.DefaultOutput)).Should().BeFalse();
    }
}
