using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Admin;

/// <summary>Classes and contacts: who is alerted per groep, linked chats, accounts by invitation, the YAML in and out.</summary>
public sealed partial class AdminClassesTests : AdminAppTest
{
    [Fact]
    public async Task Contacts_NewClassParent_IsWhoTheGroepsAlertsGoTo()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var path = "/admin/klassen/contacten?groep=5";
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, path);

        var response = await browser.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "contacts",
            ["__RequestVerificationToken"] = token,
            ["Input.ClassParentName"] = "Sophie",
            ["Input.ClassParentEmail"] = "sophie@example.nl",
            ["Input.Teachers"] = "meester Tom Veenstra, t.veenstra@wilgenhoek.example\njuf Eva Dekker, e.dekker@wilgenhoek.example",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var groep5 = App.Services.GetRequiredService<SchoolSource>().Current.FindClass("5")!;
        groep5.ClassParent!.Name.Should().Be("Sophie");
        groep5.Teachers.Select(t => t.Name).Should().Equal("meester Tom Veenstra", "juf Eva Dekker");
        groep5.Teachers[0].Days.Should().NotBeEmpty("a teacher who stays keeps their days");
        groep5.AlertRecipients.Select(r => (r.Role, r.Name)).Should().Equal(("klassenouder", "Sophie"), ("leerkracht", "meester Tom Veenstra"), ("leerkracht", "juf Eva Dekker"));
    }

    [Fact]
    public async Task Invite_TheLinkSetsAPasswordAndTheAccountSignsIn()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/klassen");

        var page = await (await browser.PostAsync(new Uri("/admin/klassen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "invite",
            ["__RequestVerificationToken"] = token,
            ["Invite.Email"] = "sophie@example.nl",
            ["Invite.Name"] = "Sophie",
            ["Invite.Role"] = "ClassParent",
            ["Invite.Groepen"] = "5",
        }))).Content.ReadAsStringAsync();

        var link = WebUtility.HtmlDecode(InviteLink().Match(page).Groups[1].Value);
        link.Should().StartWith("http://localhost/admin/wachtwoord?account=");
        using var invited = App.Browser();
        var passwordToken = await AdminApplication.AntiforgeryTokenAsync(invited, link);
        var set = await invited.PostAsync(new Uri(link), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "password",
            ["__RequestVerificationToken"] = passwordToken,
            ["Input.Password"] = AdminApplication.Password,
        }));
        set.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await invited.GetStringAsync(set.Headers.Location!)).Should().Contain("Je wachtwoord is opgeslagen");

        using var signedIn = await AdminApplication.SignedInAsync(App, "sophie@example.nl");
        (await signedIn.GetStringAsync(new Uri("/admin", UriKind.Relative))).Should().Contain("Groep 5").And.NotContain("Groep 6");

        // The link works once.
        using var again = App.Browser();
        var againToken = await AdminApplication.AntiforgeryTokenAsync(again, link);
        var reused = await again.PostAsync(new Uri(link), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "password",
            ["__RequestVerificationToken"] = againToken,
            ["Input.Password"] = "een ander lang wachtwoord",
        }));
        (await reused.Content.ReadAsStringAsync()).Should().Contain("niet (meer) geldig");
    }

    [Fact]
    public async Task Chat_MovedToAnotherGroepThenUnlinked()
    {
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync())
        {
            db.ConversationLinks.Add(new ConversationLink { Platform = Platform.Teams, ConversationId = "19:abc@thread.v2", Groep = "5", Title = "Ouders groep 5", LinkedAt = TimeProvider.System.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var links = App.Services.GetRequiredService<IConversationLinks>();
        var chat = new ConversationRef(Platform.Teams, "19:abc@thread.v2");

        (await PostChatAsync(browser, "6")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await links.GetGroepAsync(chat, CancellationToken.None)).Should().Be("6");
        await PostChatAsync(browser, "");
        (await links.GetGroepAsync(chat, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Yaml_ExportedThenImportedChanged_IsTheSchoolAndBrokenYamlChangesNothing()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var exported = await browser.GetStringAsync(new Uri("/admin/klassen/school.yaml", UriKind.Relative));
        exported.Should().Contain("Kindcentrum De Wilgenhoek");

        var broken = await ImportAsync(browser, "school:\n  name: [unclosed\n");
        WebUtility.HtmlDecode(await browser.GetStringAsync(broken.Headers.Location!)).Should().Contain("Niet geïmporteerd");
        var missingName = await ImportAsync(browser, "school:\n  phone: 1\n");
        WebUtility.HtmlDecode(await browser.GetStringAsync(missingName.Headers.Location!)).Should().Contain("Niet geïmporteerd").And.Contain("school.name");
        App.Services.GetRequiredService<SchoolSource>().Snapshot.Version.Should().Be(0);

        var imported = await ImportAsync(browser, exported.Replace("Kindcentrum De Wilgenhoek", "Kindcentrum De Nieuwe Wilg", StringComparison.Ordinal));
        WebUtility.HtmlDecode(await browser.GetStringAsync(imported.Headers.Location!)).Should().Contain("Het schoolbestand is geïmporteerd.");
        App.Services.GetRequiredService<SchoolSource>().Current.Name.Should().Be("Kindcentrum De Nieuwe Wilg");
    }

    [Fact]
    public async Task Account_DeletedByTheAdmin_CannotSignInAndTheAdminCannotDeleteThemselves()
    {
        var parent = await App.AddAccountAsync("ouder@example.nl", AccountRole.ClassParent, "3");
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/klassen");

        await browser.PostAsync(new Uri($"/admin/klassen/account/{parent.Id}/verwijderen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        (await AdminApplication.SignInAsync(App.Browser(), "ouder@example.nl", AdminApplication.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in failed");
        var self = await FindAsync(SchoolAdmin);
        var refused = await browser.PostAsync(new Uri($"/admin/klassen/account/{self!.Id}/verwijderen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        (await browser.GetStringAsync(refused.Headers.Location!)).Should().Contain("eigen account");
    }

    private async Task<Account?> FindAsync(string email)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        return await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Email == email);
    }

    private static async Task<HttpResponseMessage> PostChatAsync(HttpClient browser, string groep)
    {
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/klassen");
        return await browser.PostAsync(new Uri("/admin/klassen/chat", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["platform"] = "Teams",
            ["conversation"] = "19:abc@thread.v2",
            ["groep"] = groep,
        }));
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient browser, string yaml)
    {
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/klassen");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(yaml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        form.Add(file, "bestand", "school.yaml");
        return await browser.PostAsync(new Uri("/admin/klassen/import", UriKind.Relative), form);
    }

    [GeneratedRegex("data-invite-link>([^<]+)<")]
    private static partial Regex InviteLink();
}
