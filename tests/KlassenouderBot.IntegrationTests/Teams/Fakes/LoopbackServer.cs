using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KlassenouderBot.IntegrationTests.Teams.Fakes;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port: the bot under test reaches the fakes over
/// HTTP exactly as it would reach Microsoft, so its own HttpClient, handlers and retries are exercised.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Always ends with a slash, e.g. <c>http://127.0.0.1:50123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <param name="handler">Answers every request.</param>
    /// <param name="configure">Adds middleware ahead of <paramref name="handler"/>, e.g. <c>app.UseWebSockets()</c> for a fake gateway.</param>
    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler, Action<WebApplication>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        configure?.Invoke(app);
        app.Run(handler);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static async Task WriteJsonAsync(HttpResponse response, int statusCode, JsonNode? body)
    {
        response.StatusCode = statusCode;
        if (body is null)
        {
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
    }

    /// <summary>A request body as JSON, or null when it is empty or not JSON (the fakes record it either way).</summary>
    public static JsonNode? ParseJsonOrNull(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
