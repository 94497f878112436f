using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.IntegrationTests.Teams;
using KlassenouderBot.IntegrationTests.Teams.Fakes;
using KlassenouderBot.Moderation;
using KlassenouderBot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Faults;

/// <summary>
/// Faults around the Bot Connector: an outage of 500s and timeouts, and the bot killed (SIGKILL) while alerts
/// wait. Every alert arrives exactly once; what might have arrived is never sent twice.
/// </summary>
[Trait("Category", "Fault")]
public sealed class TeamsFaultTests
{
    /// <summary>Fast retries for seconds-long tests: the same outbox, shorter waits, enough attempts to outlast the outage.</summary>
    private static readonly Dictionary<string, string?> FastOutbox = new()
    {
        ["Outbox:PollInterval"] = "00:00:00.500",
        ["Outbox:BaseDelay"] = "00:00:01",
        ["Outbox:MaxDelay"] = "00:00:03",
        ["Outbox:MaxAttempts"] = "100",
        ["Outbox:Lease"] = "00:00:30",
    };

    [Fact]
    public async Task ConnectorOutage_500sAndTimeouts_EveryAlertArrivesExactlyOnce()
    {
        var outage = FaultDurations.Pick(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
        await using var host = await TeamsTestHost.StartAsync(settings: FastOutbox);
        var clock = Stopwatch.StartNew();
        host.Connector.IsDown = true;

        // A pile-on a "day" during the outage (the engine goes by the messages' timestamps): each is a new alert.
        var episodes = 0;
        while (clock.Elapsed < outage)
        {
            // Half of the outage answers 500 at once, the other half hangs past the bot's attempt timeout.
            host.Connector.ResponseDelay = (int)(clock.Elapsed.TotalSeconds / 3) % 2 == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(6);
            await PileOnAsync(host, day: episodes++);
            await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
        }

        host.Connector.ResponseDelay = TimeSpan.Zero;
        host.Connector.IsDown = false;
        var alerts = await WaitForAllDeliveredAsync(host, 2 * episodes);

        var cards = SuccessfulAlertCards(host.Connector);
        alerts.Should().HaveCountGreaterThanOrEqualTo(2 * episodes, "every pile-on alerts the klassenouder and the teacher");
        foreach (var alert in alerts)
        {
            cards.Count(id => id == alert.Id).Should().Be(1, $"alert {alert.Id} ({alert.RecipientLabel}) arrives once");
        }

        cards.Should().OnlyContain(id => alerts.Any(a => a.Id == id));
        host.Connector.Requests.Count(r => r.IsSend && !r.Succeeded).Should().BeGreaterThan(0, "the outage was real");
    }

    [Fact]
    public async Task Killed_WhileAlertsWaitForTheConnector_RestartedTheyArriveOnce()
    {
        await using var scene = await KillScene.StartAsync();
        var (identity, connector, folder, settings, activities) = (scene.Identity, scene.Connector, scene.Folder, scene.Settings, scene.Activities);
        const int Episodes = 3;

        connector.IsDown = true;
        await using (var first = await BotProcess.StartAsync(settings))
        {
            foreach (var activity in Enumerable.Range(0, Episodes).SelectMany(day => Episode(activities, day - Episodes)))
            {
                await PostAsync(first, identity, connector, activity);
            }

            await WaitUntilAsync(async () => await CountAsync(folder, db => db.Alerts.CountAsync()) >= 2 * Episodes, "the alerts stored before the kill");
            await first.KillAsync();
        }

        var stored = await CountAsync(folder, db => db.Alerts.CountAsync());
        connector.IsDown = false;
        await using var second = await BotProcess.StartAsync(settings);

        // Each alert ends delivered, or (when the kill caught its send under way) listed as in doubt.
        await WaitUntilAsync(
            async () => await CountAsync(folder, db => db.Interventions.CountAsync(i => i.Kind == InterventionKind.Alert && (i.DeliveredAt != null || i.DeadLetteredAt != null))) == stored,
            "every stored alert delivered or listed after the restart",
            TimeSpan.FromSeconds(60));
        await using var check = Open(folder);
        var alerts = await check.Interventions.AsNoTracking().Where(i => i.Kind == InterventionKind.Alert).ToListAsync();
        var cards = SuccessfulAlertCards(connector);
        cards.Should().OnlyHaveUniqueItems("nothing is sent twice");
        alerts.Where(a => a.DeliveredAt != null).Should().NotBeEmpty("alerts waiting for the connector survive the kill");
        foreach (var alert in alerts)
        {
            if (alert.DeliveredAt is not null)
            {
                cards.Should().Contain(alert.Id);
            }
            else
            {
                alert.FailureReason.Should().Be(InterventionOutbox.InDoubtReason, "only a send the kill interrupted is not sent again");
            }
        }
    }

    [Fact]
    public async Task Killed_DuringASend_TheSendIsNotRepeatedButListedAsADeadLetter()
    {
        await using var scene = await KillScene.StartAsync(new Dictionary<string, string?> { ["Outbox:Lease"] = "00:00:03" });
        var (identity, connector, folder, settings, activities) = (scene.Identity, scene.Connector, scene.Folder, scene.Settings, scene.Activities);

        await using (var first = await BotProcess.StartAsync(settings))
        {
            await PostAsync(first, identity, connector, activities.GroupMessage(TeamsTestData.Mark, TeamsTestData.Insult, timestamp: TeamsTestData.Afternoon()));
            await WaitUntilAsync(async () => await CountAsync(folder, db => db.Interventions.CountAsync(i => i.DeliveredAt != null)) > 0, "Mark's nudge");

            // The connector now hangs: the alert's send starts and never finishes before the kill.
            connector.ResponseDelay = TimeSpan.FromMinutes(1);
            await PostAsync(first, identity, connector, activities.GroupMessage(TeamsTestData.Ilse, TeamsTestData.PileOn, timestamp: TeamsTestData.Afternoon(TimeSpan.FromMinutes(1))));
            await WaitUntilAsync(async () => await CountAsync(folder, db => db.Interventions.CountAsync(i => i.Kind == InterventionKind.Alert && i.AttemptStartedAt != null)) > 0, "an alert send under way");
            await first.KillAsync();
        }

        connector.ResponseDelay = TimeSpan.Zero;
        await using var second = await BotProcess.StartAsync(settings);
        await WaitUntilAsync(async () => await CountAsync(folder, db => db.Interventions.CountAsync(i => i.DeadLetteredAt != null)) > 0, "the interrupted send listed", TimeSpan.FromSeconds(30));

        await using var check = Open(folder);
        var interrupted = await check.Interventions.AsNoTracking().Where(i => i.DeadLetteredAt != null).ToListAsync();
        interrupted.Should().OnlyContain(i => i.FailureReason == InterventionOutbox.InDoubtReason);
        var cards = SuccessfulAlertCards(connector);
        foreach (var record in interrupted)
        {
            cards.Should().NotContain(record.Id, "a send that may have arrived is not repeated");
        }
    }

    private static async Task PileOnAsync(TeamsTestHost host, int day)
    {
        foreach (var activity in Episode(host.Activities, day - 400))
        {
            (await host.PostAsync(activity)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// One "day" of the chat (the engine goes by the messages' timestamps): two calm messages, which end the
    /// previous episode, then Mark's insult and Ilse's pile-on, which alert the klassenouder and the teacher.
    /// </summary>
    private static IEnumerable<JsonNode> Episode(TeamsActivities activities, int day)
    {
        var start = TeamsTestData.Afternoon(TimeSpan.FromDays(day));
        yield return activities.GroupMessage(TeamsTestData.Sanne, TeamsTestData.Calm, timestamp: start);
        yield return activities.GroupMessage(TeamsTestData.Sanne, TeamsTestData.Calm, timestamp: start.AddMinutes(1));
        yield return activities.GroupMessage(TeamsTestData.Mark, TeamsTestData.Insult, timestamp: start.AddMinutes(2));
        yield return activities.GroupMessage(TeamsTestData.Ilse, TeamsTestData.PileOn, timestamp: start.AddMinutes(3));
    }

    /// <summary>Waits until every alert of the groep 5 chat is delivered and the count has settled.</summary>
    private static Task<List<AlertRecord>> WaitForAllDeliveredAsync(TeamsTestHost host, int atLeast) =>
        Eventually.GetAsync(
            async () =>
            {
                await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
                var alerts = await db.Alerts.AsNoTracking().ToListAsync();
                return alerts.Count >= atLeast && alerts.All(a => a.DeliveredAt != null) ? alerts : null;
            },
            "every alert delivered after the outage",
            TimeSpan.FromSeconds(90));

    /// <summary>The alert ids of the Adaptive Cards the connector accepted.</summary>
    private static List<Guid> SuccessfulAlertCards(FakeBotConnector connector) =>
    [
        .. connector.Requests
            .Where(r => r.IsActivityWrite && r.Succeeded && r.Activity?["attachments"] is JsonArray { Count: > 0 })
            .Select(r => r.BodyText!)
            .Select(body => System.Text.RegularExpressions.Regex.Match(body, "\"alertId\"\\s*:\\s*\"([0-9a-f-]{36})\""))
            .Where(m => m.Success)
            .Select(m => Guid.Parse(m.Groups[1].Value)),
    ];

    private static async Task PostAsync(BotProcess bot, FakeBotFrameworkIdentity identity, FakeBotConnector connector, JsonNode activity)
    {
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identity.CreateChannelToken(TeamsTestData.AppId, connector.ServiceUrl));
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private static Task<string> WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Eventually.GetAsync(async () => await condition() ? what : null, what, timeout);

    private static BotDbContext Open(string folder) =>
        new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bot.db")};Pooling=false").Options);

    private static async Task<int> CountAsync(string folder, Func<BotDbContext, Task<int>> count)
    {
        await using var db = Open(folder);
        return await count(db);
    }

    /// <summary>The fakes, a folder with the school and the SQLite file, and the settings for a bot process that is killed and started again.</summary>
    private sealed class KillScene : IAsyncDisposable
    {
        private KillScene(FakeBotFrameworkIdentity identity, FakeBotConnector connector, string folder, Dictionary<string, string?> settings)
        {
            (Identity, Connector, Folder, Settings) = (identity, connector, folder, settings);
            Activities = new TeamsActivities(connector.ServiceUrl);
        }

        public FakeBotFrameworkIdentity Identity { get; }

        public FakeBotConnector Connector { get; }

        public string Folder { get; }

        public Dictionary<string, string?> Settings { get; }

        public TeamsActivities Activities { get; }

        public static async Task<KillScene> StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
        {
            var identity = await FakeBotFrameworkIdentity.StartAsync();
            identity.RegisterClient(TeamsTestData.TenantId, TeamsTestData.AppId, TeamsTestData.AppPassword);
            var connector = await FakeBotConnector.StartAsync(identity);
            connector.SetRoster(TeamsTestData.GroupChatId, [.. TeamsTestData.Groep5Chat]);
            var folder = Directory.CreateTempSubdirectory("klassenouderbot-kill-").FullName;
            var settings = new Dictionary<string, string?>(FastOutbox)
            {
                ["ConnectionStrings:KlassenouderBot"] = $"Data Source={Path.Combine(folder, "bot.db")}",
                ["School:ConfigPath"] = TeamsBotApplication.WriteSchool(folder),
                ["Playground:Enabled"] = "false",
            };
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            return new KillScene(identity, connector, folder, TeamsBotApplication.Merge(identity, settings));
        }

        public async ValueTask DisposeAsync()
        {
            await Connector.DisposeAsync();
            await Identity.DisposeAsync();
        }
    }
}
