using System.Net;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.School;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Admin;

public sealed class AdminSettingsTests : AdminAppTest
{
    [Fact]
    public async Task Save_EverySetting_InEffectAtOnceAndKeptInTheSchoolFile()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        var response = await SaveAsync(browser, new()
        {
            ["Input.Sensitivity"] = "1.25",
            ["Input.AutoAnswerInGroups"] = "false",
            ["Input.QuietFrom"] = "21:30",
            ["Input.QuietTo"] = "07:00",
            ["Input.HoldAlerts"] = "true",
            ["Input.IncludeExcerpts"] = "true",
            ["Input.RetentionDays"] = "14",
            ["Input.nudge_concern"] = "Hoi! Bespreek het even met {teacher}?",
            ["Input.nudge_hurtful"] = "",
            ["Input.nudge_child"] = "",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var school = App.Services.GetRequiredService<SchoolSource>().Current;
        school.Settings.Should().BeEquivalentTo(new SchoolSettings { Sensitivity = 1.25, RetentionDays = 14, QuietFrom = new TimeOnly(21, 30), QuietTo = new TimeOnly(7, 0), HoldAlertsInQuietHours = true });
        school.FaqOptions.AutoAnswerInGroups.Should().BeFalse();
        school.Escalation.IncludeExcerpts.Should().BeTrue();
        school.Texts["nudge.concern"].Should().Equal("Hoi! Bespreek het even met {teacher}?");
        school.Texts.Should().NotContainKey("nudge.hurtful");
        var page = await browser.GetStringAsync(response.Headers.Location!);
        page.Should().Contain("value=\"1.25\"").And.Contain("value=\"21:30\"").And.Contain("Bespreek het even met {teacher}?");
    }

    [Theory]
    [InlineData("Input.Sensitivity", "5", "gevoeligheid")]
    [InlineData("Input.RetentionDays", "3", "tussen 7 en 365 dagen")]
    [InlineData("Input.QuietFrom", "laat", "als tijden")]
    public async Task Save_OutOfRange_SaysWhyAndChangesNothing(string field, string value, string reason)
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var fields = new Dictionary<string, string>
        {
            ["Input.Sensitivity"] = "1.0",
            ["Input.QuietFrom"] = "22:00",
            ["Input.QuietTo"] = "06:00",
            ["Input.RetentionDays"] = "30",
        };
        fields[field] = value;

        var response = await SaveAsync(browser, fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().ContainEquivalentOf(reason);
        App.Services.GetRequiredService<SchoolSource>().Snapshot.Version.Should().Be(0);
    }

    [Fact]
    public async Task Retention_TheSchoolsDaysWin()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        await SaveAsync(browser, new() { ["Input.Sensitivity"] = "1.0", ["Input.QuietFrom"] = "22:00", ["Input.QuietTo"] = "06:00", ["Input.RetentionDays"] = "7" });
        var alert = await App.AddAlertAsync("5");
        await using (var db = await App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<BotDbContext>>().CreateDbContextAsync())
        {
            var record = await db.Alerts.FindAsync(alert);
            record!.CreatedAt = TimeProvider.System.GetUtcNow().AddDays(-10);
            record.Status = AlertStatus.Resolved;
            await db.SaveChangesAsync();
        }

        var deleted = await App.Services.GetRequiredService<RetentionService>().DeleteExpiredAsync(CancellationToken.None);

        deleted.Alerts.Should().Be(1, "10 days is past the school's 7, though within the server's default of 30");
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient browser, Dictionary<string, string> fields)
    {
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/instellingen");
        fields["_handler"] = "settings";
        fields["__RequestVerificationToken"] = token;
        return await browser.PostAsync(new Uri("/admin/instellingen", UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
