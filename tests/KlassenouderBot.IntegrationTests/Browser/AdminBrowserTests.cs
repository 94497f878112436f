using KlassenouderBot.Data.Entities;

namespace KlassenouderBot.IntegrationTests.Browser;

/// <summary>The admin app in headless Chromium, as a class parent and a school admin use it.</summary>
public sealed class AdminBrowserTests
{
    /// <summary>A substitute teacher again, piling up until the bot alerts the class parent.</summary>
    private static readonly string[] Escalating =
    [
        "Hebben jullie ook gehoord dat er morgen weer een invaller is?",
        "Alweer! Die school is echt waardeloos georganiseerd",
        "Schandalig. Die juf is waardeloos, wat een trut",
        "Laten we met z'n allen naar de directie stappen en eisen dat ze weg gaat",
        "Die kankerjuf moet gewoon oprotten",
    ];

    [BrowserFact]
    public async Task ClassParent_AlertRaisedInThePlayground_HandledInTheInboxAndTheChartFollows()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.App.AddAccountAsync("klassenouder5@example.nl", AccountRole.ClassParent, "5");

        // Parents in the playground's groep 5 chat, until the bot alerts the class parent.
        var chat = await session.NewPageAsync();
        await chat.GotoAsync("/");
        await chat.WaitForSelectorAsync("#author-select option", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        var authors = await chat.Locator("#author-select option").AllInnerTextsAsync();
        for (var i = 0; i < Escalating.Length; i++)
        {
            await chat.SelectOptionAsync("#author-select", authors[i % authors.Count]);
            await chat.FillAsync("#text", Escalating[i]);
            await chat.ClickAsync("#send");
            await chat.Locator("#messages li").Filter(new() { HasText = Escalating[i] }).WaitForAsync();
        }

        await chat.Locator("#alerts li").First.WaitForAsync();

        // The class parent signs in on a phone and sees it.
        var admin = await session.NewPageAsync(phone: true);
        await BrowserSession.SignInAsync(admin, "klassenouder5@example.nl");
        var chart = admin.Locator("figure.temperature[data-groep='5']");
        (await chart.GetAttributeAsync("data-open-alerts")).Should().Be("1");
        (await chart.Locator("circle.open-alert").CountAsync()).Should().Be(1);
        await BrowserSession.ScreenshotAsync(admin, "dashboard-open-alert");

        await admin.ClickAsync("text=Meldingen");
        await admin.Locator("li[data-alert] a").First.ClickAsync();
        await admin.WaitForSelectorAsync("button[value=resolve]");
        await BrowserSession.ScreenshotAsync(admin, "alert");
        await admin.ClickAsync("button[value=claim]");
        await admin.Locator("text=Opgepakt door").WaitForAsync();
        await admin.ClickAsync("button[value=resolve]");
        await admin.Locator("text=Opgelost door").WaitForAsync();
        (await admin.Locator("button[value=resolve]").CountAsync()).Should().Be(0);

        // The dashboard follows: the day is still warm, the alert is no longer open.
        await admin.ClickAsync("text=Overzicht");
        (await chart.GetAttributeAsync("data-open-alerts")).Should().Be("0");
        (await chart.Locator("circle.open-alert").CountAsync()).Should().Be(0);
        (await chart.Locator("rect.t3, rect.t4").CountAsync()).Should().BeGreaterThan(0, "the day the chat escalated stays on the chart");
        await BrowserSession.ScreenshotAsync(admin, "dashboard");
    }

    [BrowserFact]
    public async Task SignedOut_AnyAdminPage_GoesToSignIn()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();

        await page.GotoAsync("/admin/meldingen");

        page.Url.Should().Contain("/admin/inloggen?ReturnUrl=%2Fadmin%2Fmeldingen");
        await BrowserSession.ScreenshotAsync(page, "sign-in");
    }

    [BrowserFact]
    public async Task ClassParent_AnotherGroepsAlert_NotListedAndRefused()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.App.AddAccountAsync("klassenouder5@example.nl", AccountRole.ClassParent, "5");
        var other = await session.App.AddAlertAsync("3", "Ophef over het schoolreisje van groep 3.");
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "klassenouder5@example.nl");

        await page.GotoAsync("/admin/meldingen?alle=1");
        (await page.ContentAsync()).Should().NotContain("schoolreisje");
        var response = await page.GotoAsync($"/admin/meldingen/{other}");

        response!.Status.Should().Be(403);
        (await page.ContentAsync()).Should().Contain("Geen toegang").And.NotContain("schoolreisje");
    }

    [BrowserFact]
    public async Task SchoolAdmin_AddsAnFaqEntry_AndItAnswersInTryAQuestion()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.App.AddAccountAsync("directie@wilgenhoek.nl", AccountRole.SchoolAdmin);
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "directie@wilgenhoek.nl");

        await page.ClickAsync("nav >> text=FAQ");
        await page.ClickAsync("text=Nieuwe vraag");
        await page.FillAsync("#faq-id", "kerstdiner");
        await page.FillAsync("#faq-question", "Wanneer is het kerstdiner?");
        await page.FillAsync("#faq-alternates", "Hoe laat begint het kerstdiner?\nWhen is the Christmas dinner?");
        await page.FillAsync("#faq-answer", "Het kerstdiner is op donderdag 17 december van 17.00 tot 18.30 uur in de klas.");
        await page.ClickAsync("button[type=submit]:has-text('Opslaan')");

        await page.WaitForURLAsync("**/admin/faq?vraag=*");
        (await page.Locator("[data-would-answer]").GetAttributeAsync("data-would-answer")).Should().Be("true");
        (await page.Locator("ol.suggestions li").First.GetAttributeAsync("data-name")).Should().Be("kerstdiner");
        await page.FillAsync("#vraag", "hoe laat begint het kerstdiner");
        await page.ClickAsync("button:has-text('Probeer')");
        (await page.Locator("ol.suggestions li").First.GetAttributeAsync("data-name")).Should().Be("kerstdiner");
        await BrowserSession.ScreenshotAsync(page, "faq");
    }

    [BrowserFact]
    public async Task SchoolAdmin_UploadsAGuide_PreviewsItsPassagesAndUsesIt()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.App.AddAccountAsync("directie@wilgenhoek.nl", AccountRole.SchoolAdmin);
        var guide = Path.Combine(session.App.Directory, "schoolgids-2027.md");
        await File.WriteAllTextAsync(guide, "# Schoolgids\n\n## Schoolzwemmen\nGroep 5 zwemt op vrijdag van 10.00 tot 11.00 uur.\n\n## Luizencontrole\nNa elke vakantie kijken ouders de kinderen na.\n");
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "directie@wilgenhoek.nl");

        await page.GotoAsync("/admin/schoolgids");
        await page.SetInputFilesAsync("#bestand", guide);
        await page.ClickAsync("button:has-text('Uploaden en bekijken')");

        await page.WaitForURLAsync("**/admin/schoolgids/voorbeeld/*");
        (await page.Locator("[data-passages]").GetAttributeAsync("data-passages")).Should().Be("2");
        await BrowserSession.ScreenshotAsync(page, "guide-preview");
        await page.ClickAsync("button:has-text('Gebruik deze schoolgids')");
        await page.Locator("text=schoolgids-2027.md is nu de schoolgids van de bot.").WaitForAsync();
    }
}
