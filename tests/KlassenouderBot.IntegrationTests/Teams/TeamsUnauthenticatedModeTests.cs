using System.Net;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary><c>BotFramework:AllowUnauthenticated</c>: a local convenience that must never work in Production.</summary>
public sealed class TeamsUnauthenticatedModeTests
{
    private static readonly Dictionary<string, string?> AllowUnauthenticated = new() { ["BotFramework:AllowUnauthenticated"] = "true" };

    [Fact]
    public async Task PostActivity_AllowUnauthenticatedInDevelopment_AcceptsARequestWithoutToken()
    {
        await using var host = await TeamsTestHost.StartAsync(settings: AllowUnauthenticated);

        var response = await host.PostAsync(host.Activities.GroupMessage(TeamsTestData.Mark, TeamsTestData.Calm), authorization: null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Start_AllowUnauthenticatedInProduction_RefusesToStartOrProcessesNothingUnauthenticated()
    {
        await using (var control = await TeamsTestHost.StartAsync("Production", startApp: false))
        {
            await control.StartAppAsync().WaitAsync(TimeSpan.FromSeconds(60));
            (await control.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "the same settings without the flag start in Production");
        }

        await using var host = await TeamsTestHost.StartAsync("Production", AllowUnauthenticated, startApp: false);
        Exception? refused = null;
        try
        {
            await host.StartAppAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception exception) when (exception is not TimeoutException)
        {
            refused = exception;
        }

        if (refused is not null)
        {
            return;
        }

        var response = await host.PostAsync(host.Activities.GroupMessage(TeamsTestData.Mark, TeamsTestData.Hurtful), authorization: null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a Production app that starts with the flag must still demand a token");
        var barrier = await host.SendBarrierAsync();
        host.ShouldHaveSentNothingBesides(barrier, "an unauthenticated activity must never reach the bot in Production");
    }
}
