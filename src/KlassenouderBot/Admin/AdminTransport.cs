using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KlassenouderBot.Admin;

/// <summary>
/// The admin app only over https, except on loopback, where the bot runs for development (its default address
/// is http://localhost:3978, as the Bot Framework tools expect). Behind a TLS-terminating proxy on the same
/// machine, X-Forwarded-Proto makes the request https again, so the sign-in cookie is marked Secure.
/// </summary>
internal static class AdminTransport
{
    public static void UseAdminTransport(this WebApplication app)
    {
        // Only proxies on loopback are believed (the defaults); a remote client cannot claim https.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) && !IsSafe(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Het beheer werkt alleen via https. / The admin app only works over https.", context.RequestAborted);
                return;
            }

            await next(context);
        });
    }

    // No remote address means an in-process test host; Kestrel always sets one.
    private static bool IsSafe(HttpContext context) =>
        context.Request.IsHttps || context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);
}
