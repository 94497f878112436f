using System.Globalization;

namespace KlassenouderBot.LoadTest;

/// <summary>What one run of the load generator does; the defaults are the full run, <c>--short</c> the CI one.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        usage: bench/load [--short] [--duration SECONDS] [--concurrency N] [--conversations N]
                          [--conversations-for-memory N] [--postgres CONNECTION_STRING] [--out PATH] [--app DLL]

          --short                      CI run: 3 s phases, 8 senders, 50 conversations, 2,000 for memory
          --duration SECONDS           length of each measured phase (default 20)
          --concurrency N              closed-loop senders at peak (default 32)
          --conversations N            class group chats the load is spread over (default 200)
          --conversations-for-memory N new chats for the memory phase, one message each (default 10,000)
          --postgres CONNECTION_STRING run the app on PostgreSQL instead of a fresh SQLite file
          --out PATH                   the JSON results (default bench/results/load-<timestamp>.json)
          --app DLL                    the app to load (default src/KlassenouderBot/bin/Release/net10.0/KlassenouderBot.dll)
        """;

    private static readonly string[] ValueOptions = ["--duration", "--concurrency", "--conversations", "--conversations-for-memory", "--postgres", "--out", "--app"];

    public bool Short { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Warm-up rounds are repeated until the bot's sends settle, at most this many times.</summary>
    public int MaxWarmUpRounds { get; init; } = 8;

    public int Concurrency { get; init; } = 32;

    public int Conversations { get; init; } = 200;

    public int MemoryConversations { get; init; } = 10_000;

    public string? Postgres { get; init; }

    public string? OutPath { get; init; }

    public string? AppPath { get; init; }

    /// <summary>Parses the command line; <paramref name="error"/> is one line for the user when it fails.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out LoadOptions options, out string error)
    {
        options = new LoadOptions();
        error = "";
        if (args.Contains("--short"))
        {
            // 50 conversations: the drain's help replies then fit in one second of the bot's 50 sends/s.
            options = options with
            {
                Short = true,
                Duration = TimeSpan.FromSeconds(3),
                WarmUp = TimeSpan.FromSeconds(2),
                MaxWarmUpRounds = 2,
                Concurrency = 8,
                Conversations = 50,
                MemoryConversations = 2_000,
            };
        }

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--short")
            {
                continue;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{name}' (see --help)";
                return false;
            }

            if (!ValueOptions.Contains(name))
            {
                error = $"unknown option '{name}' (see --help)";
                return false;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value (see --help)";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--duration" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600:
                    options = options with { Duration = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--concurrency" when Positive(value, 4096) is { } concurrency:
                    options = options with { Concurrency = concurrency };
                    break;
                case "--conversations" when Positive(value, 100_000) is { } conversations:
                    options = options with { Conversations = conversations };
                    break;
                case "--conversations-for-memory" when Positive(value, 1_000_000) is { } memory:
                    options = options with { MemoryConversations = memory };
                    break;
                case "--postgres" when value.Length > 0:
                    options = options with { Postgres = value };
                    break;
                case "--out" when value.Length > 0:
                    options = options with { OutPath = value };
                    break;
                case "--app" when value.Length > 0:
                    options = options with { AppPath = value };
                    break;
                default:
                    error = $"{name}: '{value}' is not a valid value (see --help)";
                    return false;
            }
        }

        return true;
    }

    private static int? Positive(string value, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= max ? number : null;
}
