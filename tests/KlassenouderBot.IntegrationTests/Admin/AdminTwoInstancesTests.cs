using System.Net;
using KlassenouderBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Admin;

/// <summary>Two instances on one database: the data protection key ring is in the database, so a sign-in on one is valid on the other.</summary>
public sealed class AdminTwoInstancesTests : AdminAppTest
{
    [Fact]
    public async Task SignIn_OnOneInstance_TheCookieWorksOnTheOther()
    {
        await using var other = new AdminApplication(new Dictionary<string, string?> { ["ConnectionStrings:KlassenouderBot"] = App.Settings["ConnectionStrings:KlassenouderBot"] });
        using var first = App.Browser();
        var signedIn = await AdminApplication.SignInAsync(first, SchoolAdmin, AdminApplication.Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kob.admin=", StringComparison.Ordinal)).Split(';')[0];
        using var second = other.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);

        var response = await second.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the second instance reads the first one's cookie");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Open meldingen");
    }

    [Fact]
    public async Task SignIn_TheKeyThatSignsTheCookieIsInTheSharedDatabase()
    {
        using var first = App.Browser();
        await AdminApplication.SignInAsync(first, SchoolAdmin, AdminApplication.Password);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();

        (await db.DataProtectionKeys.CountAsync()).Should().BePositive("the key that signed the cookie is in the database, not on one machine's disk");
    }
}
