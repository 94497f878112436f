using System.Text;
using KlassenouderBot.School;

namespace KlassenouderBot.Tests.School;

// One test per kind of bad school file: each must name the file and the line to fix.
public sealed partial class SchoolConfigurationLoaderTests
{
    private SchoolConfigurationException LoadFails(string yaml) => LoadFileFails(_files.Write(yaml));

    private static SchoolConfigurationException LoadFileFails(string path)
    {
        var act = () => SchoolConfigurationLoader.Load(path);
        return act.Should().Throw<SchoolConfigurationException>().Which;
    }

    private static void ShouldPointAt(SchoolConfigurationException exception, int line, string text)
    {
        exception.Message.Should().Contain($"school.yaml:{line}: ").And.Contain(text);
        exception.Path.Should().EndWith("school.yaml");
        exception.Line.Should().Be(line);
    }

    [Fact]
    public void Load_MissingFile_NamesThePathWithoutALine()
    {
        var path = Path.Combine(_files.Directory, "missing.yaml");

        var exception = LoadFileFails(path);

        exception.Message.Should().StartWith($"{path}: file not found").And.Contain("School:ConfigPath");
        exception.Line.Should().BeNull();
    }

    [Fact]
    public void Load_PathIsAFolder_SaysItIsAFolder()
    {
        var exception = LoadFileFails(_files.Directory);

        exception.Message.Should().StartWith($"{_files.Directory}: is a folder");
    }

    [Fact]
    public void Load_FileLockedByAnotherWriter_SaysItCannotBeRead()
    {
        var path = _files.Write(MinimalSchool);
        using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var exception = LoadFileFails(path);

        exception.Message.Should().StartWith($"{path}: cannot read the file");
        exception.Line.Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    public void Load_EmptyFile_SaysItIsEmpty(string yaml)
    {
        ShouldPointAt(LoadFails(yaml), 1, "the file is empty");
    }

    [Fact]
    public void Load_YamlSyntaxError_NamesTheLineOfTheError()
    {
        var exception = LoadFails("""
            school:
              name: "Test school"
              contacts: [5, 6
              email: "x@school.example"
            """);

        ShouldPointAt(exception, 3, "not valid YAML");
    }

    [Fact]
    public void Load_UnclosedQuote_NamesALineAndStripsParserPositions()
    {
        var exception = LoadFails("""
            school:
              name: "Test school
              email: "x@school.example"
            """);

        exception.Message.Should().Contain("not valid YAML").And.NotContain("Idx:");
        exception.Line.Should().BeInRange(2, 3);
    }

    [Fact]
    public void Load_BadIndentation_NamesTheLineOfTheError()
    {
        ShouldPointAt(LoadFails("""
            school:
              name: "Test school"
             email: "x@school.example"
            """), 3, "not valid YAML");
    }

    [Fact]
    public void Load_DuplicateKey_NamesTheSecondKey()
    {
        ShouldPointAt(LoadFails("""
            school:
              name: "Test school"
              name: "Other school"
            """), 3, "not valid YAML: 'name' appears twice in the same section");
    }

    [Fact]
    public void Load_BinaryGarbage_SaysItIsNotText()
    {
        var bytes = Encoding.UTF8.GetBytes("school:\n  name: x\n").Concat(new byte[] { 0x89, 0x50, 0x00, 0x1A, 0xFF }).ToArray();

        ShouldPointAt(LoadFileFails(_files.WriteBytes(bytes)), 3, "not a text file");
    }

    [Fact]
    public void Load_InvalidUtf8_SaysToSaveAsUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("school:\n  name: ").Concat(new byte[] { 0xC3, 0x28, 0x0A }).ToArray();

        ShouldPointAt(LoadFileFails(_files.WriteBytes(bytes)), 2, "not valid UTF-8");
    }

