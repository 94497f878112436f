using System.Text.Json;
using KlassenouderBot.Faq;
using KlassenouderBot.Moderation;
using KlassenouderBot.School;

namespace KlassenouderBot.Cli;

/// <summary>The verbs of the contract (README, "Command line"). Exit codes: 0 ok, 1 failed run, 2 bad arguments or input.</summary>
public static class CommandLineApp
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "analyze", "replay", "eval-tone", "eval-threads", "teams-package", "discord-register", "ask", "eval-faq", "create-admin" };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, Console.In, output, error, CliConfiguration.Build);

    /// <summary>Runs a verb; the verbs that talk to a service read its settings from <paramref name="configuration"/>, which tests pass.</summary>
    internal static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<IConfiguration> configuration) =>
        RunAsync(args, TextReader.Null, output, error, configuration);

    /// <summary>Runs a verb that may read standard input (<c>create-admin --password-stdin</c>).</summary>
    internal static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, Func<IConfiguration> configuration)
    {
        try
        {
            return args[0] switch
            {
                "analyze" => await AnalyzeAsync(args[1..], output, error, configuration),
                "eval-tone" => EvalTone(args[1..], output),
                "replay" => await ReplayAsync(args[1..], output, error, configuration),
                "eval-threads" => await EvalThreadsAsync(args[1..], output),
                "ask" => Ask(args[1..], output),
                "eval-faq" => EvalFaq(args[1..], output),
                "teams-package" => TeamsPackageCommand.Run(args[1..], output, Environment.CurrentDirectory, AppContext.BaseDirectory),
                "discord-register" => await DiscordRegisterCommand.RunAsync(args[1..], output, error, configuration(), Environment.CurrentDirectory, AppContext.BaseDirectory),
                "create-admin" => await CreateAdminCommand.RunAsync(args[1..], input, output, configuration()),
                _ => throw new CliUsageException($"unknown verb '{args[0]}'"),
            };
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
        catch (SchoolConfigurationException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
        catch (SchoolGuideException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> AnalyzeAsync(string[] args, TextWriter output, TextWriter error, Func<IConfiguration> configuration)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string> { "lang" }, new HashSet<string>());
        var language = parsed.Value("lang") ?? "auto";
        if (language is not ("nl" or "en" or "auto"))
        {
            throw new CliUsageException($"--lang must be nl, en or auto, not '{language}'");
        }

        if (parsed.Positional.Count == 0)
        {
            throw new CliUsageException("usage: analyze [--lang nl|en|auto] TEXT");
        }

        var text = string.Join(' ', parsed.Positional);
        var context = new AnalysisContext { Language = language == "auto" ? null : language };
        await using var analyzer = CliToneAnalyzer.Create(configuration(), () => LoadSchool(null), error);
        var assessment = await analyzer.Analyzer.AssessAsync(text, context, CancellationToken.None);
        await output.WriteLineAsync(JsonSerializer.Serialize(CliJson.ToOutput(assessment), CliJson.Options));
        return 0;
    }

    private static int EvalTone(string[] args, TextWriter output)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string>(), new HashSet<string> { "json", "mistakes" });
        if (parsed.Positional.Count != 1)
        {
            throw new CliUsageException("usage: eval-tone FILE.tsv [--json]");
        }

        var rows = ToneEvaluator.ReadLabelled(parsed.Positional[0]);
        Action<string, string, ToneAssessment>? onMistake = parsed.Has("mistakes")
            ? (id, gold, a) => output.WriteLine($"{id}\tgold={gold}\tgot={CliJson.Label(a.Label)}\t{a.Score:0.00}\t{string.Join(", ", a.Signals.Where(s => s.Evidence.Length > 0).Select(s => $"{CliJson.Signal(s.Kind)}:{s.Evidence}"))}")
            : null;
        var evaluation = ToneEvaluator.Evaluate(rows, new LocalToneAnalyzer(), onMistake);
        output.WriteLine(parsed.Has("json") ? JsonSerializer.Serialize(evaluation, CliJson.Options) : ToneEvaluator.FormatTable(evaluation));
        return 0;
    }

    private static async Task<int> ReplayAsync(string[] args, TextWriter output, TextWriter error, Func<IConfiguration> configuration)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string> { "config", "groep" }, new HashSet<string> { "levels" });
        if (parsed.Positional.Count != 1)
        {
            throw new CliUsageException("usage: replay FILE [--config SCHOOL.yaml] [--groep GROEP]");
        }

        var school = LoadSchool(parsed.Value("config"));
        var groep = parsed.Value("groep");
        if (groep is not null && school.FindClass(groep) is null)
        {
            throw new CliUsageException($"--groep '{groep}' is not a groep in {school.SourcePath} (known: {string.Join(", ", school.Classes.Select(c => c.Groep))})");
        }

        var threads = TranscriptReader.Read(parsed.Positional[0]);
        await using var analyzer = CliToneAnalyzer.Create(configuration(), () => school, error);
        foreach (var thread in threads)
        {
            var actions = await ReplayRunner.RunAsync(thread, school, groep, analyzer.Analyzer, CancellationToken.None);
            foreach (var action in actions)
            {
                var line = action with { Thread = thread.Id, Level = parsed.Has("levels") ? action.Level : null };
                await output.WriteLineAsync(JsonSerializer.Serialize(line, CliJson.Options));
            }
        }

        return 0;
    }

    private static async Task<int> EvalThreadsAsync(string[] args, TextWriter output)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string> { "config" }, new HashSet<string> { "json", "details" });
        if (parsed.Positional.Count != 1)
        {
            throw new CliUsageException("usage: eval-threads FILE.jsonl [--json]");
        }

        var school = LoadSchool(parsed.Value("config"));
        var threads = TranscriptReader.Read(parsed.Positional[0]);
        var evaluation = await ThreadEvaluator.EvaluateAsync(threads, school, CancellationToken.None);
        if (!parsed.Has("details"))
        {
            evaluation = evaluation with { Details = null };
        }

        await output.WriteLineAsync(parsed.Has("json") ? JsonSerializer.Serialize(evaluation, CliJson.Options) : ThreadEvaluator.FormatTable(evaluation));
        return 0;
    }

    private static int Ask(string[] args, TextWriter output)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string> { "config", "groep" }, new HashSet<string> { "json" });
        if (parsed.Positional.Count == 0)
        {
            throw new CliUsageException("usage: ask [--config SCHOOL.yaml] [--groep GROEP] [--json] QUESTION");
        }

        var question = string.Join(' ', parsed.Positional);
        if (question.Trim().Length == 0)
        {
            throw new CliUsageException("the question is empty; usage: ask [--config SCHOOL.yaml] [--json] QUESTION");
        }

        var school = LoadSchool(parsed.Value("config"));
        var groep = parsed.Value("groep");
        if (groep is not null && school.FindClass(groep) is null)
        {
            throw new CliUsageException($"--groep '{groep}' is not a groep in {school.SourcePath} (known: {string.Join(", ", school.Classes.Select(c => c.Groep))})");
        }

        var result = FaqEngineFactory.Create(school).Ask(question, groep);
        var text = FaqReplies.Say(result, school, groep);
        output.WriteLine(parsed.Has("json")
            ? JsonSerializer.Serialize(new AskOutput(result.Answered, result.FaqId, result.Source, Math.Round(result.Confidence, 3), result.Answered ? result.Answer! : text), CliJson.Options)
            : text);
        return 0;
    }

    private static int EvalFaq(string[] args, TextWriter output)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string> { "config" }, new HashSet<string> { "json", "mistakes", "details" });
        if (parsed.Positional.Count != 1)
        {
            throw new CliUsageException("usage: eval-faq FILE.tsv [--config SCHOOL.yaml] [--json] [--mistakes] [--details]");
        }

        var rows = FaqEvaluator.ReadLabelled(parsed.Positional[0]);
        var engine = FaqEngineFactory.Create(LoadSchool(parsed.Value("config")));
        var evaluation = FaqEvaluator.Evaluate(rows, engine);
        output.WriteLine(
            parsed.Has("json") ? JsonSerializer.Serialize(evaluation, CliJson.Options)
            : parsed.Has("details") ? FaqEvaluator.FormatDetails(evaluation)
            : FaqEvaluator.FormatTable(evaluation, parsed.Has("mistakes")));
        return 0;
    }

    private static SchoolConfiguration LoadSchool(string? path) =>
        SchoolConfigurationLoader.Load(string.IsNullOrWhiteSpace(path) ? SchoolOptions.DefaultConfigPath : path);
}

/// <summary>The <c>ask --json</c> shape of the contract.</summary>
internal sealed record AskOutput(
    bool Answered,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? FaqId,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? Source,
    double Confidence,
    string Answer);
