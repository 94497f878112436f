using System.Text;
using System.Text.Json;
using KlassenouderBot.Tests.School;

using static KlassenouderBot.Tests.Cli.CliRun;

namespace KlassenouderBot.Tests.Cli;

public sealed class CommandLineAppTests : IDisposable
{
    private readonly TempSchoolFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Task<(int Exit, string Output, string Error)> CreateSut(params string[] args) => CliRun.RunAsync(args);


    private static string Message(string ts, string author, string text) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["ts"] = ts, ["author"] = author, ["text"] = text });

    [Fact]
    public async Task RunAsync_AnalyzeWithoutText_ExitsTwoWithOneLine()
    {
        ShouldBeUsageError(await CreateSut("analyze"), "usage");
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("de")]
    [InlineData("NL")]
    public async Task RunAsync_AnalyzeUnknownLanguage_ExitsTwo(string language)
    {
        ShouldBeUsageError(await CreateSut("analyze", "--lang", language, "hallo"), "--lang");
    }

    [Fact]
    public async Task RunAsync_AnalyzeLangWithoutValue_ExitsTwo()
    {
        ShouldBeUsageError(await CreateSut("analyze", "--lang"), "--lang");
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ExitsTwo()
    {
        ShouldBeUsageError(await CreateSut("analyze", "--loud", "hallo"), "--loud");
    }

    [Fact]
    public async Task RunAsync_Analyze_PrintsTheContractShape()
    {
        var (exit, output, error) = await CreateSut("analyze", "die kankerjuf heeft weer niks geregeld");

        exit.Should().Be(0);
        error.Should().BeEmpty();
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("label", "score", "signals", "language");
        root.GetProperty("label").GetString().Should().Be("hurtful");
        root.GetProperty("score").GetDouble().Should().BeInRange(0, 1);
        root.GetProperty("language").GetString().Should().Be("nl");
        var signals = root.GetProperty("signals").EnumerateArray().ToList();
        signals.Should().NotBeEmpty();
        signals.Should().OnlyContain(s => s.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "kind", "evidence" }));
        signals.Select(s => s.GetProperty("kind").GetString()).Should().Contain("disease_curse");
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task RunAsync_AnalyzeWithLanguage_ReportsThatLanguage(string language)
    {
        var (exit, output, _) = await CreateSut("analyze", "--lang", language, "hallo allemaal");

        exit.Should().Be(0);
        JsonDocument.Parse(output).RootElement.GetProperty("language").GetString().Should().Be(language);
    }

    [Fact]
    public async Task RunAsync_AnalyzeOkText_PrintsOkWithEmptySignals()
    {
        var (exit, output, _) = await CreateSut("analyze", "--lang", "auto", "Wie", "heeft", "mijn", "jas?");

        exit.Should().Be(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("label").GetString().Should().Be("ok");
        root.GetProperty("signals").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_EvalToneMissingFile_ExitsTwoNamingTheFile()
    {
        var path = Path.Combine(_files.Directory, "nope.tsv");

        ShouldBeUsageError(await CreateSut("eval-tone", path), path, "not found");
    }

    [Fact]
    public async Task RunAsync_EvalToneBadHeader_ExitsTwoWithLineOne()
    {
        var path = _files.Write("id,label,text\n1,ok,hallo\n", "bad.tsv");

        ShouldBeUsageError(await CreateSut("eval-tone", path), $"{path}:1:");
    }

    [Fact]
    public async Task RunAsync_EvalToneUnknownLabel_ExitsTwoNamingTheLine()
    {
        var path = _files.Write("id\tlabel\ttext\na\tok\thallo\nb\tboos\twat een weer\n", "labels.tsv");

        ShouldBeUsageError(await CreateSut("eval-tone", path), $"{path}:3:", "boos");
    }

    [Fact]
    public async Task RunAsync_EvalToneMissingColumn_ExitsTwoNamingTheLine()
    {
        var path = _files.Write("id\tlabel\ttext\na\tok\n", "columns.tsv");

        ShouldBeUsageError(await CreateSut("eval-tone", path), $"{path}:2:");
    }

    [Fact]
    public async Task RunAsync_EvalToneBinaryFile_ExitsTwo()
    {
        var path = _files.WriteBytes([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF], "picture.tsv");

        ShouldBeUsageError(await CreateSut("eval-tone", path), path, "binary");
    }

    [Fact]
    public async Task RunAsync_EvalToneSmallFile_PrintsContractJson()
    {
        var path = _files.Write("id\tlabel\ttext\r\na\tok\tWie heeft mijn jas gezien?\r\nb\thurtful\tdie kankerjuf heeft weer niks geregeld\r\nc\tconcern\tIk maak me zorgen dat mijn zoon gepest wordt\r\n", "small.tsv");

        var (exit, output, _) = await CreateSut("eval-tone", path, "--json");

        exit.Should().Be(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("n").GetInt32().Should().Be(3);
        root.GetProperty("macro_f1").GetDouble().Should().BeInRange(0, 1);
        root.GetProperty("per_label").GetProperty("hurtful").GetProperty("support").GetInt32().Should().Be(1);
        root.GetProperty("confusion").GetProperty("hurtful").GetProperty("hurtful").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_ReplayMalformedJsonLine_ExitsTwoNamingTheLine()
    {
        var path = _files.Write(
            Message("2026-01-14T19:02:00+01:00", "Sanne", "hallo") + "\n" + "{\"ts\": \"2026-01-14T19:03:00+01:00\", \"author\": \"Mark\", \"text\": \n",
            "broken.jsonl");

        ShouldBeUsageError(await CreateSut("replay", path), $"{path}:2:");
    }

    [Fact]
    public async Task RunAsync_ReplayMessageWithoutAuthor_ExitsTwoNamingTheLine()
    {
        var path = _files.Write(
            Message("2026-01-14T19:02:00+01:00", "Sanne", "hallo") + "\n{\"ts\":\"2026-01-14T19:03:00+01:00\",\"text\":\"hoi\"}\n",
            "noauthor.jsonl");

        ShouldBeUsageError(await CreateSut("replay", path), $"{path}:2:", "author");
    }

    [Fact]
    public async Task RunAsync_ReplayMessageWithBadTimestamp_ExitsTwoNamingTheLine()
    {
        var path = _files.Write(Message("gisteren", "Sanne", "hallo") + "\n", "badts.jsonl");

        ShouldBeUsageError(await CreateSut("replay", path), $"{path}:1:", "ts");
    }

    [Fact]
    public async Task RunAsync_ReplayBinaryFile_ExitsTwo()
    {
        var bytes = new byte[512];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var path = _files.WriteBytes(bytes, "garbage.jsonl");

        ShouldBeUsageError(await CreateSut("replay", path), path);
    }

    [Fact]
    public async Task RunAsync_ReplayInvalidUtf8_ExitsTwo()
    {
        var path = _files.WriteBytes([0x7B, 0xC3, 0x28, 0x7D, 0x0A], "latin.jsonl");

        ShouldBeUsageError(await CreateSut("replay", path), path, "UTF-8");
    }

    [Fact]
    public async Task RunAsync_ReplayMissingFile_ExitsTwoNamingTheFile()
    {
        var path = Path.Combine(_files.Directory, "missing.jsonl");

        ShouldBeUsageError(await CreateSut("replay", path), path);
    }

    [Fact]
    public async Task RunAsync_ReplayJsonArrayLine_ExitsTwo()
    {
        var path = _files.Write("[1, 2, 3]\n", "array.jsonl");

        ShouldBeUsageError(await CreateSut("replay", path), $"{path}:1:");
    }

    [Fact]
    public async Task RunAsync_ReplayPlainTranscript_PrintsOneJsonLinePerAction()
    {
        var lines = new[]
        {
            Message("2026-01-14T19:02:00+01:00", "Sanne", "Weet iemand of er morgen gym is?"),
            Message("2026-01-14T19:04:00+01:00", "Mark", "die kankerjuf heeft weer niks geregeld"),
            Message("2026-01-14T19:05:00+01:00", "Aylin", "wat een kutschool is dit zeg"),
        };
        var path = _files.Write(string.Join("\n", lines) + "\n", "plain.jsonl");

        var (exit, output, error) = await CreateSut("replay", path);

        exit.Should().Be(0);
        error.Should().BeEmpty();
        var actions = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        actions.Should().NotBeEmpty();
        foreach (var action in actions)
        {
            action.GetProperty("index").GetInt32().Should().BeInRange(0, 2);
            action.GetProperty("action").GetString().Should().BeOneOf("private_nudge", "group_message", "alert", "faq_answer");
            action.GetProperty("to").GetString().Should().NotBeNullOrEmpty();
            action.GetProperty("text").GetString().Should().NotBeNullOrEmpty();
        }

        actions.Should().Contain(a => a.GetProperty("index").GetInt32() == 1 && a.GetProperty("action").GetString() == "private_nudge" && a.GetProperty("to").GetString() == "Mark");
        actions.Should().Contain(a => a.GetProperty("index").GetInt32() == 2 && a.GetProperty("action").GetString() == "alert");
    }

    [Fact]
    public async Task RunAsync_ReplayThreadFile_PrintsActionsPerThread()
    {
        var thread = "{\"id\":\"t1\",\"escalates_at\":null,\"messages\":[" + Message("2026-01-14T19:02:00+01:00", "Mark", "die kankerjuf heeft weer niks geregeld") + "]}";
        var path = _files.Write(thread + "\n", "threads.jsonl");

        var (exit, output, _) = await CreateSut("replay", path);

        exit.Should().Be(0);
        JsonDocument.Parse(output.Split('\n')[0]).RootElement.GetProperty("index").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_ReplayInvalidSchoolConfig_ExitsTwoNamingFileAndLine()
    {
        var transcript = _files.Write(Message("2026-01-14T19:02:00+01:00", "Sanne", "hallo") + "\n", "plain.jsonl");
        var config = _files.Write("school:\n  name: \"Test school\"\n  contacts: [5, 6\n  email: \"x@school.example\"\n", "school.yaml");

        ShouldBeUsageError(await CreateSut("replay", transcript, "--config", config), $"{config}:3:");
    }

    [Fact]
    public async Task RunAsync_ReplayMissingSchoolConfig_ExitsTwoNamingTheFile()
    {
        var transcript = _files.Write(Message("2026-01-14T19:02:00+01:00", "Sanne", "hallo") + "\n", "plain.jsonl");
        var config = Path.Combine(_files.Directory, "missing.yaml");

        ShouldBeUsageError(await CreateSut("replay", transcript, "--config", config), config);
    }

    [Fact]
    public async Task RunAsync_ReplayUnknownGroep_ExitsTwo()
    {
        var transcript = _files.Write(Message("2026-01-14T19:02:00+01:00", "Sanne", "hallo") + "\n", "plain.jsonl");

        ShouldBeUsageError(await CreateSut("replay", transcript, "--groep", "99"), "99");
    }

    [Fact]
    public async Task RunAsync_EvalThreadsMalformedLine_ExitsTwoNamingTheLine()
    {
        var path = _files.Write("{\"id\":\"t1\",\"messages\":[]}\nnot json\n", "threads.jsonl");

        ShouldBeUsageError(await CreateSut("eval-threads", path), $"{path}:2:");
    }

    [Fact]
    public async Task RunAsync_UnknownVerb_ExitsTwo()
    {
        ShouldBeUsageError(await CreateSut("frobnicate"), "frobnicate");
    }

    [Fact]
    public async Task RunAsync_AnalyzeBinaryGarbageText_ExitsZeroWithValidJson()
    {
        var garbage = Encoding.Latin1.GetString(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray());

        var (exit, output, _) = await CreateSut("analyze", "--", garbage);

        exit.Should().Be(0);
        JsonDocument.Parse(output).RootElement.GetProperty("label").GetString().Should().BeOneOf("ok", "concern", "hurtful");
    }
}