    [Fact]
    public void Load_Utf8WithBom_Loads()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(MinimalSchool)).ToArray();

        SchoolConfigurationLoader.Load(_files.WriteBytes(bytes)).Name.Should().Be("Test school");
    }

    [Theory]
    [InlineData("# a school\n# file\n- school\n- faq\n", "a list")]
    [InlineData("# a school\n# file\njust some text\n", "the value 'just some text'")]
    public void Load_TopLevelNotAMapping_SaysWhatItIs(string yaml, string found)
    {
        ShouldPointAt(LoadFails(yaml), 3, $"the top level must be a mapping with 'school:', 'escalation:' and 'faq:' sections, but it is {found}");
    }

    [Fact]
    public void Load_NoSchoolSection_SaysToAddIt()
    {
        ShouldPointAt(LoadFails("# comment\nfaq: []\n"), 2, "school is missing; add a 'school:' section");
    }

    [Fact]
    public void Load_MissingSchoolName_SaysToAddIt()
    {
        ShouldPointAt(LoadFails("""
            # comment
            school:
              email: "x@school.example"
            """), 3, "school.name is missing or empty; add e.g. name:");
    }

    [Fact]
    public void Load_ContactsIsAString_SaysItMustBeAList()
    {
        ShouldPointAt(LoadFails("""
            school:
              name: "Test school"
              contacts: "groep 5 en 6"
            """), 3, "school.contacts must be a list ('- ' items), but it is the value 'groep 5 en 6'");
    }

    [Fact]
    public void Load_ContactWithoutGroep_NamesTheContact()
    {
        ShouldPointAt(LoadFails("""
            school:
              name: "Test school"
              contacts:
                - groep: "5"
                - teachers:
                    - name: "juf Ellen"
            """), 5, "school.contacts[1].groep is missing or empty; add e.g. groep: \"5\"");
    }

    [Fact]
    public void Load_DuplicateGroep_NamesTheSecondEntry()
    {
        ShouldPointAt(LoadFails("""
            school:
              name: "Test school"
              contacts:
                - groep: "5"
                - groep: "5"
            """), 5, "school.contacts[1].groep '5' appears twice in school.contacts");
    }

    [Fact]
    public void Load_EscalationGroupNotInContacts_ListsTheKnownGroepen()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\n" + """
            escalation:
              groups:
                - groep: "5"
                  alert: []
                - groep: "9"
            """), 13, "escalation.groups[1].groep '9' is not a groep in school.contacts (known: 5)");
    }

    [Fact]
    public void Load_UnknownAlertFromLevel_ListsTheLevels()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\n" + """
            escalation:
              alert_from_level: "boiling"
            """), 10, "escalation.alert_from_level 'boiling' is not a level; use one of calm, warming, heated, escalated");
    }

    [Fact]
    public void Load_IncludeExcerptsNotABoolean_SaysTrueOrFalse()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\n" + """
            escalation:
              include_excerpts: "sometimes"
            """), 10, "escalation.include_excerpts must be true or false");
    }

    [Fact]
    public void Load_UnknownAlertRole_ListsTheRoles()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\n" + """
            escalation:
              groups:
                - groep: "5"
                  alert:
                    - {role: klassenouder, name: "Naima"}
                    - {role: conciërge, name: "Piet"}
            """), 14, "escalation.groups[0].alert[1].role 'conciërge' is not an alert role; use one of klassenouder, leerkracht, directeur");
    }

    [Fact]
    public void Load_UnknownSevereRole_ListsTheRoles()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\n" + """
            escalation:
              severe:
                threat:
                  - klassenouder
                  - politie
            """), 13, "escalation.severe.threat[1] 'politie' is not an alert role");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("question")]
    [InlineData("answer")]
    public void Load_FaqEntryWithoutRequiredField_NamesTheEntryAndField(string missing)
    {
        var fields = new[] { "id: ziekmelden", "question: \"Hoe meld ik ziek?\"", "answer: \"Bel de school.\"" }
            .Where(f => !f.StartsWith(missing + ":", StringComparison.Ordinal));
        var yaml = MinimalSchool + "\nfaq:\n  - id: eerste\n    question: \"Vraag?\"\n    answer: \"Antwoord.\"\n  - "
            + string.Join("\n    ", fields) + "\n";

        ShouldPointAt(LoadFails(yaml), 13, $"faq[1].{missing} is missing or empty");
    }

    [Fact]
    public void Load_DuplicateFaqId_NamesTheSecondEntry()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\n" + """
            faq:
              - id: ziekmelden
                question: "Hoe meld ik ziek?"
                answer: "Bel de school."
              - id: Ziekmelden
                question: "Ziekmelden?"
                answer: "Bel."
            """), 13, "faq[1].id 'Ziekmelden' is used by an earlier faq entry");
    }

    [Fact]
    public void Load_FaqIsAMapping_SaysItMustBeAList()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\n" + """
            faq:
              id: ziekmelden
            """), 10, "faq must be a list");
    }

    [Fact]
    public void Load_SchoolgidsDoesNotExist_SaysWhereItLooked()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\nschoolgids: ontbreekt.md\n"), 9, "schoolgids 'ontbreekt.md' does not exist");
    }

    [Fact]
    public void Load_InvalidTimeZone_SuggestsAnIanaId()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\n\ntime_zone: Mars/Olympus_Mons\n"), 10, "time_zone 'Mars/Olympus_Mons' is not a known time zone; use an IANA id such as Europe/Amsterdam");
    }

    [Fact]
    public void Load_ConversationOnUnknownPlatform_ListsThePlatforms()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\n" + """
            conversations:
              - conversation: "WhatsApp:123"
                groep: "5"
            """), 10, "conversations[0].conversation 'WhatsApp:123' must be 'Platform:id' with Platform one of Playground, Teams, Discord");
    }

    [Fact]
    public void Load_ConversationForUnknownGroep_ListsTheKnownGroepen()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\n" + """
            conversations:
              - conversation: "Teams:abc"
                groep: "7"
            """), 10, "conversations[0].groep '7' is not a groep in school.contacts (known: 5)");
    }

    [Fact]
    public void Load_TextsWithEmptyValue_SaysToGiveAText()
    {
        ShouldPointAt(LoadFails(MinimalSchool + "\n" + """
            texts:
              private_nudge: []
            """), 10, "texts.private_nudge must hold at least one non-empty text");
    }
}
