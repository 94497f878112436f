namespace KlassenouderBot.Cli;

/// <summary>The verbs of the contract (README, "Command line"). Exit codes: 0 ok, 1 failed check, 2 bad input.</summary>
public static class CommandLineApp
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "analyze", "replay", "eval-tone", "eval-threads" };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        _ = output;
        error.WriteLine($"'{args[0]}' is not implemented yet");
        return Task.FromResult(1);
    }
}
