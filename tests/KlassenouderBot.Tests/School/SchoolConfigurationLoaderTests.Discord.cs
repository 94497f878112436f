using KlassenouderBot.School;

namespace KlassenouderBot.Tests.School;

// The optional `discord:` account of a contact: how an alert finds a class parent in a Discord server.
public sealed partial class SchoolConfigurationLoaderTests
{
    private const string SchoolWithDiscordAccounts = """
        school:
          name: "Test school"
          contacts:
            - groep: "5"
              teachers:
                - name: "meester Tom"
                  email: "tom@school.example"
                  discord: "tom.veenstra"
              klassenouder:
                name: "Naima"
                discord: "123456789012345678"
          staff:
            - role: "directeur"
              name: "mevrouw J. Hoekstra"
              discord: "@j_hoekstra"
        """;

    [Fact]
    public void Load_DiscordAccounts_ReadsIdsAndUsernames()
    {
        var school = SchoolConfigurationLoader.Load(_files.Write(SchoolWithDiscordAccounts));

        var groep5 = school.FindClass("5")!;
        groep5.ClassParent.Should().Be(new Contact("Naima") { Discord = "123456789012345678" });
        groep5.Teachers.Single().Discord.Should().Be("tom.veenstra");
        school.Staff.Single().Discord.Should().Be("j_hoekstra", "the @ people type before a username is not part of it");
        school.Escalation.Director!.Discord.Should().Be("j_hoekstra");
    }

    [Fact]
    public void Load_DiscordAccounts_GoWithTheDefaultAlertRecipients()
    {
        var school = SchoolConfigurationLoader.Load(_files.Write(SchoolWithDiscordAccounts));

        school.FindClass("5")!.AlertRecipients.Should().Equal(
            new AlertRecipient("klassenouder", "Naima") { Discord = "123456789012345678" },
            new AlertRecipient("leerkracht", "meester Tom") { Email = "tom@school.example", Discord = "tom.veenstra" });
    }

    [Theory]
    [InlineData("Naima K!")]
    [InlineData("NaimaK")]
    [InlineData("naima-k")]
    [InlineData("n")]
    [InlineData("naima#1234")]
    public void Load_DiscordAccountThatIsNeitherIdNorUsername_NamesThePathAndLine(string account)
    {
        var exception = LoadFails($$"""
            school:
              name: "Test school"
              contacts:
                - groep: "5"
                  klassenouder:
                    name: "Naima"
                    discord: "{{account}}"
            """);

        ShouldPointAt(exception, 7, "school.contacts[0].klassenouder.discord");
        exception.Message.Should().Contain(account).And.Contain("Copy User ID");
    }

    [Fact]
    public void Load_AlertEntryRepeatingAContactsName_InheritsEmailAndDiscord()
    {
        var school = SchoolConfigurationLoader.Load(_files.Write(SchoolWithDiscordAccounts + "\n" + """
            escalation:
              groups:
                - groep: "5"
                  alert:
                    - {role: klassenouder, name: "naima"}
                    - {role: leerkracht, name: " Meester Tom ", discord: "tom.school"}
            """));

        school.FindClass("5")!.AlertRecipients.Should().Equal(
            new AlertRecipient("klassenouder", "naima") { Discord = "123456789012345678" },
            new AlertRecipient("leerkracht", "Meester Tom") { Email = "tom@school.example", Discord = "tom.school" });
    }

    [Fact]
    public void Load_AlertEntryWithAnotherName_InheritsNothing()
    {
        var school = SchoolConfigurationLoader.Load(_files.Write(SchoolWithDiscordAccounts + "\n" + """
            escalation:
              groups:
                - groep: "5"
                  alert:
                    - {role: klassenouder, name: "Esther"}
            """));

        school.FindClass("5")!.AlertRecipients.Should().Equal(new AlertRecipient("klassenouder", "Esther"));
    }

    [Fact]
    public void Load_InvalidDiscordAccountInAnAlertList_NamesThatEntry()
    {
        var exception = LoadFails(MinimalSchool + "\n" + """
            escalation:
              groups:
                - groep: "5"
                  alert:
                    - {role: klassenouder, name: "Naima", discord: "Naima K!"}
            """);

        ShouldPointAt(exception, 13, "escalation.groups[0].alert[0].discord");
    }
}
