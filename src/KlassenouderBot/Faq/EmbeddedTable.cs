namespace KlassenouderBot.Faq;

/// <summary>The data lines of a word list built into the app (comment lines starting with '#' and blank lines left out).</summary>
internal static class EmbeddedTable
{
    public static IEnumerable<string> Lines(string resourceName)
    {
        using var stream = typeof(EmbeddedTable).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The word list {resourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
