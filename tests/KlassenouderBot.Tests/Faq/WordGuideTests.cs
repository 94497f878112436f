using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KlassenouderBot.Faq;

namespace KlassenouderBot.Tests.Faq;

/// <summary>
/// Reading a schoolgids from a real .docx: each test writes a Word document with the OpenXml SDK (as Word
/// would save it: styles part, heading styles, a table) and reads it through the factory the app uses.
/// </summary>
public sealed class WordGuideTests
{
    private const string GymText = "De groepen 3 tot en met 8 gymmen in sporthal De Veenhal. Neem gymschoenen met een lichte zool mee.";

    private const string SwimText = "Er is geen schoolzwemmen. Kinderen zonder zwemdiploma kunnen bij het zwembad terecht.";

    private const string SickText = "Meld uw kind ziek vóór 8:15 uur via de Parro-app of bel 0599-123456.";

    [Fact]
    public void ReadGuide_Docx_SplitsByHeadings_WithTablesAsRowSentences()
    {
        var guide = ReadDocx(StandardGuide("Heading"), Styles("Heading", "heading"));

        guide.Passages.Select(p => p.Heading).Should().Equal("Gymrooster", "Zwemmen", "Ziekmelden");
        guide.Passages[0].Sentences.Should().Equal(
            "De groepen 3 tot en met 8 gymmen in sporthal De Veenhal.",
            "Neem gymschoenen met een lichte zool mee.",
            "Groep: 5, Gymdag: maandag en donderdag.",
            "Groep: 6, Gymdag: dinsdag en vrijdag.");
        var table = guide.Passages[0].Tables.Should().ContainSingle().Subject;
        table.Header.Should().Equal("Groep", "Gymdag");
        table.Rows.Should().HaveCount(2);
        guide.Passages[1].Text.Should().Be(SwimText);
        guide.Passages[2].Text.Should().Be(SickText);
        guide.Problems.Should().BeEmpty();
    }

    [Fact]
    public void ReadGuide_Docx_GivesTheSamePassagesAsTheSameGuideInMarkdown()
    {
        // A school may switch between Word and Markdown: the bot must cite and quote the same either way.
        var markdown = SchoolGuide.FromMarkdown($"""
            # Gym en zwemmen

            ## Gymrooster

            {GymText}

            | Groep | Gymdag |
            |---|---|
            | 5 | maandag en donderdag |
            | 6 | dinsdag en vrijdag |

            ## Zwemmen

            {SwimText}

            ## Ziekmelden

            {SickText}
            """);

        var word = ReadDocx(StandardGuide("Heading"), Styles("Heading", "heading"));

        word.Passages.Should().BeEquivalentTo(markdown.Passages, options => options.WithStrictOrdering());
    }

    [Fact]
    public void Engine_FromDocx_AnswersFromThePassage_CitingItsHeading()
    {
        var engine = FaqEngine.Create(entries: [], ReadDocx(StandardGuide("Heading"), Styles("Heading", "heading")));

        var result = engine.Ask("hoe meld ik mijn kind ziek?");

        result.Answered.Should().BeTrue($"confidence was {result.Confidence:0.00}");
        result.FaqId.Should().BeNull();
        result.Source.Should().Be("Ziekmelden");
        result.Answer.Should().Contain("0599-123456");
    }

    [Fact]
    public void Engine_FromDocx_LinkedGroep_LeadsWithThatGroepsTableRow()
    {
        // The table read from Word keeps its cells, so the per-groep answer works as it does for Markdown.
        var engine = FaqEngine.Create(entries: [], ReadDocx(StandardGuide("Heading"), Styles("Heading", "heading")));

        var result = engine.Ask("wanneer is de gymles?", groep: "6");

        result.Answered.Should().BeTrue($"confidence was {result.Confidence:0.00}");
        result.Source.Should().Be("Gymrooster");
        result.Answer.Should().StartWith("Voor groep 6: dinsdag en vrijdag.");
    }

    [Fact]
    public void ReadGuide_DocxFromDutchWord_KopStylesAreHeadings()
    {
        // Dutch Word saves its built-in heading styles with the ids "Kop1", "Kop2" (the name stays "heading 1").
        var guide = ReadDocx(StandardGuide("Kop"), Styles("Kop", "heading"));

        guide.Passages.Select(p => p.Heading).Should().Equal("Gymrooster", "Zwemmen", "Ziekmelden");
        guide.Passages[0].Sentences.Should().Contain("Groep: 5, Gymdag: maandag en donderdag.");
        guide.Problems.Should().BeEmpty();
    }

    [Fact]
    public void ReadGuide_DocxWithOutlineLevelsOnly_ThoseParagraphsAreHeadings()
    {
        // A school that sets "Overzichtsniveau" on plain paragraphs instead of using heading styles.
        var guide = ReadDocx(StandardGuide(stylePrefix: null), Styles("Heading", "heading"));

        guide.Passages.Select(p => p.Heading).Should().Equal("Gymrooster", "Zwemmen", "Ziekmelden");
        guide.Passages[2].Text.Should().Be(SickText);
        guide.Problems.Should().BeEmpty();
    }

