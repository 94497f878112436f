using System.Net;
using System.Net.Http.Headers;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Faq;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Admin;

/// <summary>Uploading a school guide: checked, previewed as passages, and only then used.</summary>
public sealed class AdminGuideTests : AdminAppTest
{
    private const string Guide = """
        # Schoolgids De Proef

        ## Schoolzwemmen
        Groep 5 zwemt op vrijdag van 10.00 tot 11.00 uur in De Waterlelie. Neem een handdoek mee.

        ## Luizencontrole
        Na elke vakantie kijken ouders de kinderen na op hoofdluis.
        """;

    protected override async Task SeedAsync()
    {
        await App.AddAccountAsync("klassenouder5@example.nl", AccountRole.ClassParent, "5");
    }

    [Fact]
    public async Task Upload_Markdown_PreviewThenUse_TheBotAnswersFromIt()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        var uploaded = await UploadAsync(browser, "schoolgids-2027.md", System.Text.Encoding.UTF8.GetBytes(Guide));

        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var preview = uploaded.Headers.Location!.ToString();
        preview.Should().StartWith("/admin/schoolgids/voorbeeld/");
        var html = await browser.GetStringAsync(new Uri(preview, UriKind.Relative));
        html.Should().Contain("data-passages=\"2\"").And.Contain("Schoolzwemmen").And.Contain("Luizencontrole");
        App.Services.GetRequiredService<SchoolSource>().Snapshot.Guide.Should().BeNull("a preview changes nothing yet");

        var token = await AdminApplication.AntiforgeryTokenAsync(browser, preview);
        var used = await browser.PostAsync(new Uri(preview, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "guide-use",
            ["__RequestVerificationToken"] = token,
            ["use"] = "1",
        }));

        used.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await browser.GetStringAsync(used.Headers.Location!)).Should().Contain("schoolgids-2027.md is nu de schoolgids van de bot.");
        App.Services.GetRequiredService<SchoolSource>().Snapshot.Guide!.FileName.Should().Be("schoolgids-2027.md");
        var answer = App.Services.GetRequiredService<FaqIndex>().Current.Ask("Op welke dag is het schoolzwemmen?");
        answer.Source.Should().Be("Schoolzwemmen");
    }

    [Fact]
    public async Task Upload_DocxThatIsNotOne_RefusedWithTheReasonAndNothingStored()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        var response = await UploadAsync(browser, "schoolgids.docx", System.Text.Encoding.UTF8.GetBytes("dit is geen Word-bestand"));

        (await browser.GetStringAsync(response.Headers.Location!)).Should().Contain("not a Word document");
        (await GuideCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Upload_FiftyMegabytes_RefusedWithTheSizeAndTheLimit()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        var response = await UploadAsync(browser, "schoolgids.docx", new byte[50 * 1024 * 1024]);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await browser.GetStringAsync(response.Headers.Location!)).Should().Contain("Het bestand is 50,0 MB; een schoolgids mag hier hooguit 20 MB zijn.");
        (await GuideCountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("schoolgids.pdf", "geen Markdown (.md) of Word (.docx)")]
    [InlineData("leeg.md", "is leeg")]
    public async Task Upload_WrongKindOrEmpty_Refused(string fileName, string reason)
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        var response = await UploadAsync(browser, fileName, fileName.EndsWith(".pdf", StringComparison.Ordinal) ? [0x25, 0x50, 0x44, 0x46] : []);

        (await browser.GetStringAsync(response.Headers.Location!)).Should().Contain(reason);
    }

    [Fact]
    public async Task Upload_ForgedAntiforgeryToken_Is400()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        var response = await UploadAsync(browser, "schoolgids.md", System.Text.Encoding.UTF8.GetBytes(Guide), token: "vervalst");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await GuideCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Upload_ClassParent_IsNotAllowed()
    {
        using var browser = await AdminApplication.SignedInAsync(App, "klassenouder5@example.nl");
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin");

        var response = await UploadAsync(browser, "schoolgids.md", System.Text.Encoding.UTF8.GetBytes(Guide), token);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/admin/geen-toegang");
        (await GuideCountAsync()).Should().Be(0);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string fileName, byte[] content, string? token = null)
    {
        token ??= await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/schoolgids");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "bestand", fileName);
        return await browser.PostAsync(new Uri("/admin/schoolgids/upload", UriKind.Relative), form);
    }

    private async Task<int> GuideCountAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        return await db.SchoolGuides.CountAsync();
    }
}
