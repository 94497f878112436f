using KlassenouderBot.School;

namespace KlassenouderBot.Faq;

/// <summary>A school guide that cannot be read: the message says which file and what to do.</summary>
public sealed class SchoolGuideException(string message) : Exception(message);

/// <summary>Builds a school's FAQ engine from its configuration: the FAQ entries, the guide file and the synonyms.</summary>
public static class FaqEngineFactory
{
    public static FaqEngine Create(SchoolConfiguration school) =>
        FaqEngine.Create(school.Faq, ReadGuide(school.SchoolGuidePath), school.Synonyms, school.FaqOptions);

    /// <summary>The engine for a snapshot: an uploaded guide wins over the file the YAML names.</summary>
    public static FaqEngine Create(SchoolSnapshot snapshot, out SchoolGuide guide)
    {
        guide = ReadGuide(snapshot);
        return FaqEngine.Create(snapshot.School.Faq, guide, snapshot.School.Synonyms, snapshot.School.FaqOptions);
    }

    /// <summary>A snapshot's guide: the uploaded one, else the file the YAML names, else none.</summary>
    public static SchoolGuide ReadGuide(SchoolSnapshot snapshot) =>
        snapshot.Guide is { } stored ? ReadGuide(stored.FileName, stored.Content) : ReadGuide(snapshot.School.SchoolGuidePath);

    /// <summary>Reads an uploaded guide by its file name's extension: Markdown (UTF-8) or Word.</summary>
    public static SchoolGuide ReadGuide(string fileName, byte[] content)
    {
        var title = Path.GetFileNameWithoutExtension(fileName);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".docx" => WordGuide.Read(new MemoryStream(content, writable: false), fileName, title),
            ".md" or ".markdown" or ".txt" => SchoolGuide.FromMarkdown(DecodeMarkdown(fileName, content), title),
            var other => throw new SchoolGuideException($"{fileName}: a schoolgids must be Markdown (.md) or Word (.docx), not '{other}'"),
        };
    }

    private static string DecodeMarkdown(string fileName, byte[] content)
    {
        try
        {
            var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new SchoolGuideException($"{fileName}: not UTF-8 text; save the Markdown file as UTF-8");
        }
    }

    /// <summary>Reads a Markdown or Word guide; no path gives an empty guide.</summary>
    public static SchoolGuide ReadGuide(string? path)
    {
        if (path is null)
        {
            return SchoolGuide.Empty;
        }

        var title = Path.GetFileNameWithoutExtension(path);
        try
        {
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".docx" => WordGuide.Read(path, title),
                ".md" or ".markdown" or ".txt" => SchoolGuide.FromMarkdown(File.ReadAllText(path), title),
                var other => throw new SchoolGuideException($"{path}: a schoolgids must be Markdown (.md) or Word (.docx), not '{other}'"),
            };
        }
        catch (IOException exception)
        {
            throw new SchoolGuideException($"{path}: cannot be read ({exception.Message})");
        }
        catch (UnauthorizedAccessException)
        {
            throw new SchoolGuideException($"{path}: not allowed to read this file");
        }
    }
}
