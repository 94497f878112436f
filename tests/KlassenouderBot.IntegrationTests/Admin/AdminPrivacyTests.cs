using System.Net;
using System.Text.Json;
using KlassenouderBot.Admin.Privacy;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Admin;

/// <summary>A parent's access and erasure requests, and the audit log.</summary>
public sealed class AdminPrivacyTests : AdminAppTest
{
    private Guid _alert;

    protected override async Task SeedAsync()
    {
        await App.AddAccountAsync("naima@example.nl", AccountRole.ClassParent, "5");
        _alert = await App.AddAlertAsync("5");
        await using var db = await Database().CreateDbContextAsync();
        var alert = await db.Alerts.FindAsync(_alert);
        alert!.RecipientLabel = "Naima";
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Export_ByName_EverythingThatNamesThemAndTheRequestIsLoggedWithoutTheName()
    {
        using (var parent = await AdminApplication.SignedInAsync(App, "naima@example.nl"))
        {
            var token = await AdminApplication.AntiforgeryTokenAsync(parent, $"/admin/meldingen/{_alert}");
            await parent.PostAsync(new Uri($"/admin/meldingen/{_alert}/antwoord", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["choice"] = "claim" }));
        }

        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        (await browser.GetStringAsync(new Uri("/admin/privacy?persoon=naima", UriKind.Relative))).Should().Contain("data-found=\"");

        var export = JsonDocument.Parse(await browser.GetStringAsync(new Uri("/admin/privacy/export?persoon=Naima", UriKind.Relative))).RootElement;

        export.GetProperty("alerts").GetArrayLength().Should().Be(1);
        export.GetProperty("alerts")[0].GetProperty("handledBy").GetString().Should().Be("naima");
        var audit = await AuditAsync();
        audit.Should().Contain(a => a.Action == "privacy.exported" && a.TargetId == PersonalDataRequests.Pseudonym("Naima"));
        audit.Where(a => a.Action.StartsWith("privacy.", StringComparison.Ordinal)).Should().OnlyContain(a => !a.TargetId.Contains("aima", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Erase_AccountGoneNameOutOfAlertsAndTheLogPseudonymised()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var requests = App.Services.GetRequiredService<PersonalDataRequests>();
        await requests.AuditAsync("test.action", "x", "Naima (naima@example.nl)", CancellationToken.None);
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/privacy?persoon=Naima");

        var response = await browser.PostAsync(new Uri("/admin/privacy", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "erase",
            ["__RequestVerificationToken"] = token,
            ["persoon"] = "Naima",
            ["zeker"] = "ja",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = await Database().CreateDbContextAsync();
        (await db.Accounts.AnyAsync(a => a.Email == "naima@example.nl")).Should().BeFalse();
        (await db.Alerts.SingleAsync(a => a.Id == _alert)).RecipientLabel.Should().Be(PersonalDataRequests.Erased);
        (await db.AuditEntries.Where(a => a.Action == "test.action").SingleAsync()).Actor.Should().StartWith(PersonalDataRequests.Erased).And.NotContain("aima");
        (await requests.FindAsync("Naima", CancellationToken.None)).Count.Should().Be(0, "nothing names her any more");
    }

    [Fact]
    public async Task Erase_WithoutConfirming_ChangesNothing()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/privacy?persoon=Naima");

        var response = await browser.PostAsync(new Uri("/admin/privacy", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "erase",
            ["__RequestVerificationToken"] = token,
            ["persoon"] = "Naima",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);

        await using var db = await Database().CreateDbContextAsync();
        (await db.Accounts.AnyAsync(a => a.Email == "naima@example.nl")).Should().BeTrue();
    }

    [Fact]
    public async Task AuditLog_ShowsWhoViewedAnAlert()
    {
        using (var parent = await AdminApplication.SignedInAsync(App, "naima@example.nl"))
        {
            await parent.GetStringAsync(new Uri($"/admin/meldingen/{_alert}", UriKind.Relative));
        }

        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var log = await browser.GetStringAsync(new Uri("/admin/logboek", UriKind.Relative));

        log.Should().Contain("data-action=\"alert.viewed\"").And.Contain("naima@example.nl");
    }

    private IDbContextFactory<BotDbContext> Database() => App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>();

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = await Database().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().ToListAsync();
    }
}