    [Fact]
    public void ReadGuide_DocxWithoutHeadings_OnePassagePerParagraphUnderTheFileName_AndTheSchoolIsToldWhatToFix()
    {
        var path = TempDocxPath();
        try
        {
            WriteDocx(path, Styles("Heading", "heading"), Para("Eerste alinea over de schooltijden."), Para("Tweede alinea over de gymles."));

            var guide = FaqEngineFactory.ReadGuide(path);

            guide.Passages.Should().HaveCount(2).And.OnlyContain(p => p.Heading == Path.GetFileNameWithoutExtension(path));
            guide.Problems.Should().ContainSingle().Which.Should().Contain("no headings");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadGuide_EmptyDocx_HasNoPassagesAndSaysSo_LikeAnEmptyMarkdownGuide()
    {
        // What Word saves for a new blank document: one empty paragraph and the section properties.
        var guide = ReadDocx([new Paragraph(), new SectionProperties()], Styles("Heading", "heading"));

        guide.Passages.Should().BeEmpty();
        guide.Problems.Should().Equal(SchoolGuide.FromMarkdown("   \n\n").Problems);
        guide.Problems.Should().ContainSingle().Which.Should().Contain("no text");
        FaqEngine.Create(entries: [], guide).Ask("hoe meld ik mijn kind ziek?").Answered.Should().BeFalse();
    }

    [Fact]
    public void ReadGuide_Docx_TabsLineBreaksAndCellParagraphs_KeepTheWordsApart()
    {
        // Word stores a tab, a Shift+Enter and each Enter in a table cell as an element, not as a character.
        var guide = ReadDocx(
        [
            Heading("Heading", 2, "Schooltijden"),
            new Paragraph(
                new Run(new Text("Maandag tot en met vrijdag:"), new TabChar(), new Text("8:30 - 14:00 uur.")),
                new Run(new Break(), new Text("Woensdag tot 12:15 uur."))),
            Table(["Groep", "Gymles"], ["5", "maandag\n8:45 - 9:30"]),
            new SectionProperties(),
        ], Styles("Heading", "heading"));

        guide.Passages.Should().ContainSingle().Which.Sentences.Should().Equal(
            "Maandag tot en met vrijdag: 8:30 - 14:00 uur.",
            "Woensdag tot 12:15 uur.",
            "Groep: 5, Gymles: maandag 8:45 - 9:30.");
    }

    [Fact]
    public void ReadGuide_Docx_TrackedDeletionsAndFieldCodes_AreNotQuoted()
    {
        // A link Word made into a field, and a line the school struck with track changes still on:
        // parents must get what Word shows, not the field's code or the text the school removed.
        var guide = ReadDocx(
        [
            Heading("Heading", 2, "Contact"),
            new Paragraph(
                new Run(new Text("Vragen? Mail ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" HYPERLINK \"mailto:info@dewilgenhoek.nl\" ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new Text("info@dewilgenhoek.nl")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                new DeletedRun(new Run(new DeletedText(" of bel de conciërge") { Space = SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "Directie" },
                new Run(new Text("."))),
            new SectionProperties(),
        ], Styles("Heading", "heading"));

        guide.Passages.Should().ContainSingle().Which.Text.Should().Be("Vragen? Mail info@dewilgenhoek.nl.");
    }

    /// <summary>
    /// The guide as Word holds it: headings with the style ids "{prefix}1"/"{prefix}2", or, with no prefix,
    /// plain paragraphs carrying an outline level; Dutch text; the gym table with a header row.
    /// </summary>
    private static OpenXmlElement[] StandardGuide(string? stylePrefix) =>
    [
        Heading(stylePrefix, 1, "Gym en zwemmen"),
        Heading(stylePrefix, 2, "Gymrooster"),
        Para(GymText),
        Table(["Groep", "Gymdag"], ["5", "maandag en donderdag"], ["6", "dinsdag en vrijdag"]),
        Heading(stylePrefix, 2, "Zwemmen"),
        Para(SwimText),
        Heading(stylePrefix, 2, "Ziekmelden"),
        Para(SickText),
        new SectionProperties(),
    ];

    private static Paragraph Heading(string? stylePrefix, int level, string text) =>
        new(
            stylePrefix is null
                ? new ParagraphProperties(new OutlineLevel { Val = level - 1 })
                : new ParagraphProperties(new ParagraphStyleId { Val = $"{stylePrefix}{level}" }),
            new Run(new Text(text)));

    private static Paragraph Para(string text) =>
        new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>A table whose first row is the header; each line of a cell is a paragraph of its own, as Enter makes it.</summary>
    private static Table Table(params string[][] rows)
    {
        var table = new Table(
            new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth { Width = "0", Type = TableWidthUnitValues.Auto }),
            new TableGrid(rows[0].Select(_ => new GridColumn { Width = "4500" })));
        table.Append(rows.Select(cells => new TableRow(cells.Select(cell => new TableCell(cell.Split('\n').Select(Para))))));
        return table;
    }

    /// <summary>A styles part like Word's: Normal, and heading styles that carry their outline level.</summary>
    private static Styles Styles(string idPrefix, string namePrefix)
    {
        var styles = new Styles(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        });
        for (var level = 1; level <= 2; level++)
        {
            styles.Append(new Style(
                new StyleName { Val = $"{namePrefix} {level}" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold()))
            {
                Type = StyleValues.Paragraph,
                StyleId = $"{idPrefix}{level}",
            });
        }

        return styles;
    }

    /// <summary>Writes the body to a temporary .docx and reads it as the app does; the file is always removed.</summary>
    private static SchoolGuide ReadDocx(OpenXmlElement[] body, Styles styles)
    {
        var path = TempDocxPath();
        try
        {
            WriteDocx(path, styles, body);
            return FaqEngineFactory.ReadGuide(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string TempDocxPath() => Path.Combine(Path.GetTempPath(), $"schoolgids-{Guid.NewGuid():N}.docx");

    private static void WriteDocx(string path, Styles styles, params OpenXmlElement[] body)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
        main.Document = new Document(new Body(body));
    }
}
