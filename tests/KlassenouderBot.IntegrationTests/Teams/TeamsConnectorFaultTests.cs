using System.Net;
using KlassenouderBot.IntegrationTests.Teams.Fakes;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary>The Bot Connector throttling (429) or down (500): the bot retries, never doubles, never crashes.</summary>
public sealed class TeamsConnectorFaultTests
{
    private static readonly TeamsMember Mark = TeamsTestData.Mark;
    private static readonly string MarksChat = FakeBotConnector.PersonalConversationId(Mark.Id);

    [Fact]
    public async Task PostMessage_NudgeSendThrottledOnce_RetriesAndDeliversExactlyOnce()
    {
        await using var host = await TeamsTestHost.StartAsync();
        host.Connector.FailNext(1, 429, TimeSpan.FromSeconds(1), r => r.IsActivityWriteTo(MarksChat));

        (await host.PostAsync(host.Activities.GroupMessage(Mark, TeamsTestData.Hurtful))).StatusCode.Should().Be(HttpStatusCode.OK);

        await host.WaitForPrivateMessageAsync(Mark);
        await host.SendBarrierAsync();
        var writes = host.Connector.Requests.Where(r => r.IsActivityWriteTo(MarksChat)).ToList();
        writes.Should().ContainSingle(r => r.StatusCode == 429);
        writes.Should().ContainSingle(r => r.Succeeded, "the nudge arrives once");
    }

    [Fact]
    public async Task PostMessage_CreateConversationThrottledOnce_RetriesAndDeliversExactlyOnce()
    {
        await using var host = await TeamsTestHost.StartAsync();
        host.Connector.FailNext(1, 429, TimeSpan.FromSeconds(1), r => r.IsCreateConversationWith(Mark.Id));

        (await host.PostAsync(host.Activities.GroupMessage(Mark, TeamsTestData.Hurtful))).StatusCode.Should().Be(HttpStatusCode.OK);

        await host.WaitForPrivateMessageAsync(Mark);
        await host.SendBarrierAsync();
        host.Connector.Requests.Where(r => r.IsCreateConversationWith(Mark.Id)).Select(r => r.StatusCode).Should().HaveCount(2).And.Contain(429);
        host.Connector.Requests.Where(r => r.IsActivityWriteTo(MarksChat)).Should().ContainSingle(r => r.Succeeded);
    }

    [Fact]
    public async Task PostMessage_Throttled_WaitsForRetryAfterBeforeTryingAgain()
    {
        await using var host = await TeamsTestHost.StartAsync();
        host.Connector.FailNext(1, 429, TimeSpan.FromSeconds(1), r => r.IsActivityWriteTo(MarksChat));

        await host.PostAsync(host.Activities.GroupMessage(Mark, TeamsTestData.Hurtful));

        var delivered = await host.WaitForPrivateMessageAsync(Mark);
        var throttled = host.Connector.Requests.Single(r => r.IsActivityWriteTo(MarksChat) && r.StatusCode == 429);
        (delivered.ReceivedAt - throttled.ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900), "Retry-After: 1 asks for a second");
    }

    [Fact]
    public async Task PostMessages_ConnectorDown_StillAnswers200AndKeepsTheUndeliveredAlertForRetry()
    {
        await using var host = await TeamsTestHost.StartAsync();
        host.Connector.IsDown = true;

        var responses = new[]
        {
            await host.PostAsync(host.Activities.GroupMessage(Mark, TeamsTestData.Insult, timestamp: TeamsTestData.Afternoon())),
            await host.PostAsync(host.Activities.GroupMessage(TeamsTestData.Ilse, TeamsTestData.PileOn, timestamp: TeamsTestData.Afternoon(TimeSpan.FromMinutes(1)))),
        };

        responses.Select(r => r.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.OK);
        var alert = await host.WaitForAlertAsync(
            a => a.DeliveredAt == null && !string.IsNullOrEmpty(a.FailureReason),
            "an undelivered alert with a failure reason",
            TimeSpan.FromSeconds(90));
        alert.Groep.Should().Be("5");
        (await host.PostAsync(host.Activities.GroupMessage(TeamsTestData.Sanne, TeamsTestData.Calm, timestamp: TeamsTestData.Afternoon(TimeSpan.FromMinutes(2)))))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        // The outage opened the circuit: sends fail fast (and stay stored) instead of queueing behind a dead
        // connector. It lets a probe through after its break (2 s in tests); then the bot talks again, no restart.
        host.Connector.ResetFaults();
        await Task.Delay(TimeSpan.FromSeconds(2.5), TimeProvider.System);
        await host.SendBarrierAsync();
    }
}
