using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Admin.Classes;
using KlassenouderBot.Admin.Guide;
using KlassenouderBot.Admin.Inbox;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
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

        admin.MapPost("/schoolgids/upload", UploadGuideAsync).RequireAuthorization(AdminSetup.SchoolAdminPolicy);

        admin.MapPost("/klassen/chat", async ([FromForm] string platform, [FromForm] string conversation, [FromForm] string? groep, HttpContext context, ClassAdministration classes, AdminMessages messages) =>
        {
            if (!Enum.TryParse<Platform>(platform, out var parsed))
            {
                return Results.BadRequest();
            }

            var problem = await classes.RelinkAsync(parsed, conversation, string.IsNullOrWhiteSpace(groep) ? null : groep, Actor(context), context.RequestAborted);
            return Results.LocalRedirect(messages.Redirect("/admin/klassen", problem ?? "De koppeling is aangepast."));
        }).RequireAuthorization(AdminSetup.SchoolAdminPolicy);

        admin.MapPost("/klassen/account/{id:guid}/verwijderen", async (Guid id, HttpContext context, ClassAdministration classes, AdminMessages messages) =>
        {
            var problem = await classes.DeleteAccountAsync(id, CurrentAccount.From(context.User)!, context.RequestAborted);
            return Results.LocalRedirect(messages.Redirect("/admin/klassen", problem ?? "Het account is verwijderd."));
        }).RequireAuthorization(AdminSetup.SchoolAdminPolicy).WithMetadata(new RequireAntiforgeryTokenAttribute());

        admin.MapPost("/bezorging/{id:guid}/{choice:regex(^(opnieuw|negeren)$)}", async (Guid id, string choice, HttpContext context, Delivery.UndeliveredMessages undelivered, AdminMessages messages) =>
        {
            var account = CurrentAccount.From(context.User)!;
            var done = choice == "opnieuw"
                ? await undelivered.RetryAsync(id, account, context.RequestAborted)
                : await undelivered.DismissAsync(id, account, context.RequestAborted);
            var text = AdminText.For(context);
            return Results.LocalRedirect(messages.Redirect("/admin/bezorging", text[!done ? "delivery.gone" : choice == "opnieuw" ? "delivery.retried" : "delivery.dismissed"]));
        }).RequireAuthorization(AdminSetup.SchoolAdminPolicy).WithMetadata(new RequireAntiforgeryTokenAttribute());

        admin.MapGet("/klassen/school.yaml", (SchoolSource school) =>
            Results.File(System.Text.Encoding.UTF8.GetBytes(school.Snapshot.Yaml), "application/yaml; charset=utf-8", "school.yaml"))
            .RequireAuthorization(AdminSetup.SchoolAdminPolicy);

        admin.MapPost("/klassen/import", async (IFormFile bestand, HttpContext context, ClassAdministration classes, AdminMessages messages) =>
        {
            const long maxYamlBytes = 1024 * 1024;
            if (bestand.Length > maxYamlBytes)
            {
                return Results.LocalRedirect(messages.Redirect("/admin/klassen", "Een schoolbestand is hooguit 1 MB; dit is geen schoolbestand."));
            }

            using var reader = new StreamReader(bestand.OpenReadStream(), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
            string yaml;
            try
            {
                yaml = await reader.ReadToEndAsync(context.RequestAborted);
            }
            catch (System.Text.DecoderFallbackException)
            {
                return Results.LocalRedirect(messages.Redirect("/admin/klassen", "Het bestand is geen UTF-8-tekst; sla het schoolbestand op als UTF-8 YAML."));
            }

            string? problem;
            try
            {
                problem = await classes.ImportAsync(yaml, Actor(context), context.RequestAborted);
            }
            catch (YamlDotNet.Core.YamlException exception)
            {
                problem = $"Geen geldige YAML (regel {exception.Start.Line}): {exception.Message}";
            }

            return Results.LocalRedirect(messages.Redirect("/admin/klassen", problem is null ? "Het schoolbestand is geïmporteerd." : $"Niet geïmporteerd: {problem}"));
        }).RequireAuthorization(AdminSetup.SchoolAdminPolicy);

        admin.MapGet("/privacy/export", async ([FromQuery] string persoon, HttpContext context, Privacy.PersonalDataRequests requests) =>
        {
            var found = await requests.FindAsync(persoon, context.RequestAborted);
            await requests.AuditAsync("privacy.exported", found.Person, Actor(context), context.RequestAborted);
            return Results.File(requests.Export(found), "application/json", $"gegevens-{Privacy.PersonalDataRequests.Pseudonym(found.Person)}.json");
        }).RequireAuthorization(AdminSetup.SchoolAdminPolicy);

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

    private static string Actor(HttpContext context) =>
        CurrentAccount.From(context.User) is { } account ? account.AuditName : "admin";

    /// <summary>
    /// A guide upload. The size is checked before the body is read (a 50 MB file is refused at once, with the
    /// reason), then the form, then its antiforgery token, which is checked here because the body limit has to be
    /// set before anything reads the form.
    /// </summary>
    private static async Task<IResult> UploadGuideAsync(HttpContext context, IAntiforgery antiforgery, GuideUploads uploads, AdminMessages messages)
    {
        const string page = "/admin/schoolgids";
        const long formOverhead = 1024 * 1024;
        if (context.Request.ContentLength is { } length && length > GuideUploads.MaxBytes + formOverhead)
        {
            return Results.LocalRedirect(messages.Redirect(page, GuideUploads.TooLarge(length)));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = GuideUploads.MaxBytes + formOverhead;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.LocalRedirect(messages.Redirect(page, GuideUploads.TooLarge(GuideUploads.MaxBytes + formOverhead)));
        }
        catch (AntiforgeryValidationException)
        {
            return Results.BadRequest();
        }

        if (form.Files.GetFile("bestand") is not { } file)
        {
            return Results.LocalRedirect(messages.Redirect(page, "Kies eerst een bestand (Markdown of Word)."));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted);
        var account = CurrentAccount.From(context.User)!;
        var (id, problem) = await uploads.StoreAsync(file.FileName, buffer.ToArray(), account.AuditName, context.RequestAborted);
        return id is { } stored
            ? Results.LocalRedirect($"{page}/voorbeeld/{stored}")
            : Results.LocalRedirect(messages.Redirect(page, problem!));
    }
}
