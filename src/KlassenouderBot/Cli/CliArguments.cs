namespace KlassenouderBot.Cli;

/// <summary>Bad arguments or unreadable input: exit code 2 with one line on stderr.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>A verb's arguments: positional values and <c>--name value</c> / <c>--flag</c> options.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private CliArguments(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    public static CliArguments Parse(IEnumerable<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags)
    {
        var positional = new List<string>();
        var parsed = new CliArguments(positional);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg == "--")
            {
                while (e.MoveNext())
                {
                    positional.Add(e.Current);
                }

                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string? inlineValue = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    inlineValue = name[(eq + 1)..];
                    name = name[..eq];
                }

                if (flags.Contains(name))
                {
                    parsed._options[name] = null;
                }
                else if (valueOptions.Contains(name))
                {
                    if (inlineValue is null && !e.MoveNext())
                    {
                        throw new CliUsageException($"--{name} needs a value");
                    }

                    parsed._options[name] = inlineValue ?? e.Current;
                }
                else
                {
                    throw new CliUsageException($"unknown option --{name}");
                }

                continue;
            }

            positional.Add(arg);
        }

        return parsed;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Value(string name) => _options.GetValueOrDefault(name);
}
