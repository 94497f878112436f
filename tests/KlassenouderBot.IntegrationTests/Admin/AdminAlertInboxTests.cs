using System.Net;
using KlassenouderBot.Data.Entities;

namespace KlassenouderBot.IntegrationTests.Admin;

/// <summary>The alert inbox: a class parent sees and answers the alerts of their own groep, and nothing of another's.</summary>
public sealed class AdminAlertInboxTests : AdminAppTest
{
    private Guid _groep5;
    private Guid _groep3;

    protected override async Task SeedAsync()
    {
        await App.AddAccountAsync("klassenouder5@example.nl", AccountRole.ClassParent, "5");
        _groep5 = await App.AddAlertAsync("5", "Zorgen over de invaller in groep 5.");
        _groep3 = await App.AddAlertAsync("3", "Ophef over het schoolreisje van groep 3.");
    }

    [Fact]
    public async Task Inbox_ClassParent_SeesOnlyTheirOwnGroep()
    {
        using var browser = await AdminApplication.SignedInAsync(App, "klassenouder5@example.nl");

        var html = await browser.GetStringAsync(new Uri("/admin/meldingen", UriKind.Relative));

        html.Should().Contain("Zorgen over de invaller in groep 5.").And.NotContain("schoolreisje");
    }

    [Fact]
    public async Task Inbox_SchoolAdmin_SeesEveryGroep()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        var html = await browser.GetStringAsync(new Uri("/admin/meldingen", UriKind.Relative));

        html.Should().Contain("invaller").And.Contain("schoolreisje");
    }

    [Fact]
    public async Task Alert_AnotherGroepsIdInTheUrl_Is403()
    {
        using var browser = await AdminApplication.SignedInAsync(App, "klassenouder5@example.nl");

        var response = await browser.GetAsync(new Uri($"/admin/meldingen/{_groep3}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Geen toegang").And.NotContain("schoolreisje");
    }

    [Fact]
    public async Task Answer_AnotherGroepsAlert_Is403AndChangesNothing()
    {
        using var browser = await AdminApplication.SignedInAsync(App, "klassenouder5@example.nl");
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, $"/admin/meldingen/{_groep5}");

        var response = await PostChoiceAsync(browser, _groep3, "claim", token);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await App.AlertAsync(_groep3)).Status.Should().Be(AlertStatus.Open);
    }

    [Fact]
    public async Task Answer_ClaimThenResolve_StoredWithWhoAndAudited()
    {
        using var browser = await AdminApplication.SignedInAsync(App, "klassenouder5@example.nl");
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, $"/admin/meldingen/{_groep5}");

        var claimed = await PostChoiceAsync(browser, _groep5, "claim", token);

        claimed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        claimed.Headers.Location!.ToString().Should().Be($"/admin/meldingen/{_groep5}");
        var page = await browser.GetStringAsync(claimed.Headers.Location);
        page.Should().Contain("Opgepakt door klassenouder5").And.Contain("value=\"resolve\"").And.NotContain("value=\"claim\"");

        (await PostChoiceAsync(browser, _groep5, "resolve", token)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var alert = await App.AlertAsync(_groep5);
        alert.Status.Should().Be(AlertStatus.Resolved);
        alert.HandledBy.Should().Be("klassenouder5");
        (await App.AuditAsync(_groep5)).Select(a => a.Action).Where(a => a != "alert.viewed").Should().BeEquivalentTo(["alert.claimed", "alert.resolved"]);
        (await App.AuditAsync(_groep5)).Should().Contain(a => a.Action == "alert.viewed" && a.Actor.Contains("klassenouder5@example.nl"), "who saw an alert is in the log");
        (await browser.GetStringAsync(new Uri("/admin/meldingen", UriKind.Relative))).Should().Contain("Geen meldingen", "a resolved alert leaves the open list");
    }

    [Fact]
    public async Task Answer_WithoutAntiforgeryToken_IsRefused()
    {
        using var browser = await AdminApplication.SignedInAsync(App, "klassenouder5@example.nl");

        var response = await browser.PostAsync(new Uri($"/admin/meldingen/{_groep5}/antwoord", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "false_alarm" }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.AlertAsync(_groep5)).Status.Should().Be(AlertStatus.Open);
    }

    [Fact]
    public async Task Alert_UnknownId_Is404()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        var response = await browser.GetAsync(new Uri($"/admin/meldingen/{Guid.NewGuid()}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Niet gevonden");
    }

    private static Task<HttpResponseMessage> PostChoiceAsync(HttpClient browser, Guid alert, string choice, string token) =>
        browser.PostAsync(new Uri($"/admin/meldingen/{alert}/antwoord", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["choice"] = choice,
        }));
}
