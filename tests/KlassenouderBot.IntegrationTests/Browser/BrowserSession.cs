using System.Net;
using KlassenouderBot.IntegrationTests.Admin;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KlassenouderBot.IntegrationTests.Browser;

/// <summary>
/// The real app on Kestrel (loopback, a free port, the playground on) and a headless Chromium to drive it.
/// Screenshots go to <c>KLASSENOUDERBOT_SCREENSHOTS</c>, or <c>screenshots/</c> beside the tests.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private BrowserSession(AdminApplication app, Uri address, IPlaywright playwright, IBrowser browser)
    {
        App = app;
        Address = address;
        _playwright = playwright;
        Browser = browser;
    }

    public AdminApplication App { get; }

    public Uri Address { get; }

    public IBrowser Browser { get; }

    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("KLASSENOUDERBOT_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<BrowserSession> StartAsync()
    {
        var app = new AdminApplication(new Dictionary<string, string?> { ["Playground:Enabled"] = "true" });
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return new BrowserSession(app, address, playwright, browser);
    }

    /// <summary>A fresh browser profile (its own cookies) with a phone-sized or desktop window.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1200, Height = 900 },
            Locale = "nl-NL",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/admin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", AdminApplication.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/admin");
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
