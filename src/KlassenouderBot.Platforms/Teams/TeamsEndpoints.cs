using System.Text.Json;
using System.Threading.Channels;
using KlassenouderBot.Platforms.Teams.Auth;
using KlassenouderBot.Platforms.Teams.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace KlassenouderBot.Platforms.Teams;

/// <summary><c>POST /api/messages</c>: the Bot Connector's door into the bot.</summary>
internal static class TeamsEndpoints
{
    /// <summary>Teams messages are at most about 100 KB; a generous cap keeps a flood of huge bodies out.</summary>
    private const long MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> HandleMessagesAsync(
        HttpContext httpContext,
        BotFrameworkAuthenticator authenticator,
        ConnectorClient connector,
        TeamsTurnHandler handler,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(TeamsEndpoints));
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes;
        }

        string? authorization = httpContext.Request.Headers.Authorization;

        // Without a token there is nothing to check the body against: refuse before reading it.
        if (string.IsNullOrEmpty(authorization))
        {
            var anonymous = await authenticator.AuthenticateAsync(authorization, new Activity(), cancellationToken);
            if (!anonymous.Succeeded)
            {
                return Reject(httpContext, logger, anonymous);
            }
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(httpContext.Request.Body, TeamsJsonContext.Default.Activity, cancellationToken);
        }
        catch (JsonException exception)
        {
            logger.MalformedActivity($"not a JSON activity (line {exception.LineNumber})");
            return Results.BadRequest();
        }
        catch (BadHttpRequestException)
        {
            logger.MalformedActivity("body too large or unreadable");
            return Results.BadRequest();
        }

        if (activity is not { Type.Length: > 0 })
        {
            logger.MalformedActivity("activity without a type");
            return Results.BadRequest();
        }

        var outcome = await authenticator.AuthenticateAsync(authorization, activity, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Reject(httpContext, logger, outcome);
        }

        // The bot could never answer there, and must not send its token there: refuse before any work.
        if (activity.ServiceUrl is not null && !connector.IsAllowedServiceUrl(activity.ServiceUrl))
        {
            logger.ServiceUrlNotAllowed();
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        TurnResult result;
        try
        {
            result = await handler.HandleAsync(activity, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Shutting down: let the channel deliver again to another instance or after the restart.
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return result.InvokeResponse is { } invoke
            ? Results.Json(invoke, TeamsJsonContext.Default.AdaptiveCardInvokeResponse, statusCode: result.StatusCode)
            : Results.StatusCode(result.StatusCode);
    }

    private static IResult Reject(HttpContext httpContext, ILogger logger, AuthenticationOutcome outcome)
    {
        var status = outcome.Status switch
        {
            AuthenticationStatus.Forbidden => StatusCodes.Status403Forbidden,
            AuthenticationStatus.KeysUnavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status401Unauthorized,
        };
        logger.RequestRejected(status, outcome.Reason);
        if (status == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        }

        // No details in the body: a caller probing tokens learns nothing from it.
        return Results.StatusCode(status);
    }

    public static IEndpointConventionBuilder MapTeamsMessages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/messages", HandleMessagesAsync).DisableAntiforgery().WithName("BotFrameworkMessages");
}
