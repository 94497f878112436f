using System.Text;

namespace KlassenouderBot.Cli;

/// <summary>Reads input files with errors a person can act on, never a stack trace.</summary>
internal static class FileInput
{
    public static IReadOnlyList<string> ReadLines(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                throw new CliUsageException($"{path}: this is a binary file, not UTF-8 text");
            }

            var text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
            return text.Split('\n');
        }
        catch (FileNotFoundException)
        {
            throw new CliUsageException($"{path}: file not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliUsageException($"{path}: folder not found");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: not allowed to read this file");
        }
        catch (DecoderFallbackException)
        {
            throw new CliUsageException($"{path}: not valid UTF-8 text");
        }
        catch (IOException ex)
        {
            throw new CliUsageException($"{path}: cannot be read ({ex.Message})");
        }
    }

    /// <summary>
    /// A labelled TSV file (development and evaluation sets): exactly the header <c>a&lt;TAB&gt;b&lt;TAB&gt;c</c>, then
    /// rows of three columns, the last one free text; blank lines are skipped. Rows come with their line number.
    /// </summary>
    public static IReadOnlyList<(int Line, string First, string Second, string Third)> ReadThreeColumns(string path, string first, string second, string third)
    {
        var lines = ReadLines(path);
        if (lines.Count == 0 || !lines[0].TrimEnd('\r').Equals($"{first}\t{second}\t{third}", StringComparison.Ordinal))
        {
            throw new CliUsageException($"{path}:1: expected the header '{first}<TAB>{second}<TAB>{third}'");
        }

        var rows = new List<(int, string, string, string)>();
        for (var n = 1; n < lines.Count; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t', 3);
            if (parts.Length != 3)
            {
                throw ColumnsExpected(path, n + 1, first, second, third);
            }

            rows.Add((n + 1, parts[0], parts[1], parts[2]));
        }

        return rows;
    }

    public static CliUsageException ColumnsExpected(string path, int line, string first, string second, string third) =>
        new($"{path}:{line}: expected three tab-separated columns ({first}, {second}, {third})");
}
