using KlassenouderBot.Faq;

namespace KlassenouderBot.Tests.Faq;

public sealed class SchoolGuideTests
{
    [Fact]
    public void FromMarkdown_SplitsByHeadings_WithTablesAsRowSentences()
    {
        var guide = SchoolGuide.FromMarkdown("""
            # Gym en zwemmen

            ## Gymrooster

            De groepen 3 tot en met 8 gymmen in de sporthal.

            | Groep | Gymdagen |
            |---|---|
            | 5 | maandag en donderdag |

            ## Zwemmen

            Er is geen schoolzwemmen.
            """);

        guide.Passages.Select(p => p.Heading).Should().Equal("Gymrooster", "Zwemmen");
        guide.Passages[0].Sentences.Should().Contain("Groep: 5, Gymdagen: maandag en donderdag.");
        guide.Passages[0].Tables.Should().ContainSingle().Which.Rows.Should().ContainSingle();
        guide.Problems.Should().BeEmpty();
    }

    [Fact]
    public void FromMarkdown_HtmlAndScripts_AreReducedToText()
    {
        var guide = SchoolGuide.FromMarkdown("""
            ## Contact

            <p>Bel <b>0599-123456</b> &amp; mail <a href="mailto:x@y">ons</a>.</p>
            <script>alert('x')</script>
            """);

        var text = guide.Passages.Should().ContainSingle().Subject.Text;
        text.Should().Contain("Bel 0599-123456 & mail ons.").And.NotContain("<").And.NotContain("alert");
    }

    [Fact]
    public void FromMarkdown_NoHeadings_OnePassagePerParagraph_AndTheSchoolIsToldWhatToFix()
    {
        var guide = SchoolGuide.FromMarkdown("Eerste alinea over de schooltijden.\n\nTweede alinea over de gymles.", "wilgenhoek");

        guide.Passages.Should().HaveCount(2).And.OnlyContain(p => p.Heading == "wilgenhoek");
        guide.Problems.Should().ContainSingle().Which.Should().Contain("no headings");
    }

    [Fact]
    public void FromMarkdown_Empty_HasNoPassagesAndSaysSo() =>
        SchoolGuide.FromMarkdown("   \n\n").Problems.Should().ContainSingle().Which.Should().Contain("no text");

    [Fact]
    public void ReadGuide_DocxThatIsNotWord_ClearErrorNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-word-{Guid.NewGuid():N}.docx");
        File.WriteAllText(path, "dit is gewone tekst, geen Word-bestand");
        try
        {
            var act = () => FaqEngineFactory.ReadGuide(path);

            act.Should().Throw<SchoolGuideException>().WithMessage($"{path}: not a Word document (.docx)*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadGuide_UnsupportedExtension_ClearError()
    {
        var act = () => FaqEngineFactory.ReadGuide("/tmp/gids.pdf");

        act.Should().Throw<SchoolGuideException>().WithMessage("*Markdown (.md) or Word (.docx)*");
    }

    [Fact]
    public void Engine_EmptyAndHugeQuestions_DoNotCrash()
    {
        var school = KlassenouderBot.School.SchoolConfigurationLoader.Load(KlassenouderBot.School.SchoolOptions.DefaultConfigPath);
        var engine = FaqEngineFactory.Create(school);

        engine.Ask("").Answered.Should().BeFalse();
        engine.Ask("???  !!").Answered.Should().BeFalse();
        var huge = string.Concat(Enumerable.Repeat("wanneer is de herfstvakantie ", 700));
        huge.Length.Should().BeGreaterThan(20_000);
        engine.Invoking(e => e.Ask(huge)).Should().NotThrow();
    }
}
