using System.Diagnostics;
using System.Text.Json;
using KlassenouderBot.Cli;
using Microsoft.Extensions.Configuration;

namespace KlassenouderBot.IntegrationTests.Azure;

/// <summary><c>analyze</c> and <c>replay</c> with Azure configured: its signals in the output, its failures on stderr only.</summary>
public sealed class AzureCommandLineTests : IAsyncLifetime
{
    private const string Hurtful = "Die juf is waardeloos, wat een trut";

    private FakeAzureLanguage _azure = null!;

    public async Task InitializeAsync() => _azure = await FakeAzureLanguage.StartAsync();

    public async Task DisposeAsync() => await _azure.DisposeAsync();

    [Fact]
    public async Task Analyze_AzureConfigured_PrintsItsSignalsWithTheirSource()
    {
        var (exit, output, error) = await RunAsync(WithAzure(), "analyze", Hurtful);

        exit.Should().Be(0);
        error.Should().BeEmpty();
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("label").GetString().Should().Be("hurtful");
        var signals = root.GetProperty("signals").EnumerateArray().ToList();
        signals.Should().Contain(s => s.GetProperty("kind").GetString() == "negative_sentiment" && s.GetProperty("source").GetString() == "azure");
        signals.Where(s => !s.TryGetProperty("source", out _)).Should().NotBeEmpty("the local signals keep the contract's shape");
        _azure.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Analyze_AzureRefusesTheKey_PrintsTheLocalVerdictAndSaysWhyOnStderr()
    {
        _azure.Behave = FakeAzureLanguage.Failing(401, "Unauthorized", "Access denied due to invalid subscription key.");
        var (_, local, _) = await RunAsync(new Dictionary<string, string?>(), "analyze", Hurtful);

        var (exit, output, error) = await RunAsync(WithAzure(), "analyze", Hurtful);

        exit.Should().Be(0);
        output.Should().Be(local);
        error.Should().Contain("AzureLanguage:Key").And.NotContain("   at ");
    }

    [Fact]
    public async Task Analyze_AzureEndpointNotAUrl_ExitsTwoWithOneLine()
    {
        var settings = WithAzure();
        settings["AzureLanguage:Endpoint"] = "not a url";

        var (exit, output, error) = await RunAsync(settings, "analyze", Hurtful);

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.TrimEnd().Should().Contain("AzureLanguage:Endpoint").And.NotContain("\n").And.NotContain("   at ");
        _azure.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Replay_AzureConfigured_ConsultsItAndDecidesAsTheServerDoes()
    {
        var transcript = Path.Combine(Path.GetTempPath(), $"azure-replay-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(transcript,
        [
            """{"ts":"2026-11-20T19:00:00+01:00","author":"Anna","text":"Wat vervelend dat de juf ziek is, beterschap!"}""",
            """{"ts":"2026-11-20T19:01:00+01:00","author":"Bram","text":"Die juf is waardeloos, wat een trut"}""",
        ]);
        try
        {
            var (_, local, _) = await RunAsync(new Dictionary<string, string?>(), "replay", transcript);

            var (exit, output, error) = await RunAsync(WithAzure(), "replay", transcript);

            exit.Should().Be(0);
            error.Should().BeEmpty();
            _azure.Requests.Should().HaveCount(2);
            output.Should().Be(local, "Azure leaves the sad news alone and agrees on the insult");
            output.Should().Contain("\"index\":1,\"action\":\"private_nudge\"").And.NotContain("\"index\":0");
        }
        finally
        {
            File.Delete(transcript);
        }
    }

    /// <summary>The real program in a child process, configured the way an operator does it: environment variables.</summary>
    [Fact]
    public async Task Analyze_AsAProcessWithEnvironmentVariables_UsesAzure()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "KlassenouderBot.dll"), "analyze", Hurtful })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AzureLanguage__Endpoint"] = _azure.Endpoint.ToString();
        start.Environment["AzureLanguage__Key"] = SecondOpinionHarness.Key;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(0, await error);
        (await output).Should().Contain("\"source\":\"azure\"");
        _azure.Keys.Should().ContainSingle().Which.Should().Be(SecondOpinionHarness.Key);
    }

    private Dictionary<string, string?> WithAzure() => new()
    {
        ["AzureLanguage:Endpoint"] = _azure.Endpoint.ToString(),
        ["AzureLanguage:Key"] = SecondOpinionHarness.Key,
    };

    private static async Task<(int Exit, string Output, string Error)> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var exit = await CommandLineApp.RunAsync(args, output, error, () => configuration);
        return (exit, output.ToString(), error.ToString());
    }
}
