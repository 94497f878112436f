using System.Net;
using System.Text.RegularExpressions;
using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Admin;

/// <summary>The real app with its admin pages, on its own SQLite file, with helpers to add accounts and alerts and to sign in.</summary>
internal sealed partial class AdminApplication(IReadOnlyDictionary<string, string?>? settings = null)
    : BotApplication("klassenouderbot-admin", school => school, settings ?? new Dictionary<string, string?>(), "Production")
{
    public const string Password = "een lange wachtwoordzin";

    public async Task<Account> AddAccountAsync(string email, AccountRole role, params string[] groepen)
    {
        await using var scope = Services.CreateAsyncScope();
        var (account, problem) = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateAsync(new NewAccount(email, email.Split('@')[0], Password, role, groepen));
        return account ?? throw new InvalidOperationException(problem);
    }

    public async Task<Guid> AddAlertAsync(string groep, string summary = "Het gesprek in de klassenchat loopt op.")
    {
        var id = Guid.NewGuid();
        var factory = Services.GetRequiredService<IDbContextFactory<BotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var now = TimeProvider.System.GetUtcNow().AddMinutes(-5);
        db.Alerts.Add(new AlertRecord
        {
            Id = id,
            ConversationKey = $"playground:groep-{groep}",
            Groep = groep,
            Level = EscalationLevel.Escalated,
            Severe = false,
            ParentCount = 3,
            Topic = "school",
            WindowStart = now.AddMinutes(-20),
            WindowEnd = now,
            Summary = summary,
            SuggestedStep = "Neem vandaag contact op met de leerkracht.",
            Signals = "insult,gang_up",
            RecipientLabel = "klassenouder",
            CreatedAt = now,
        });
        await db.SaveChangesAsync();
        return id;
    }

    public async Task<AlertRecord> AlertAsync(Guid id)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<BotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(Guid alertId)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<BotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.TargetId == alertId.ToString()).ToListAsync();
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (so tests see them).</summary>
    public HttpClient Browser() => CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the form, as a person would; returns the response to the post.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(browser, "/admin/inloggen");
        return await browser.PostAsync(new Uri("/admin/inloggen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static async Task<HttpClient> SignedInAsync(AdminApplication app, string email)
    {
        var browser = app.Browser();
        var response = await SignInAsync(browser, email, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return browser;
    }

    /// <summary>Reads the antiforgery token from a page's form (the cookie half stays in the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string path)
    {
        var html = await browser.GetStringAsync(new Uri(path, UriKind.RelativeOrAbsolute));
        return TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
    }
}
