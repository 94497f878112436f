using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.IntegrationTests.Teams.Fakes;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary>
/// One end-to-end setup: the fake login services, the fake Bot Connector and the bot itself, wired
/// together. Inbound activities go through the app's HTTP pipeline with a real token; outbound calls
/// reach the fakes over loopback HTTP.
/// </summary>
internal sealed class TeamsTestHost : IAsyncDisposable
{
    private readonly bool _ownsFakes;
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private HttpClient? _client;
    private int _barriers;

    private TeamsTestHost(FakeBotFrameworkIdentity identity, FakeBotConnector connector, string environment, IReadOnlyDictionary<string, string?>? settings, bool ownsFakes = true, ILoggerProvider? logs = null)
    {
        Identity = identity;
        Connector = connector;
        _environment = environment;
        _settings = settings;
        _ownsFakes = ownsFakes;
        App = new TeamsBotApplication(identity, environment, settings, logs);
        Activities = new TeamsActivities(connector.ServiceUrl);
    }

    public FakeBotFrameworkIdentity Identity { get; }

    public FakeBotConnector Connector { get; }

    public TeamsBotApplication App { get; }

    public TeamsActivities Activities { get; }

    public HttpClient Client => _client ?? throw new InvalidOperationException("Call StartAppAsync first.");

    /// <param name="environment">"Development" or "Production".</param>
    /// <param name="settings">Overrides of <see cref="TeamsBotApplication"/>'s settings.</param>
    /// <param name="startApp">False to start the app yourself (for tests of start-up itself).</param>
    /// <param name="logs">An extra logger provider, to read what the app logs.</param>
    public static async Task<TeamsTestHost> StartAsync(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null, bool startApp = true, ILoggerProvider? logs = null)
    {
        var identity = await FakeBotFrameworkIdentity.StartAsync();
        identity.RegisterClient(TeamsTestData.TenantId, TeamsTestData.AppId, TeamsTestData.AppPassword);
        var connector = await FakeBotConnector.StartAsync(identity);
        connector.SetRoster(TeamsTestData.GroupChatId, [.. TeamsTestData.Groep5Chat]);
        var host = new TeamsTestHost(identity, connector, environment, settings, logs: logs);
        if (startApp)
        {
            await host.StartAppAsync();
        }

        return host;
    }

    /// <summary>
    /// A second instance of the bot with the same settings, behind the same fake login services and Bot Connector
    /// (as behind a load balancer); it leaves the fakes to this host.
    /// </summary>
    public async Task<TeamsTestHost> StartAnotherInstanceAsync()
    {
        var other = new TeamsTestHost(Identity, Connector, _environment, _settings, ownsFakes: false);
        await other.StartAppAsync();
        return other;
    }

    /// <summary>Starts the app; the groep 5 chat is linked by the school file's <c>conversations:</c> entry.</summary>
    public async Task StartAppAsync()
    {
        _client = App.CreateClient();
        (await App.Services.GetRequiredService<IConversationLinks>()
            .GetGroepAsync(new ConversationRef(Platform.Teams, TeamsTestData.GroupChatId), CancellationToken.None))
            .Should().Be("5", "the school file links the chat");
    }

    /// <summary>A valid Bot Connector token for activities whose serviceUrl is the fake connector.</summary>
    public string ChannelToken() => Identity.CreateChannelToken(TeamsTestData.AppId, Connector.ServiceUrl);

    public Task<HttpResponseMessage> PostAsync(JsonNode activity) => PostAsync(activity, $"Bearer {ChannelToken()}");

    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string? authorization) => PostRawAsync(activity.ToJsonString(), authorization);

    /// <summary>POST /api/messages with exactly this body and Authorization header (null: no header).</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Waits for the bot to open a 1:1 chat with <paramref name="member"/>; returns its conversation id.</summary>
    public async Task<string> WaitForPersonalConversationAsync(TeamsMember member, TimeSpan? timeout = null) =>
        (await Connector.WaitForAsync(r => r.IsCreateConversationWith(member.Id) && r.Succeeded, timeout)).ResponseId!;

    /// <summary>Waits for the first activity the bot delivered in its 1:1 chat with <paramref name="member"/>.</summary>
    public async Task<RecordedRequest> WaitForPrivateMessageAsync(TeamsMember member, TimeSpan? timeout = null)
    {
        var conversationId = await WaitForPersonalConversationAsync(member, timeout);
        return await Connector.WaitForAsync(r => r.IsActivityWriteTo(conversationId) && r.Succeeded, timeout);
    }

    /// <summary>
    /// Posts a hurtful message from a new parent in a chat of its own and waits for that parent's nudge.
    /// Once it has arrived, the bot has had the time to act on whatever was posted before it; only then
    /// is "nothing else was sent" a meaningful assertion (and no fixed sleep is needed for it).
    /// </summary>
    public async Task<Barrier> SendBarrierAsync()
    {
        var number = Interlocked.Increment(ref _barriers);
        var barrier = new Barrier(TeamsTestData.NewParent(number), $"19:barrier-{number}@thread.v2");
        var response = await PostAsync(Activities.GroupMessage(barrier.Parent, TeamsTestData.AlsoHurtful, conversationId: barrier.ChatId));
        response.EnsureSuccessStatusCode();
        await WaitForPrivateMessageAsync(barrier.Parent);
        return barrier;
    }

    /// <summary>Every request the bot made to the connector was about the barrier: it acted on nothing else.</summary>
    public void ShouldHaveSentNothingBesides(Barrier barrier, string because) =>
        Connector.Requests.Where(r => !barrier.IsAbout(r)).Should().BeEmpty(because);

    /// <summary>Waits for an alert in the database matching <paramref name="predicate"/>.</summary>
    public Task<AlertRecord> WaitForAlertAsync(Func<AlertRecord, bool> predicate, string what, TimeSpan? timeout = null) =>
        Eventually.GetAsync(
            async () =>
            {
                await using var db = await App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
                var alerts = await db.Alerts.AsNoTracking().ToListAsync();
                return alerts.FirstOrDefault(predicate);
            },
            what,
            timeout);

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await App.DisposeAsync();
        if (_ownsFakes)
        {
            await Connector.DisposeAsync();
            await Identity.DisposeAsync();
        }
    }
}

/// <summary>A parent and chat used only to learn that the bot has caught up (see <see cref="TeamsTestHost.SendBarrierAsync"/>).</summary>
internal sealed record Barrier(TeamsMember Parent, string ChatId)
{
    public bool IsAbout(RecordedRequest request) =>
        request.Concerns(Parent.Id) || string.Equals(request.ConversationId, ChatId, StringComparison.Ordinal);
}
