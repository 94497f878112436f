using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace KlassenouderBot.Faq;

/// <summary>One part of the school guide under its heading: the text the bot may quote from.</summary>
/// <param name="Heading">The nearest heading (what the answer cites as its source).</param>
/// <param name="Sentences">The passage in sentences; a table row is one sentence ("Groep 5: maandag en donderdag …").</param>
/// <param name="Tables">Tables in the passage, for answers that differ per groep.</param>
public sealed record GuidePassage(string Heading, IReadOnlyList<string> Sentences, IReadOnlyList<GuideTable> Tables)
{
    public string Text => string.Join(" ", Sentences);
}

/// <summary>A table from the guide: its header cells and rows of cells.</summary>
public sealed record GuideTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// The school guide split into passages by its headings. Markdown (<c>#</c> headings, paragraphs, lists,
/// tables; HTML tags and entities are reduced to their text) or Word (.docx, headings by paragraph style).
/// A guide without headings becomes one passage per paragraph under its file name, and
/// <see cref="Problems"/> tells the school what to fix.
/// </summary>
public sealed partial class SchoolGuide
{
    private SchoolGuide(string title, IReadOnlyList<GuidePassage> passages, IReadOnlyList<string> problems)
    {
        Title = title;
        Passages = passages;
        Problems = problems;
    }

    public string Title { get; }

    public IReadOnlyList<GuidePassage> Passages { get; }

    /// <summary>What the school should fix in the guide (it still loads).</summary>
    public IReadOnlyList<string> Problems { get; }

    public static SchoolGuide Empty { get; } = new("Schoolgids", [], []);

    /// <summary>Splits Markdown into passages by its headings.</summary>
    public static SchoolGuide FromMarkdown(string markdown, string title = "Schoolgids") =>
        Build(title, MarkdownBlocks(markdown));

    /// <summary>Builds passages from blocks already read (a heading with its level, or a paragraph, or a table).</summary>
    internal static SchoolGuide Build(string title, IEnumerable<GuideBlock> blocks)
    {
        var passages = new List<GuidePassage>();
        var headingCount = 0;
        string? heading = null;
        var sentences = new List<string>();
        var tables = new List<GuideTable>();

        void Flush()
        {
            if (sentences.Count > 0)
            {
                passages.Add(new GuidePassage(heading ?? title, [.. sentences], [.. tables]));
            }

            sentences.Clear();
            tables.Clear();
        }

        foreach (var block in blocks)
        {
            switch (block)
            {
                case GuideBlock.HeadingBlock h:
                    Flush();
                    heading = h.Text;
                    headingCount++;
                    break;
                case GuideBlock.ParagraphBlock p:
                    sentences.AddRange(SplitSentences(p.Text));

                    // Without headings every paragraph is its own passage, so answers stay short.
                    if (headingCount == 0)
                    {
                        Flush();
                    }

                    break;
                case GuideBlock.TableBlock t:
                    tables.Add(t.Table);
                    sentences.AddRange(t.Table.Rows.Select(row => RowSentence(t.Table.Header, row)));
                    break;
            }
        }

        Flush();
        var problems = new List<string>();
        if (headingCount == 0 && passages.Count > 0)
        {
            problems.Add($"the schoolgids has no headings, so answers can only cite '{title}'; give each topic a heading (# or ## in Markdown, a Heading style in Word)");
        }

        if (passages.Count == 0)
        {
            problems.Add("the schoolgids has no text");
        }

        return new SchoolGuide(title, passages, problems);
    }

    /// <summary>"Groep: 5, Gymdagen: maandag en donderdag, Waar: Sporthal De Veenhal".</summary>
    private static string RowSentence(IReadOnlyList<string> header, IReadOnlyList<string> row) =>
        string.Join(", ", row.Select((cell, i) => i < header.Count && header[i].Length > 0 ? $"{header[i]}: {cell}" : cell).Where(c => c.Trim().Length > 0)) + ".";

    private static IEnumerable<GuideBlock> MarkdownBlocks(string markdown)
    {
        var paragraph = new StringBuilder();
        var tableLines = new List<string>();
        foreach (var rawLine in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.Trim();
            var isTableLine = line.StartsWith('|');
            if (tableLines.Count > 0 && !isTableLine)
            {
                if (ParseTable(tableLines) is { } table)
                {
                    yield return new GuideBlock.TableBlock(table);
                }

                tableLines.Clear();
            }

            if (isTableLine)
            {
                if (paragraph.Length > 0)
                {
                    yield return new GuideBlock.ParagraphBlock(paragraph.ToString());
                    paragraph.Clear();
                }

                tableLines.Add(line);
                continue;
            }

            var heading = HeadingLine().Match(line);
            if (heading.Success || line.Length == 0 || ListItem().IsMatch(line))
            {
                if (paragraph.Length > 0)
                {
                    yield return new GuideBlock.ParagraphBlock(paragraph.ToString());
                    paragraph.Clear();
                }

                if (heading.Success)
                {
                    yield return new GuideBlock.HeadingBlock(heading.Groups["level"].Length, CleanInline(heading.Groups["text"].Value));
                    continue;
                }

                if (line.Length == 0)
                {
                    continue;
                }

                line = ListItem().Replace(line, "");
            }

            var text = CleanInline(line);
            if (text.Length > 0)
            {
                paragraph.Append(paragraph.Length > 0 ? " " : "").Append(text);
            }
        }

        if (tableLines.Count > 0 && ParseTable(tableLines) is { } last)
        {
            yield return new GuideBlock.TableBlock(last);
        }

        if (paragraph.Length > 0)
        {
            yield return new GuideBlock.ParagraphBlock(paragraph.ToString());
        }
    }

    private static GuideTable? ParseTable(List<string> lines)
    {
        var rows = lines
            .Where(line => !TableRule().IsMatch(line))
            .Select(line => (IReadOnlyList<string>)[.. line.Trim('|').Split('|').Select(cell => CleanInline(cell))])
            .ToList();
        return rows.Count == 0 ? null : new GuideTable(rows[0], rows.Count > 1 ? rows[1..] : []);
    }

    /// <summary>Markdown emphasis, links, images, code and HTML reduced to the words a reader sees.</summary>
    internal static string CleanInline(string text)
    {
        text = HtmlComment().Replace(text, " ");
        text = ScriptOrStyle().Replace(text, " ");
        text = HtmlTag().Replace(text, " ");
        text = Image().Replace(text, "$1");
        text = Link().Replace(text, "$1");
        text = WebUtility.HtmlDecode(text);
        text = Emphasis().Replace(text, "");
        text = Spaces().Replace(text, " ");
        return SpaceBeforePunctuation().Replace(text, "$1").Trim();
    }

    /// <summary>Sentences, split after . ! ? followed by a space and a capital or digit (so "o.a. de" stays whole).</summary>
    internal static IEnumerable<string> SplitSentences(string paragraph) =>
        SentenceEnd().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<text>.+?)\s*#*$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^([-*+]|\d+[.)])\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|\*|`)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""“'(])")]
    private static partial Regex SentenceEnd();
}

/// <summary>What a guide is read into before it is split into passages.</summary>
internal abstract record GuideBlock
{
    public sealed record HeadingBlock(int Level, string Text) : GuideBlock;

    public sealed record ParagraphBlock(string Text) : GuideBlock;

    public sealed record TableBlock(GuideTable Table) : GuideBlock;
}
