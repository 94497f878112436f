using System.Net;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary>The test host itself: the school file it writes and the settings the app sees.</summary>
public sealed class TeamsBotApplicationTests
{
    [Fact]
    public void WriteSchool_SampleSchoolCopy_LinksTheTeamsChatToGroep5AndGivesNaimaAnEmail()
    {
        var directory = Directory.CreateTempSubdirectory("klassenouderbot-teams-school-");
        try
        {
            var school = SchoolConfigurationLoader.Load(TeamsBotApplication.WriteSchool(directory.FullName));

            school.ConversationLinks.Should().Contain($"Teams:{TeamsTestData.GroupChatId}", "5");
            var groep5 = school.FindClass("5")!;
            groep5.ClassParent!.Name.Should().Be("Naima");
            groep5.ClassParent.Email.Should().Be(TeamsTestData.ClassParentEmail);
            groep5.Teachers.Should().ContainSingle().Which.Email.Should().Be(TeamsTestData.TeacherEmail);
            groep5.AlertRecipients.Should().ContainSingle(r => r.Role == AlertRoles.ClassParent)
                .Which.Email.Should().Be(TeamsTestData.ClassParentEmail);
            school.SchoolGuidePath.Should().NotBeNull();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_Defaults_AppRunsWithTheFakesSettingsAndTheGroep5ChatLinked()
    {
        await using var host = await TeamsTestHost.StartAsync();

        (await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        var configuration = host.App.Services.GetRequiredService<IConfiguration>();
        configuration["MicrosoftAppId"].Should().Be(TeamsTestData.AppId);
        configuration["MicrosoftAppTenantId"].Should().Be(TeamsTestData.TenantId);
        configuration["ToBotFromChannelOpenIdMetadataUrl"].Should().Be(host.Identity.ChannelMetadataUrl);
        configuration["ToChannelFromBotLoginUrl"].Should().Be($"http://127.0.0.1:{host.Identity.BaseAddress.Port}/{TeamsTestData.TenantId}");
        configuration["Playground:Enabled"].Should().Be("false");
        var links = host.App.Services.GetRequiredService<IConversationLinks>();
        (await links.GetGroepAsync(new ConversationRef(Platform.Teams, TeamsTestData.GroupChatId), CancellationToken.None)).Should().Be("5");
        host.App.Services.GetRequiredService<SchoolSource>().Current.SourcePath.Should().Be(host.App.SchoolConfigPath);
    }

    [Fact]
    public void Activities_GroupMessage_HasTheTeamsShape()
    {
        var activities = new TeamsActivities("http://127.0.0.1:1234/");

        var activity = activities.GroupMessage(TeamsTestData.Mark, "hoi");

        activity["type"]!.GetValue<string>().Should().Be("message");
        activity["channelId"]!.GetValue<string>().Should().Be("msteams");
        activity["serviceUrl"]!.GetValue<string>().Should().Be("http://127.0.0.1:1234/");
        activity["from"]!["id"]!.GetValue<string>().Should().StartWith("29:");
        activity["conversation"]!["conversationType"]!.GetValue<string>().Should().Be("groupChat");
        activity["conversation"]!["isGroup"]!.GetValue<bool>().Should().BeTrue();
        activity["conversation"]!["tenantId"]!.GetValue<string>().Should().Be(TeamsTestData.TenantId);
        activity["recipient"]!["id"]!.GetValue<string>().Should().Be($"28:{TeamsTestData.AppId}");
        activity["channelData"]!["tenant"]!["id"]!.GetValue<string>().Should().Be(TeamsTestData.TenantId);
        DateTimeOffset.Parse(activity["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(TeamsTestData.Afternoon());
    }
}
