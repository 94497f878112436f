using KlassenouderBot.Moderation;
using KlassenouderBot.School;

namespace KlassenouderBot.Tests.School;

public sealed partial class SchoolConfigurationLoaderTests : IDisposable
{
    // The smallest valid school; the error tests below change one thing in files like it.
    private const string MinimalSchool = """
        school:
          name: "Test school"
          contacts:
            - groep: "5"
              teachers:
                - name: "meester Tom"
                  email: "tom@school.example"
              klassenouder: "Naima"
        """;

    private readonly TempSchoolFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static SchoolConfiguration LoadSample() => SchoolConfigurationLoader.Load(SchoolOptions.DefaultConfigPath);

    [Fact]
    public void Load_BundledSample_HasEightGroepen()
    {
        var school = LoadSample();

        school.Name.Should().Be("Kindcentrum De Wilgenhoek");
        school.Classes.Select(c => c.Groep).Should().Equal("1/2A", "1/2B", "3", "4", "5", "6", "7", "8");
        school.Staff.Should().Contain(s => s.Role == "directeur" && s.Name == "mevrouw J. Hoekstra");
        school.TimeZone.Should().Be("Europe/Amsterdam");
    }

    [Fact]
    public void Load_BundledSample_Groep5HasTeacherClassParentAndAlertRecipients()
    {
        var groep5 = LoadSample().FindClass("5");

        groep5.Should().NotBeNull();
        groep5!.Teachers.Should().ContainSingle().Which.Name.Should().Be("meester Tom Veenstra");
        groep5.Teachers[0].Email.Should().Be("t.veenstra@wilgenhoek.example");
        groep5.Teachers[0].Days.Should().HaveCount(5);
        groep5.ClassParent.Should().Be(new Contact("Naima"));
        groep5.AlertRecipients.Should().Equal(
            new AlertRecipient("klassenouder", "Naima"),
            new AlertRecipient("leerkracht", "meester Tom Veenstra") { Email = "t.veenstra@wilgenhoek.example" });
    }

    [Fact]
    public void Load_BundledSample_EveryGroepAlertsItsClassParentAndTeachers()
    {
        foreach (var group in LoadSample().Classes)
        {
            group.AlertRecipients.Select(r => (r.Role, r.Name)).Should().Equal(
                [("klassenouder", group.ClassParent!.Name), .. group.Teachers.Select(t => ("leerkracht", t.Name))],
                because: $"groep {group.Groep}'s escalation entry lists its class parent and teachers");
        }
    }

    [Fact]
    public void Load_BundledSample_ReadsEscalationSettings()
    {
        var escalation = LoadSample().Escalation;

        escalation.IncludeExcerpts.Should().BeFalse();
        escalation.AlertFromLevel.Should().Be(EscalationLevel.Escalated);
        escalation.SevereShamingChildRoles.Should().Equal("klassenouder", "leerkracht");
        escalation.SevereThreatRoles.Should().Equal("klassenouder", "leerkracht", "directeur");
        escalation.Director.Should().Be(new AlertRecipient("directeur", "mevrouw J. Hoekstra") { Email = "j.hoekstra@wilgenhoek.example" });
    }

    [Fact]
    public void Load_BundledSample_ReadsFortyFaqEntries()
    {
        var faq = LoadSample().Faq;

        faq.Should().HaveCount(40);
        faq.Select(f => f.Id).Should().OnlyHaveUniqueItems();
        var first = faq[0];
        first.Id.Should().Be("schooltijden");
        first.Question.Should().Be("Wat zijn de schooltijden?");
        first.Alternates.Should().HaveCount(5);
        first.Answer.Should().StartWith("Alle groepen, ook de kleuters");
        first.AnswerEn.Should().StartWith("All groups");
        first.Source.Should().Be("Schooltijden");
        faq.Count(f => f.AnswerEn is not null).Should().Be(10);
    }

