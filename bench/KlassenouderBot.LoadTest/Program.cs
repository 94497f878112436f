using System.Globalization;
using System.Text.Json;
using KlassenouderBot.LoadTest;

// "bare": this executable is also the comparison server, started as a child process by the run.
if (args is [BareServer.Verb, ..])
{
    return await BareServer.RunAsync(args[1..]);
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

if (!LoadOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine($"load: {error}");
    return 2;
}

if (AppUnderTest.Locate(options.AppPath) is not { } appDll)
{
    Console.Error.WriteLine(options.AppPath is null
        ? $"load: no Release build of the app at {AppUnderTest.DefaultBuildPath}: run bench/load, which builds it, or pass --app"
        : $"load: --app: '{options.AppPath}' does not exist");
    return 2;
}

var folder = Directory.CreateTempSubdirectory("klassenouderbot-load-").FullName;
RunReport report;
try
{
    report = await new LoadRun(options, appDll, folder, Console.Out).RunAsync();
}
catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
{
    // A server that does not start, or dies: one line, and the logs to look at.
    Console.Error.WriteLine($"load: {exception.Message} (logs in {folder})");
    return 1;
}

// The logs stay for reading; the database (tens of MB after the memory phase) goes.
foreach (var file in Directory.EnumerateFiles(folder, "load.db*"))
{
    File.Delete(file);
}

ReportTable.Write(report, Console.Out);
var outPath = options.OutPath ?? Path.Combine(
    AppUnderTest.RepositoryRoot() ?? Environment.CurrentDirectory,
    "bench",
    "results",
    $"load-{report.FinishedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(report, ReportJsonContext.Default.RunReport));
Console.WriteLine($"results: {outPath}");
if (report.Targets.Any(t => t.Met == false))
{
    Console.WriteLine(options.Short
        ? "targets not met: expected on a shared CI machine with short phases; this is not a failure"
        : "TARGETS NOT MET (see above); the run itself completed, so the exit code is 0");
}

return report.Problems.Count > 0 ? 1 : 0;
