using KlassenouderBot.School;

namespace KlassenouderBot.Tests.School;

public sealed class SchoolYamlEditorTests
{
    private const string Yaml = """
        # De school
        school:
          name: "Kindcentrum De Test"
        faq:
          - id: ziekmelden
            question: "Hoe meld ik mijn kind ziek?"
            answer: "Bel voor 8.15 uur."
          - id: gym
            question: Wanneer is er gym?
            answer: Op dinsdag.
        """;

    [Fact]
    public void SaveFaq_NewEntry_AppendedAndTheRestAsWritten()
    {
        var edited = SchoolYamlEditor.SaveFaq(Yaml, new FaqEntry("kerst", "Wanneer is het kerstdiner?", "Regel 1.\nRegel 2.") { Alternates = ["Hoe laat?"] }, originalId: null);

        var school = SchoolConfigurationLoader.Parse(edited, "/tmp/school.yaml");
        school.Faq.Select(e => e.Id).Should().Equal("ziekmelden", "gym", "kerst");
        school.Faq[2].Answer.Should().Be("Regel 1.\nRegel 2.");
        school.Faq[2].Alternates.Should().Equal("Hoe laat?");
        edited.Should().Contain("name: \"Kindcentrum De Test\"").And.Contain("answer: |").And.NotEndWith("...\n");
    }

    [Fact]
    public void SaveFaq_ExistingEntryWithANewId_ReplacedInPlace()
    {
        var edited = SchoolYamlEditor.SaveFaq(Yaml, new FaqEntry("gymles", "Wanneer is er gym?", "Op dinsdag en vrijdag."), originalId: "gym");

        var school = SchoolConfigurationLoader.Parse(edited, "/tmp/school.yaml");
        school.Faq.Select(e => e.Id).Should().Equal("ziekmelden", "gymles");
        school.Faq[1].Answer.Should().Be("Op dinsdag en vrijdag.");
    }

    [Fact]
    public void SaveFaq_TheIdOfAnotherEntry_Refused()
    {
        var act = () => SchoolYamlEditor.SaveFaq(Yaml, new FaqEntry("ZIEKMELDEN", "Q?", "A."), originalId: "gym");

        act.Should().Throw<SchoolEditException>().WithMessage("*ZIEKMELDEN*");
    }

    [Fact]
    public void SaveFaq_OriginalDeletedMeanwhile_Refused()
    {
        var act = () => SchoolYamlEditor.SaveFaq(Yaml, new FaqEntry("weg", "Q?", "A."), originalId: "weg");

        act.Should().Throw<SchoolEditException>().WithMessage("*bestaat niet meer*");
    }

    [Fact]
    public void DeleteFaq_KnownAndUnknownId()
    {
        SchoolConfigurationLoader.Parse(SchoolYamlEditor.DeleteFaq(Yaml, "gym"), "/tmp/school.yaml").Faq.Select(e => e.Id).Should().Equal("ziekmelden");
        FluentActions.Invoking(() => SchoolYamlEditor.DeleteFaq(Yaml, "onbekend")).Should().Throw<SchoolEditException>();
    }

    [Fact]
    public void SaveFaq_NoFaqSectionYet_MakesOne()
    {
        var edited = SchoolYamlEditor.SaveFaq("school:\n  name: X\n", new FaqEntry("a", "Vraag?", "Antwoord."), originalId: null);

        SchoolConfigurationLoader.Parse(edited, "/tmp/school.yaml").Faq.Should().ContainSingle();
    }
}
