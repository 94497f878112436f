using KlassenouderBot.Moderation;
using KlassenouderBot.Moderation.Azure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Azure;

public sealed class AzureReadinessTests
{
    [Fact]
    public async Task Readyz_AzureCircuitOpen_ReportsDegradedAndTheBotStillAssesses()
    {
        await using var azure = await FakeAzureLanguage.StartAsync();
        azure.Behave = FakeAzureLanguage.Failing(401, "Unauthorized", "invalid key");
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("AzureLanguage:Endpoint", azure.Endpoint.ToString());
            web.UseSetting("AzureLanguage:Key", "wrong-key");
            web.UseSetting("Playground:Enabled", "false");
            web.UseSetting("ConnectionStrings:KlassenouderBot", $"Data Source={Path.Combine(Path.GetTempPath(), $"azure-ready-{Guid.NewGuid():N}.db")}");
        });
        using var client = app.CreateClient();
        var analyzer = app.Services.GetRequiredService<IToneAnalyzer>();
        analyzer.Should().BeOfType<SecondOpinionToneAnalyzer>();
        (await client.GetStringAsync(new Uri("/readyz", UriKind.Relative))).Should().Be("Healthy");

        var verdict = await analyzer.AssessAsync("Die juf is waardeloos, wat een trut", AnalysisContext.None, CancellationToken.None);

        verdict.Label.Should().Be(ToneLabel.Hurtful);
        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        ready.IsSuccessStatusCode.Should().BeTrue("degraded is still ready: the local analyser works");
        (await ready.Content.ReadAsStringAsync()).Should().Be("Degraded");
    }

    [Fact]
    public async Task Serve_WithoutAzure_UsesTheLocalAnalyserAsBefore()
    {
        await using var app = new WebApplicationFactory<Program>();
        _ = app.CreateClient();

        app.Services.GetRequiredService<IToneAnalyzer>().Should().BeOfType<LocalToneAnalyzer>();
    }
}
