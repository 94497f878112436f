using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KlassenouderBot.Faq;

/// <summary>
/// A school guide written in Word: headings are paragraphs with a heading style (Heading 1…6, or the Dutch
/// Kop 1…6, or an outline level), other paragraphs are text, tables become rows.
/// </summary>
internal static class WordGuide
{
    public static SchoolGuide Read(string path, string title)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path, title);
    }

    /// <param name="stream">The .docx file's bytes.</param>
    /// <param name="name">How to name the file in an error: its path, or an uploaded file's name.</param>
    /// <param name="title">The guide's title.</param>
    public static SchoolGuide Read(Stream stream, string name, string title)
    {
        var path = name;
        try
        {
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new SchoolGuideException($"{path}: the Word document has no body text");
            return SchoolGuide.Build(title, Blocks(body));
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException)
        {
            throw new SchoolGuideException($"{path}: not a Word document (.docx); save the schoolgids as .docx or Markdown (.md)");
        }
    }

    private static IEnumerable<GuideBlock> Blocks(Body body)
    {
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    var text = VisibleText(paragraph);
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    yield return HeadingLevel(paragraph) is { } level
                        ? new GuideBlock.HeadingBlock(level, text)
                        : new GuideBlock.ParagraphBlock(text);
                    break;
                case Table table:
                    var rows = table.Elements<TableRow>()
                        .Select(row => (IReadOnlyList<string>)[.. row.Elements<TableCell>().Select(VisibleText)])
                        .Where(row => row.Any(cell => cell.Length > 0))
                        .ToList();
                    if (rows.Count > 0)
                    {
                        yield return new GuideBlock.TableBlock(new GuideTable(rows[0], rows[1..]));
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The words a reader sees. Not <c>InnerText</c>: that glues the words around a tab, a line break or the
    /// paragraphs of a table cell together ("vrijdag:8:30", "maandag8:45"), and keeps tracked deletions and
    /// field codes (<c>HYPERLINK "mailto:…"</c>, <c>PAGEREF _Toc…</c>), which must never reach a parent.
    /// </summary>
    private static string VisibleText(OpenXmlElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Descendants())
        {
            switch (node)
            {
                case Text run:
                    text.Append(run.Text);
                    break;
                case TabChar or Break or CarriageReturn or Paragraph:
                    text.Append(' ');
                    break;
            }
        }

        return SchoolGuide.CleanInline(text.ToString());
    }

    private static int? HeadingLevel(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
        {
            return outline + 1;
        }

        var style = properties?.ParagraphStyleId?.Val?.Value ?? "";
        if (style.Equals("Title", StringComparison.OrdinalIgnoreCase) || style.Equals("Titel", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        foreach (var prefix in new[] { "Heading", "Kop" })
        {
            if (style.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && int.TryParse(style.AsSpan(prefix.Length), out var level))
            {
                return level;
            }
        }

        return null;
    }
}
