using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Admin.Inbox;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Platforms;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KlassenouderBot.Admin;

/// <summary>The admin app's form posts that are no page: signing out, answering an alert, the language switch.</summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin");

        admin.MapPost("/uitloggen", async (SignInManager<Account> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(AdminSetup.SignInPath);
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());

        admin.MapPost("/meldingen/{id:guid}/antwoord", async (Guid id, [FromForm] string choice, HttpContext context, AlertInbox inbox, ILogger<AlertInbox> logger) =>
        {
            var account = CurrentAccount.From(context.User)!;
            AlertChoice? parsed = choice switch
            {
                "claim" => AlertChoice.Claim,
                "resolve" => AlertChoice.Resolve,
                "false_alarm" => AlertChoice.FalseAlarm,
                _ => null,
            };
            if (parsed is null)
            {
                return Results.BadRequest();
            }

            var access = await inbox.ApplyAsync(account, id, parsed.Value, context.RequestAborted);
            if (access == AlertAccess.Forbidden)
            {
                logger.AlertRefused(account.Id, id);
            }

            return access switch
            {
                AlertAccess.Allowed => Results.LocalRedirect($"/admin/meldingen/{id}"),
                AlertAccess.Forbidden => Results.StatusCode(StatusCodes.Status403Forbidden),
                _ => Results.NotFound(),
            };
        }).RequireAuthorization();

        // A link, not a form: it changes nothing but how the pages read.
        admin.MapGet("/taal/{language}", (string language, [FromQuery] string? terug, HttpContext context) =>
        {
            context.Response.Cookies.Append(AdminText.CookieName, language == "en" ? "en" : "nl", new CookieOptions
            {
                Path = "/admin",
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(365),
            });
            return Results.LocalRedirect(terug is { Length: > 0 } back && back.StartsWith("/admin", StringComparison.Ordinal) && !back.StartsWith("//", StringComparison.Ordinal) ? back : "/admin");
        });
    }
}
