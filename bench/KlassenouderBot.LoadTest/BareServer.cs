using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KlassenouderBot.LoadTest;

/// <summary>
/// The comparison: an ASP.NET Core app with the same builder and Kestrel defaults as the bot, whose
/// <c>POST /api/messages</c> only reads the body to the end and answers 200. What the bot achieves against
/// this, on the same machine in the same run, is the cost of token validation and the engine.
/// With <see cref="ValidateTokenOption"/> it first checks the bearer token as the bot does (RS256 signature
/// against the published key, issuer, audience, lifetime) and answers 401 otherwise: the most any endpoint
/// that validates every request's token can do here, before it parses or assesses anything.
/// </summary>
internal static class BareServer
{
    public const string Verb = "bare";
    public const string ValidateTokenOption = "--validate-token";

    private static readonly HashSet<string> ChannelAlgorithms = [SecurityAlgorithms.RsaSha256];

    /// <summary>Runs the server (this executable with the <c>bare</c> verb) until it is stopped.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Where(a => a != ValidateTokenOption).ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok());
        if (args.Contains(ValidateTokenOption))
        {
            var configuration = builder.Configuration;
            var parameters = await ChannelTokenParametersAsync(configuration["Channel:KeysUrl"]!, configuration["Channel:Issuer"]!, configuration["Channel:Audience"]!);
            var handler = new JsonWebTokenHandler();
            app.MapPost("/api/messages", context => ValidateThenReadAsync(context, handler, parameters));
        }
        else
        {
            app.MapPost("/api/messages", ReadToEndAsync);
        }

        await app.RunAsync();
        return 0;
    }

    /// <summary>Starts the bare server as a child process, with the same garbage collector as the app.</summary>
    public static ServerProcess Start(bool serverGc, string folder, FakeTeams? validateAgainst = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_gcServer"] = serverGc ? "1" : "0",
        };
        if (validateAgainst is not null)
        {
            environment["Channel__KeysUrl"] = validateAgainst.Identity.ChannelKeysUrl;
            environment["Channel__Issuer"] = IntegrationTests.Teams.Fakes.FakeBotFrameworkIdentity.ChannelIssuer;
            environment["Channel__Audience"] = IntegrationTests.Teams.TeamsTestData.AppId;
        }

        string[] arguments = validateAgainst is null ? [Verb] : [Verb, ValidateTokenOption];
        return ServerProcess.Start(validateAgainst is null ? "bare" : "bare-token", typeof(BareServer).Assembly.Location, arguments, environment, folder);
    }

    /// <summary>The bot's checks of a channel token, with the keys fetched once at start (the bot caches them too).</summary>
    private static async Task<TokenValidationParameters> ChannelTokenParametersAsync(string keysUrl, string issuer, string audience)
    {
        using var http = new HttpClient();
        var keys = new JsonWebKeySet(await http.GetStringAsync(keysUrl));
        return new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = ChannelAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        };
    }

    private static async Task ValidateThenReadAsync(HttpContext context, JsonWebTokenHandler handler, TokenValidationParameters parameters)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var valid = header.StartsWith("Bearer ", StringComparison.Ordinal)
            && (await handler.ValidateTokenAsync(header["Bearer ".Length..], parameters)).IsValid;
        await ReadToEndAsync(context);
        if (!valid)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    private static async Task ReadToEndAsync(HttpContext context)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
