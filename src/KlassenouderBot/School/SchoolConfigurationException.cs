namespace KlassenouderBot.School;

/// <summary>A school file that cannot be used, with the file and line to fix.</summary>
public sealed class SchoolConfigurationException(string message, string? path = null, int? line = null)
    : Exception(Format(message, path, line))
{
    public string? Path { get; } = path;

    public int? Line { get; } = line;

    private static string Format(string message, string? path, int? line) =>
        (path, line) switch
        {
            (null, _) => message,
            (_, null) => $"{path}: {message}",
            _ => $"{path}:{line}: {message}",
        };
}
