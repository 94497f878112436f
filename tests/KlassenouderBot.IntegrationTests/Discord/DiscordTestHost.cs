using System.Text.Json.Nodes;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.IntegrationTests.Discord.Fakes;
using KlassenouderBot.IntegrationTests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Discord;

/// <summary>A fake Discord and the real app connected to it, with the moves the tests make.</summary>
internal sealed class DiscordTestHost : IAsyncDisposable
{
    private static int _barriers;

    private DiscordTestHost(FakeDiscord discord, DiscordBotApplication app)
    {
        Discord = discord;
        App = app;
    }

    public FakeDiscord Discord { get; }

    public DiscordBotApplication App { get; }

    /// <summary>Starts the fake, then the app, and by default waits until the bot's session is ready.</summary>
    public static async Task<DiscordTestHost> StartAsync(FakeDiscordOptions? options = null, IReadOnlyDictionary<string, string?>? settings = null, bool waitForReady = true)
    {
        var discord = await FakeDiscord.StartAsync(options);
        var app = new DiscordBotApplication(discord, settings);
        _ = app.Services; // builds and starts the host, and with it the gateway
        var host = new DiscordTestHost(discord, app);
        if (waitForReady)
        {
            await discord.WaitForReadyAsync();
        }

        return host;
    }

    /// <summary>A parent writes in a channel (by default groep 5's) at the test afternoon; returns the message id.</summary>
    public async Task<string> PostAsync(DiscordPerson author, string text, string? channelId = null, int minute = 0, Action<JsonObject>? change = null)
    {
        var id = DiscordTestData.NextId();
        var message = FakeDiscordEvents.Message(id, channelId ?? DiscordTestData.Groep5Channel, DiscordTestData.GuildId, author.Id, author.Username, text, globalName: author.GlobalName);
        message["timestamp"] = DiscordTestData.Afternoon(minute);
        change?.Invoke(message);
        await Discord.DispatchAsync("MESSAGE_CREATE", message);
        return id;
    }

    /// <summary>The first message the bot posted in the DM channel with <paramref name="person"/>.</summary>
    public Task<RestRequest> WaitForDmAsync(DiscordPerson person, TimeSpan? timeout = null) =>
        Discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"/channels/{Discord.DmChannelIdFor(person.Id)}/messages" && r.Status == 200, timeout);

    /// <summary>Every message the bot tried to post in a channel.</summary>
    public IReadOnlyList<RestRequest> PostsTo(string channelId) =>
        [.. Discord.Requests.Where(r => r.Method == "POST" && r.Path == $"/channels/{channelId}/messages")];

    /// <summary>
    /// A new parent's hurtful message in a channel of its own, and the nudge it causes: once that DM
    /// arrives, the bot has dealt with every event dispatched before it.
    /// </summary>
    public async Task<DiscordPerson> SendBarrierAsync()
    {
        var parent = DiscordTestData.NewParent(Interlocked.Increment(ref _barriers));
        await PostAsync(parent, TeamsTestData.AlsoHurtful, DiscordTestData.Groep3Channel);
        await WaitForDmAsync(parent);
        return parent;
    }

    public Task<AlertRecord> WaitForAlertAsync(Func<AlertRecord, bool> predicate, string what, TimeSpan? timeout = null) =>
        WaitForRecordAsync(db => db.Alerts, predicate, what, timeout);

    public Task<InterventionRecord> WaitForInterventionAsync(Func<InterventionRecord, bool> predicate, string what, TimeSpan? timeout = null) =>
        WaitForRecordAsync(db => db.Interventions, predicate, what, timeout);

    /// <summary>Waits for a stored record matching <paramref name="predicate"/> (the bot stores after it acts).</summary>
    private Task<T> WaitForRecordAsync<T>(Func<BotDbContext, DbSet<T>> set, Func<T, bool> predicate, string what, TimeSpan? timeout)
        where T : class =>
        Eventually.GetAsync(
            async () =>
            {
                await using var db = await App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
                return (await set(db).AsNoTracking().ToListAsync()).FirstOrDefault(predicate);
            },
            what,
            timeout);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Discord.DisposeAsync();
    }
}
