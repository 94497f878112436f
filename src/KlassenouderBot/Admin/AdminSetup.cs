using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Admin.Components;
using KlassenouderBot.Admin.Inbox;
using KlassenouderBot.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Admin;

public static class AdminSetup
{
    public const string SignInPath = "/admin/inloggen";
    public const string AccessDeniedPath = "/admin/geen-toegang";

    /// <summary>The policy of the pages only a school admin may use (FAQ, guide, classes, settings, privacy).</summary>
    public const string SchoolAdminPolicy = "school_admin";

    /// <summary>
    /// The school's and class parents' app at <c>/admin</c>: Identity's sign-in with lock-out over the app's own
    /// database, a cookie that is HTTP-only, SameSite=Strict and Secure (https is required except on loopback,
    /// <see cref="AdminTransport"/>), antiforgery on every form, and the pages as server-rendered Razor components
    /// (no JavaScript needed, so it works on any phone).
    /// </summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddRazorComponents();

        // One key ring for every instance, in the shared database (Data/DatabaseXmlRepository).
        services.AddDataProtection().SetApplicationName("KlassenouderBot");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new Data.DatabaseXmlRepository(sp.GetRequiredService<IDbContextFactory<Data.BotDbContext>>(), sp.GetRequiredService<TimeProvider>())));
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "kob.admin";
            cookie.Cookie.Path = "/admin";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(SchoolAdminPolicy, policy => policy.RequireRole(SnakeCaseRole(AccountRole.SchoolAdmin)));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "kob.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAccounts().AddSignInManager().AddTokenProvider<DataProtectorTokenProvider<Account>>(TokenOptions.DefaultProvider);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = AccountsSetup.InviteLifetime);
        services.AddSingleton<Classes.ClassAdministration>();
        services.AddSingleton<Settings.SchoolSettingsEditing>();
        services.AddSingleton<Privacy.PersonalDataRequests>();
        services.AddSingleton<FirstAdminSetup>();
        services.AddHostedService<FirstAdminSetupService>();
        services.AddSingleton<AlertInbox>();
        services.AddSingleton<Dashboard.DashboardFigures>();
        services.AddSingleton<FaqEditor.FaqEditing>();
        services.AddSingleton<Guide.GuideUploads>();
        services.AddSingleton<Delivery.UndeliveredMessages>();
        services.AddSingleton<AdminMessages>();
        return services;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.UseAdminTransport();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorComponents<App>();
        app.MapAdminEndpoints();
        return app;
    }

    internal static string SnakeCaseRole(AccountRole role) => Data.SnakeCase.From(role.ToString());
}