    [Fact]
    public void Load_BundledSample_SchoolGuidePathIsAnExistingAbsoluteFile()
    {
        var school = LoadSample();

        school.SchoolGuidePath.Should().NotBeNull();
        Path.IsPathFullyQualified(school.SchoolGuidePath!).Should().BeTrue();
        File.Exists(school.SchoolGuidePath).Should().BeTrue();
        Path.GetFileName(school.SchoolGuidePath).Should().Be("wilgenhoek-schoolgids.md");
        school.SourcePath.Should().Be(Path.GetFullPath(SchoolOptions.DefaultConfigPath));
    }

    [Fact]
    public void Load_MinimalSchool_UsesDefaults()
    {
        var school = SchoolConfigurationLoader.Load(_files.Write(MinimalSchool));

        school.TimeZone.Should().Be("Europe/Amsterdam");
        school.Escalation.Should().BeEquivalentTo(new EscalationSettings());
        school.Faq.Should().BeEmpty();
        school.SchoolGuidePath.Should().BeNull();
        school.Texts.Should().BeEmpty();
        school.ConversationLinks.Should().BeEmpty();
    }

    [Fact]
    public void Load_GroepWithoutEscalationEntry_AlertsItsClassParentAndTeachers()
    {
        var path = _files.Write(MinimalSchool + "\n" + """
            escalation:
              groups: []
            """);

        var school = SchoolConfigurationLoader.Load(path);

        school.FindClass("5")!.AlertRecipients.Should().Equal(
            new AlertRecipient("klassenouder", "Naima"),
            new AlertRecipient("leerkracht", "meester Tom") { Email = "tom@school.example" });
    }

    [Fact]
    public void Load_NoEscalationDirecteur_UsesStaffMemberWithRoleDirecteur()
    {
        var path = _files.Write("""
            school:
              name: "Test school"
              staff:
                - role: "administratie"
                  name: "mevrouw A"
                - role: "Directeur"
                  name: "meneer B"
                  email: "b@school.example"
            """);

        var school = SchoolConfigurationLoader.Load(path);

        school.Escalation.Director.Should().Be(new AlertRecipient("directeur", "meneer B") { Email = "b@school.example" });
    }

    [Fact]
    public void Load_KlassenouderAsMapping_ReadsContactDetails()
    {
        var path = _files.Write("""
            school:
              name: "Test school"
              contacts:
                - groep: "3"
                  klassenouder: {name: "Esther", email: "esther@ouders.example", phone: "06-12345678"}
            """);

        var classParent = SchoolConfigurationLoader.Load(path).FindClass("3")!.ClassParent;

        classParent.Should().Be(new Contact("Esther") { Email = "esther@ouders.example", Phone = "06-12345678" });
    }

    [Fact]
    public void Load_OptionalExtensions_ReadsTimeZoneTextsAndConversations()
    {
        var path = _files.Write(MinimalSchool + "\n" + """
            time_zone: "Europe/Brussels"
            texts:
              private_nudge:
                - "Hoi, even rustig?"
                - "Zullen we dit privé bespreken?"
              group_calm_down: "Laten we het gezellig houden."
            conversations:
              - conversation: "teams:19:abc@thread.v2"
                groep: "5"
              - conversation: "Discord:1234"
                groep: "5"
            """);

        var school = SchoolConfigurationLoader.Load(path);

        school.TimeZone.Should().Be("Europe/Brussels");
        school.Texts["private_nudge"].Should().Equal("Hoi, even rustig?", "Zullen we dit privé bespreken?");
        school.Texts["group_calm_down"].Should().Equal("Laten we het gezellig houden.");
        school.ConversationLinks.Should().Equal(new Dictionary<string, string>
        {
            ["Teams:19:abc@thread.v2"] = "5",
            ["Discord:1234"] = "5",
        });
    }

    [Fact]
    public void Parse_RelativeSchoolgids_ResolvesAgainstTheYamlFile()
    {
        var guide = Path.Combine(_files.Directory, "gids.md");
        File.WriteAllText(guide, "# Gids\n");

        var school = SchoolConfigurationLoader.Parse(MinimalSchool + "\nschoolgids: gids.md\n", Path.Combine(_files.Directory, "school.yaml"));

        school.SchoolGuidePath.Should().Be(guide);
    }
}
