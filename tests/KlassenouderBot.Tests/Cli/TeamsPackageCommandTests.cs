using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using KlassenouderBot.Cli;
using KlassenouderBot.Tests.School;

namespace KlassenouderBot.Tests.Cli;

public sealed partial class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    /// <summary>The schema version manifests/teams/manifest.json is pinned to; the required fields below are that version's.</summary>
    private const string PinnedSchemaVersion = "1.30";

    private readonly TempSchoolFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Task<(int Exit, string Output, string Error)> CreateSut(params string[] args) => CliRun.RunAsync(["teams-package", .. args]);


    private async Task<string> PackageAsync()
    {
        var zip = Path.Combine(_files.Directory, "teams.zip");
        var (exit, output, error) = await CreateSut("--app-id", AppId, "--out", zip);
        exit.Should().Be(0, error);
        return zip;
    }

    private static JsonElement ManifestIn(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var stream = archive.GetEntry("manifest.json")!.Open();
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    private static PngImage IconIn(string zip, string name)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var stream = archive.GetEntry(name)!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return PngImage.Read(bytes.ToArray());
    }

    private static string RepositoryManifestFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KlassenouderBot.sln")))
            {
                return Path.Combine(directory.FullName, "manifests", "teams");
            }
        }

        throw new InvalidOperationException("KlassenouderBot.sln not found above the test binaries");
    }

    private string CopyOfManifestFolder(string manifestJson)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_files.Directory, "checkout", "manifests", "teams")).FullName;
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifestJson);
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            File.Copy(Path.Combine(RepositoryManifestFolder(), icon), Path.Combine(folder, icon));
        }

        return Path.Combine(_files.Directory, "checkout");
    }

    [Fact]
    public async Task RunAsync_ValidAppId_PrintsTheFullPathOfTheZip()
    {
        var zip = Path.Combine(_files.Directory, "teams.zip");

        var (exit, output, error) = await CreateSut("--app-id", AppId, "--out", zip);

        exit.Should().Be(0);
        error.Should().BeEmpty();
        output.TrimEnd('\r', '\n').Should().Be(Path.GetFullPath(zip));
        File.Exists(zip).Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_ValidAppId_ZipHoldsExactlyManifestAndIconsAtTheRoot()
    {
        var zip = await PackageAsync();

        using var archive = ZipFile.OpenRead(zip);
        archive.Entries.Select(e => e.FullName).Should().BeEquivalentTo("manifest.json", "color.png", "outline.png");
        Directory.GetFiles(_files.Directory).Should().Equal([zip], "no temporary file is left behind");
    }

    [Fact]
    public async Task RunAsync_ValidAppId_PutsTheIdInEveryIdField()
    {
        var manifest = ManifestIn(await PackageAsync());

        manifest.GetProperty("id").GetString().Should().Be(AppId);
        manifest.GetProperty("bots").EnumerateArray().Should().ContainSingle()
            .Which.GetProperty("botId").GetString().Should().Be(AppId);
        var webApplicationInfo = manifest.GetProperty("webApplicationInfo");
        webApplicationInfo.GetProperty("id").GetString().Should().Be(AppId);
        webApplicationInfo.GetProperty("resource").GetString().Should().Be($"api://botid-{AppId}");
        manifest.GetRawText().Should().NotContain(TeamsPackageCommand.Placeholder);
    }

    [Fact]
    public async Task RunAsync_UpperCaseAppId_IsWrittenInLowerCase()
    {
        var zip = Path.Combine(_files.Directory, "teams.zip");

        var (exit, _, _) = await CreateSut("--app-id", AppId.ToUpperInvariant(), "--out", zip);

        exit.Should().Be(0);
        ManifestIn(zip).GetProperty("id").GetString().Should().Be(AppId);
    }

    [Fact]
    public async Task RunAsync_ValidAppId_ManifestAsksForBothRscPermissionsAsApplication()
    {
        var manifest = ManifestIn(await PackageAsync());

        var permissions = manifest.GetProperty("authorization").GetProperty("permissions").GetProperty("resourceSpecific")
            .EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString(), Type: p.GetProperty("type").GetString())).ToList();
        permissions.Should().BeEquivalentTo(new[] { ("ChannelMessage.Read.Group", "Application"), ("ChatMessage.Read.Chat", "Application") });
    }

    [Fact]
    public async Task RunAsync_ValidAppId_BotHasPersonalTeamAndGroupChatScopes()
    {
        var bot = ManifestIn(await PackageAsync()).GetProperty("bots")[0];

        bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Should().BeEquivalentTo("personal", "team", "groupChat");
        bot.GetProperty("supportsFiles").GetBoolean().Should().BeFalse();
        bot.GetProperty("isNotificationOnly").GetBoolean().Should().BeFalse();
        var commandScopes = bot.GetProperty("commandLists").EnumerateArray().SelectMany(l => l.GetProperty("scopes").EnumerateArray()).Select(s => s.GetString());
        commandScopes.Should().BeEquivalentTo("personal", "team", "groupChat");
    }

    [Fact]
    public async Task RunAsync_ValidAppId_ManifestVersionMatchesTheSchemaUrl()
    {
        var manifest = ManifestIn(await PackageAsync());

        var schema = manifest.GetProperty("$schema").GetString()!;
        var match = Regex.Match(schema, @"^https://developer\.microsoft\.com/json-schemas/teams/v(\d+\.\d+)/MicrosoftTeams\.schema\.json$");
        match.Success.Should().BeTrue(schema);
        manifest.GetProperty("manifestVersion").GetString().Should().Be(match.Groups[1].Value);
    }

    [Fact]
    public async Task RunAsync_ValidAppId_IconsHaveTheSizesTeamsRequires()
    {
        var zip = await PackageAsync();

        var color = IconIn(zip, "color.png");
        (color.Width, color.Height).Should().Be((192, 192));
        var outline = IconIn(zip, "outline.png");
        (outline.Width, outline.Height).Should().Be((32, 32));
    }

    [Fact]
    public async Task RunAsync_ValidAppId_OutlineIconIsWhiteOnTransparent()
    {
        var outline = IconIn(await PackageAsync(), "outline.png");

        outline.ColorType.Should().Be(6, "the outline icon needs an alpha channel");
        var pixels = outline.Pixels().ToList();
        pixels.Where(p => p.A > 0).Should().OnlyContain(p => p.R == 255 && p.G == 255 && p.B == 255, "every visible pixel is white");
        pixels.Count(p => p.A == 0).Should().BeGreaterThan(pixels.Count / 2, "the background is transparent");
        pixels.Count(p => p.A == 255).Should().BeGreaterThan(50, "the outline is visible");
    }

    [Fact]
    public async Task RunAsync_ValidAppId_ColorIconIsOpaqueAndColoured()
    {
        var color = IconIn(await PackageAsync(), "color.png");

        var pixels = color.Pixels().ToList();
        pixels.Should().OnlyContain(p => p.A == 255, "the colour icon fills its square");
        pixels.Select(p => (p.R, p.G, p.B)).Distinct().Count().Should().BeGreaterThan(3, "it is a drawing, not a flat square");
    }

    [Fact]
    public async Task RunAsync_ExistingOutFile_IsReplaced()
    {
        var zip = Path.Combine(_files.Directory, "teams.zip");
        await File.WriteAllTextAsync(zip, "old");

        var (exit, _, _) = await CreateSut("--app-id", AppId, "--out", zip);

        exit.Should().Be(0);
        ManifestIn(zip).GetProperty("id").GetString().Should().Be(AppId);
    }

    [Fact]
    public void Run_NoOut_WritesTheDefaultZipInTheCurrentFolder()
    {
        using var output = new StringWriter();

        var exit = TeamsPackageCommand.Run(["--app-id", AppId], output, _files.Directory, AppContext.BaseDirectory);

        exit.Should().Be(0);
        var expected = Path.Combine(_files.Directory, TeamsPackageCommand.DefaultOutput);
        output.ToString().TrimEnd('\r', '\n').Should().Be(expected);
        File.Exists(expected).Should().BeTrue();
    }

    [Fact]
    public void Run_ManifestAboveCurrentFolder_WinsOverTheCopyNextToTheProgram()
    {
        var manifest = File.ReadAllText(Path.Combine(RepositoryManifestFolder(), "manifest.json")).Replace("\"1.0.0\"", "\"2.3.4\"", StringComparison.Ordinal);
        var checkout = CopyOfManifestFolder(manifest);
        var working = Directory.CreateDirectory(Path.Combine(checkout, "src")).FullName;
        using var output = new StringWriter();

        var exit = TeamsPackageCommand.Run(["--app-id", AppId, "--out", "teams.zip"], output, working, AppContext.BaseDirectory);

        exit.Should().Be(0);
        ManifestIn(Path.Combine(working, "teams.zip")).GetProperty("version").GetString().Should().Be("2.3.4");
    }

    [Fact]
    public void RepositoryManifest_Parses_HasEveryFieldTheSchemaRequires()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryManifestFolder(), "manifest.json")));
        var manifest = document.RootElement;

        // "required" of the root and of the objects below it in MicrosoftTeams.schema.json v1.30.
        var requiredRoot = new[] { "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor" };
        manifest.EnumerateObject().Select(p => p.Name).Should().Contain(requiredRoot);
        manifest.GetProperty("$schema").GetString().Should().Be($"https://developer.microsoft.com/json-schemas/teams/v{PinnedSchemaVersion}/MicrosoftTeams.schema.json");
        manifest.GetProperty("manifestVersion").GetString().Should().Be(PinnedSchemaVersion);
        manifest.GetProperty("version").GetString().Should().MatchRegex(@"^\d+\.\d+\.\d+$");
        manifest.GetProperty("accentColor").GetString().Should().MatchRegex("^#[0-9a-fA-F]{6}$");

        var developer = manifest.GetProperty("developer");
        developer.GetProperty("name").GetString().Should().Be("KlassenouderBot");
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            developer.GetProperty(url).GetString().Should().StartWith("https://klassenouderbot.example/");
        }

        manifest.GetProperty("name").GetProperty("short").GetString().Should().Be("KlassenouderBot");
        manifest.GetProperty("name").GetProperty("full").GetString()!.Length.Should().BeLessThanOrEqualTo(100);
        var description = manifest.GetProperty("description");
        description.GetProperty("short").GetString()!.Length.Should().BeInRange(1, 80);
        description.GetProperty("full").GetString()!.Length.Should().BeInRange(1, 4000);
        description.GetProperty("full").GetString().Should().Contain("in het geheugen", "the Store wants the data use explained");
        manifest.GetProperty("icons").GetProperty("color").GetString().Should().Be("color.png");
        manifest.GetProperty("icons").GetProperty("outline").GetString().Should().Be("outline.png");

        var bot = manifest.GetProperty("bots").EnumerateArray().Should().ContainSingle().Subject;
        bot.GetProperty("botId").GetString().Should().Be(TeamsPackageCommand.Placeholder);
        bot.GetProperty("scopes").GetArrayLength().Should().BeGreaterThan(0);
        foreach (var list in bot.GetProperty("commandLists").EnumerateArray())
        {
            list.GetProperty("scopes").GetArrayLength().Should().BeGreaterThan(0);
            list.GetProperty("commands").EnumerateArray().Should().OnlyContain(c => c.GetProperty("title").GetString()!.Length > 0);
        }

        manifest.GetProperty("id").GetString().Should().Be(TeamsPackageCommand.Placeholder);
        manifest.GetProperty("webApplicationInfo").GetProperty("id").GetString().Should().Be(TeamsPackageCommand.Placeholder);
        manifest.GetProperty("webApplicationInfo").GetProperty("resource").GetString().Should().NotBeNullOrEmpty();
        manifest.GetProperty("validDomains").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void RepositoryIcons_HaveTheSizesTeamsRequires()
    {
        var folder = RepositoryManifestFolder();

        var color = PngImage.Read(File.ReadAllBytes(Path.Combine(folder, "color.png")));
        var outline = PngImage.Read(File.ReadAllBytes(Path.Combine(folder, "outline.png")));

        (color.Width, color.Height, color.BitDepth, color.Interlace).Should().Be((192, 192, 8, 0));
        (outline.Width, outline.Height, outline.BitDepth, outline.Interlace).Should().Be((32, 32, 8, 0));
    }
}
