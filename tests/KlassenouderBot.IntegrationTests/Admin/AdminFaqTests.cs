using System.Net;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Faq;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Admin;

/// <summary>The FAQ editor: entries saved as new versions of the school, answered at once, kept across restarts.</summary>
public sealed class AdminFaqTests : AdminAppTest
{
    protected override async Task SeedAsync()
    {
        await App.AddAccountAsync("klassenouder5@example.nl", AccountRole.ClassParent, "5");
    }

    [Fact]
    public async Task Save_NewEntry_AnswersAtOnceInTryAQuestionAndIsAVersionWithWhoMadeIt()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        var saved = await SaveAsync(browser, "/admin/faq/nieuw", new()
        {
            ["Input.Id"] = "kerstdiner",
            ["Input.Question"] = "Wanneer is het kerstdiner?",
            ["Input.Alternates"] = "Hoe laat begint het kerstdiner?\nWhen is the Christmas dinner?",
            ["Input.Answer"] = "Het kerstdiner is op donderdag 17 december van 17.00 tot 18.30 uur in de klas.",
        });

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var page = await browser.GetStringAsync(saved.Headers.Location!);
        page.Should().Contain("data-would-answer=\"true\"").And.Contain("data-name=\"kerstdiner\"");
        App.Services.GetRequiredService<FaqIndex>().Current.Ask("hoe laat is het kerstdiner").FaqId.Should().Be("kerstdiner");
        var versions = await VersionsAsync();
        versions.Should().ContainSingle().Which.Should().Match<SchoolDocumentRecord>(v => v.Version == 1 && v.Change == "faq.saved kerstdiner" && v.ChangedBy.Contains(SchoolAdmin));
        versions[0].Yaml.Should().Contain("id: kerstdiner").And.Contain("name: \"Kindcentrum De Wilgenhoek\"", "what the editor did not touch stays as the school wrote it");
    }

    [Fact]
    public async Task Save_ExistingEntryEditedThenDeleted_EachAVersionAndTheBotFollows()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var entry = App.Services.GetRequiredService<SchoolSource>().Current.Faq[0];

        (await SaveAsync(browser, $"/admin/faq/bewerk/{entry.Id}", new()
        {
            ["Input.Id"] = entry.Id,
            ["Input.Question"] = entry.Question,
            ["Input.Alternates"] = string.Join('\n', entry.Alternates),
            ["Input.Answer"] = "Een nieuw antwoord van de school.",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        App.Services.GetRequiredService<SchoolSource>().Current.Faq.Single(e => e.Id == entry.Id).Answer.Should().Be("Een nieuw antwoord van de school.");

        var token = await AdminApplication.AntiforgeryTokenAsync(browser, $"/admin/faq/bewerk/{entry.Id}");
        var deleted = await browser.PostAsync(new Uri($"/admin/faq/bewerk/{entry.Id}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "faq-delete",
            ["__RequestVerificationToken"] = token,
            ["delete"] = "1",
        }));

        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        App.Services.GetRequiredService<SchoolSource>().Current.Faq.Should().NotContain(e => e.Id == entry.Id);
        (await VersionsAsync()).Select(v => v.Change).Should().Equal($"faq.saved {entry.Id}", $"faq.deleted {entry.Id}");
        (await AuditAsync()).Should().Contain(a => a.Action == "faq.deleted" && a.TargetType == "school");
    }

    [Fact]
    public async Task Save_IdOfAnotherEntry_SaysSoAndStoresNothing()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var existing = App.Services.GetRequiredService<SchoolSource>().Current.Faq[0].Id;

        var response = await SaveAsync(browser, "/admin/faq/nieuw", new()
        {
            ["Input.Id"] = existing,
            ["Input.Question"] = "Nog een vraag?",
            ["Input.Answer"] = "Nog een antwoord.",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"Er is al een vraag met id &#x27;{existing}&#x27;");
        (await VersionsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Save_HtmlAndScriptInTheText_ShownEncodedNeverRun()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        await SaveAsync(browser, "/admin/faq/nieuw", new()
        {
            ["Input.Id"] = "script",
            ["Input.Question"] = "<script>alert('x')</script> Waar hangt de <b>gevonden</b> voorwerpen kast?",
            ["Input.Answer"] = "<img src=x onerror=alert(1)> Bij de ingang.",
        });
        var list = await browser.GetStringAsync(new Uri("/admin/faq", UriKind.Relative));
        var tried = await browser.GetStringAsync(new Uri("/admin/faq?vraag=waar+is+de+kast+met+gevonden+voorwerpen", UriKind.Relative));

        list.Should().Contain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;").And.NotContain("<script>alert");
        tried.Should().NotContain("<img src=x").And.NotContain("<b>gevonden</b>");
    }

    [Fact]
    public async Task Faq_ClassParent_IsNotAllowed()
    {
        using var browser = await AdminApplication.SignedInAsync(App, "klassenouder5@example.nl");

        var response = await browser.GetAsync(new Uri("/admin/faq", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/admin/geen-toegang");
    }

    [Fact]
    public async Task Missed_AQuestionTheBotCouldNotAnswer_ListedWithoutNamesToTurnIntoAnEntry()
    {
        var store = App.Services.GetRequiredService<FaqAnswerStore>();
        var question = "Mag Daan zijn hond meenemen naar school? Bel me op 06-12345678";
        var result = App.Services.GetRequiredService<FaqIndex>().Current.Ask(question);
        result.Answered.Should().BeFalse("the test needs a question the sample school does not answer");
        await store.RecordAsync(new ConversationRef(Platform.Playground, "groep-5"), "5", result, question, CancellationToken.None);
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        var page = await browser.GetStringAsync(new Uri("/admin/faq", UriKind.Relative));

        page.Should().Contain("Mag [naam] zijn hond meenemen naar school? Bel me op [telefoon]").And.NotContain("Daan").And.NotContain("12345678");
        page.Should().Contain("/admin/faq/nieuw?vraag=");
    }

    [Fact]
    public async Task Restart_TheSavedVersionIsTheSchoolTheBotRunsOn()
    {
        using (var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin))
        {
            await SaveAsync(browser, "/admin/faq/nieuw", new()
            {
                ["Input.Id"] = "kerstdiner",
                ["Input.Question"] = "Wanneer is het kerstdiner?",
                ["Input.Answer"] = "Op donderdag 17 december.",
            });
        }

        await using var restarted = new AdminApplication(new Dictionary<string, string?> { ["ConnectionStrings:KlassenouderBot"] = App.Settings["ConnectionStrings:KlassenouderBot"] });

        restarted.Services.GetRequiredService<SchoolSource>().Snapshot.Version.Should().Be(1);
        restarted.Services.GetRequiredService<FaqIndex>().Current.Ask("wanneer is het kerstdiner").FaqId.Should().Be("kerstdiner");
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, path);
        fields["_handler"] = "faq-save";
        fields["__RequestVerificationToken"] = token;
        return await browser.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private async Task<List<SchoolDocumentRecord>> VersionsAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        return await db.SchoolDocuments.AsNoTracking().OrderBy(d => d.Version).ToListAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().ToListAsync();
    }
}
