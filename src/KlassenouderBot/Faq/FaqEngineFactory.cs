using KlassenouderBot.School;

namespace KlassenouderBot.Faq;

/// <summary>A school guide that cannot be read: the message says which file and what to do.</summary>
public sealed class SchoolGuideException(string message) : Exception(message);

/// <summary>Builds a school's FAQ engine from its configuration: the FAQ entries, the guide file and the synonyms.</summary>
public static class FaqEngineFactory
{
    public static FaqEngine Create(SchoolConfiguration school) =>
        FaqEngine.Create(school.Faq, ReadGuide(school.SchoolGuidePath), school.Synonyms, school.FaqOptions);

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
