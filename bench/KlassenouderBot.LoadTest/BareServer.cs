using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KlassenouderBot.LoadTest;

/// <summary>
/// The comparison: an ASP.NET Core app with the same builder and Kestrel defaults as the bot, whose
/// <c>POST /api/messages</c> only reads the body to the end and answers 200. What the bot achieves against
/// this, on the same machine in the same run, is the cost of token validation and the engine.
/// </summary>
internal static class BareServer
{
    public const string Verb = "bare";

    /// <summary>Runs the server (this executable with the <c>bare</c> verb) until it is stopped.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok());
        app.MapPost("/api/messages", ReadToEndAsync);
        await app.RunAsync();
        return 0;
    }

    /// <summary>Starts the bare server as a child process, with the same garbage collector as the app.</summary>
    public static ServerProcess Start(bool serverGc, string folder)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_gcServer"] = serverGc ? "1" : "0",
        };
        return ServerProcess.Start("bare", typeof(BareServer).Assembly.Location, [Verb], environment, folder);
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
