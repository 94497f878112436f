using System.Net;
using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Admin;

/// <summary>The first school admin: from the one-time setup link in the log, or from <c>create-admin</c>.</summary>
public sealed class AdminFirstAccountTests
{
    [Fact]
    public async Task SetupLink_UsedOnce_CreatesTheAdminSignsInAndIsThenSpent()
    {
        await using var app = new AdminApplication();
        using var browser = app.Browser();
        var path = app.Services.GetRequiredService<FirstAdminSetup>().Open();
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, path);

        var created = await browser.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Marieke Directeur",
            ["Input.Email"] = "directie@wilgenhoek.nl",
            ["Input.Password"] = AdminApplication.Password,
        }));

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await browser.GetStringAsync(new Uri("/admin", UriKind.Relative))).Should().Contain("Marieke Directeur");
        using var other = app.Browser();
        var again = await other.GetAsync(new Uri(path, UriKind.Relative));
        again.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await again.Content.ReadAsStringAsync()).Should().Contain("niet (meer) geldig");
    }

    [Fact]
    public async Task SetupLink_WeakPassword_SaysWhyAndKeepsTheLink()
    {
        await using var app = new AdminApplication();
        using var browser = app.Browser();
        var path = app.Services.GetRequiredService<FirstAdminSetup>().Open();
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, path);

        var response = await browser.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "M",
            ["Input.Email"] = "directie@wilgenhoek.nl",
            ["Input.Password"] = "kort",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("at least 12 characters").And.NotContain("value=\"kort\"");
        (await browser.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SetupLink_WrongToken_IsGoneWithTheReason()
    {
        await using var app = new AdminApplication();
        using var browser = app.Browser();
        _ = app.Services.GetRequiredService<FirstAdminSetup>().Open();

        var response = await browser.GetAsync(new Uri(FirstAdminSetup.PathPrefix + "0123456789abcdef", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await response.Content.ReadAsStringAsync()).Should().Contain("niet (meer) geldig").And.NotContain("Input.Password");
    }

    [Fact]
    public async Task CreateAdmin_PasswordOnStdin_TheAccountCanSignIn()
    {
        await using var app = new AdminApplication();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(app.Settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLineApp.RunAsync(["create-admin", "--email", "directie@wilgenhoek.nl", "--password-stdin"], new StringReader(AdminApplication.Password + "\n"), output, error, () => settings);

        exit.Should().Be(0, error.ToString());
        output.ToString().Should().Contain("created school admin directie@wilgenhoek.nl");
        using var browser = await AdminApplication.SignedInAsync(app, "directie@wilgenhoek.nl");
        (await browser.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("", "no password on standard input")]
    [InlineData("kort", "at least 12 characters")]
    public async Task CreateAdmin_NoOrWeakPassword_ExitsTwoWithOneLine(string password, string reason)
    {
        await using var app = new AdminApplication();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(app.Settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLineApp.RunAsync(["create-admin", "--email", "directie@wilgenhoek.nl", "--password-stdin"], new StringReader(password), output, error, () => settings);

        exit.Should().Be(2);
        output.ToString().Should().BeEmpty();
        error.ToString().TrimEnd().Should().Contain(reason).And.NotContain("\n").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("create-admin", "--password-stdin")]
    [InlineData("create-admin", "--email", "x@y.nl")]
    [InlineData("create-admin", "--email", "geen-adres", "--password-stdin")]
    public async Task CreateAdmin_BadArguments_ExitsTwo(params string[] args)
    {
        await using var app = new AdminApplication();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(app.Settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLineApp.RunAsync(args, new StringReader(AdminApplication.Password), output, error, () => settings);

        exit.Should().Be(2);
        error.ToString().Should().StartWith("error: ");
    }
}
