using System.Net;
using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Data.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Admin;

public sealed class AdminSignInTests : AdminAppTest
{
    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/meldingen")]
    public async Task Get_SignedOut_RedirectsToSignInWithTheWayBack(string path)
    {
        using var browser = App.Browser();

        var response = await browser.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be($"http://localhost/admin/inloggen?ReturnUrl={Uri.EscapeDataString(path)}");
    }

    [Fact]
    public async Task SignIn_RightPassword_GoesToTheDashboardWithAHttpOnlyStrictCookie()
    {
        using var browser = App.Browser();

        var response = await AdminApplication.SignInAsync(browser, SchoolAdmin, AdminApplication.Password);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location.Should().Be(new Uri("http://localhost/admin"));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kob.admin=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/admin");
        (await browser.GetStringAsync(new Uri("/admin", UriKind.Relative))).Should().Contain("Open meldingen").And.Contain("directie");
    }

    [Theory]
    [InlineData(SchoolAdmin, "fout wachtwoord dus")]
    [InlineData("niemand@wilgenhoek.nl", AdminApplication.Password)]
    public async Task SignIn_WrongPasswordOrUnknownAddress_TheSameGenericMessage(string email, string password)
    {
        using var browser = App.Browser();

        var response = await AdminApplication.SignInAsync(browser, email, password);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Inloggen is niet gelukt. Controleer je e-mailadres en wachtwoord.");
        html.Should().NotContain("bestaat niet").And.NotContain(password);
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.StartsWith("kob.admin=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        using var browser = App.Browser();
        for (var i = 0; i < AccountsSetup.MaxFailedSignIns; i++)
        {
            await AdminApplication.SignInAsync(browser, SchoolAdmin, $"verkeerd wachtwoord {i}");
        }

        var response = await AdminApplication.SignInAsync(browser, SchoolAdmin, AdminApplication.Password);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "no sign-in while locked");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Te veel pogingen");
        await using var scope = App.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>().FindByEmailAsync(SchoolAdmin);
        account!.LockoutEnd.Should().BeAfter(TimeProvider.System.GetUtcNow().AddMinutes(14));
    }

    [Fact]
    public async Task SignIn_ForgedAntiforgeryToken_IsRefused()
    {
        using var browser = App.Browser();
        _ = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/inloggen");

        var response = await browser.PostAsync(new Uri("/admin/inloggen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = "CfDJ8-forged-token",
            ["Input.Email"] = SchoolAdmin,
            ["Input.Password"] = AdminApplication.Password,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.StartsWith("kob.admin=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_StaysInTheAdminApp()
    {
        using var browser = App.Browser();
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/inloggen");

        var response = await browser.PostAsync(new Uri("/admin/inloggen?ReturnUrl=https%3A%2F%2Fevil.example%2F", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = SchoolAdmin,
            ["Input.Password"] = AdminApplication.Password,
        }));

        response.Headers.Location.Should().Be(new Uri("http://localhost/admin"));
    }

    [Fact]
    public async Task SignOut_ThenTheDashboard_AsksToSignInAgain()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin");

        var response = await browser.PostAsync(new Uri("/admin/uitloggen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await browser.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_OverHttps_TheCookieIsSecure()
    {
        using var browser = App.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await AdminApplication.SignInAsync(browser, SchoolAdmin, AdminApplication.Password);

        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kob.admin=", StringComparison.Ordinal)).Should().Contain("secure");
    }

    [Fact]
    public async Task Language_SwitchedToEnglish_ThePagesReadInEnglish()
    {
        using var browser = App.Browser();

        var response = await browser.GetAsync(new Uri("/admin/taal/en?terug=%2Fadmin%2Finloggen", UriKind.Relative));

        response.Headers.Location!.ToString().Should().Be("/admin/inloggen");
        var html = await browser.GetStringAsync(new Uri("/admin/inloggen", UriKind.Relative));
        html.Should().Contain("<html lang=\"en\"").And.Contain("E-mail address");
    }
}
