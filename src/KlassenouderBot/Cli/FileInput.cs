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
}
