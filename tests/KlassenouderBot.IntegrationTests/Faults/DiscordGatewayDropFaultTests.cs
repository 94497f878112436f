using KlassenouderBot.IntegrationTests.Discord;
using KlassenouderBot.IntegrationTests.Discord.Fakes;
using KlassenouderBot.IntegrationTests.Teams;
using Xunit.Abstractions;

namespace KlassenouderBot.IntegrationTests.Faults;

/// <summary>
/// The Discord gateway connection drops again and again (a socket cut without a close frame, a close with 4000, an
/// op 7 reconnect, in turn) while parents keep writing in the class channel. Discord replays on resume whatever was
/// dispatched while the bot was away, so every message must lead to its one nudge: none lost, none twice.
/// </summary>
[Trait("Category", "Fault")]
public sealed class DiscordGatewayDropFaultTests(ITestOutputHelper output)
{
    /// <summary>Parents' messages per second: a busy class channel, well under Discord's and the fake's limits.</summary>
    private const int EventsPerSecond = 4;

    /// <summary>Numbers for <see cref="DiscordTestData.NewParent"/> clear of the ones other tests use.</summary>
    private const int FirstParent = 20_000;

    /// <summary>The parents who write just after a drop, while the bot is certainly away.</summary>
    private const int FirstParentDuringDrop = 30_000;

    /// <summary>
    /// Discord's is about 41 s. The fakes' usual 1 s turns a second-long stall of a busy two-core test machine into a
    /// zombie connection (and an extra resume) late in the long run, which is not the fault under test.
    /// </summary>
    private const int HeartbeatIntervalMs = 10_000;

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    private enum DropKind
    {
        /// <summary>TCP cut without a close frame, as a network failure.</summary>
        SocketDrop,

        /// <summary>Discord closes with 4000 (unknown error; resumable).</summary>
        Close4000,

        /// <summary>op 7: Discord asks the bot to reconnect and resume.</summary>
        Reconnect,
    }

    [Fact]
    public async Task GatewayDroppedEveryPeriod_EveryMessageIsNudgedExactlyOnce_AndEveryDropIsResumed()
    {
        var duration = FaultDurations.Pick(TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(120));
        var period = FaultDurations.Pick(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30));
        var expectedDrops = (int)Math.Ceiling(duration / period) - 1;
        await using var host = await DiscordTestHost.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = HeartbeatIntervalMs });
        var started = TimeProvider.System.GetTimestamp();

        var dropping = DropEveryAsync(host, started, duration, period);
        var parents = await WriteSteadilyAsync(host, started, duration);
        var (drops, writtenDuringDrops) = await dropping;
        parents.AddRange(writtenDuringDrops);
        await host.Discord.WaitForResumedAsync(drops.Count, SettleTimeout);
        var nudges = await WaitForEveryNudgeAsync(host, parents);
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        var resumes = host.Discord.Resumes;
        output.WriteLine(
            $"Discord gateway drops: {parents.Count} messages in {duration.TotalSeconds:0} s, {drops.Count} drops " +
            $"({string.Join(", ", drops)}), {resumes.Count(r => r.Accepted)} resumes, {host.Discord.IdentifyCount} identify, " +
            $"{host.Discord.ReplayedCount} dispatches replayed on resume, {nudges.Values.Sum()} nudges; all handled after {elapsed.TotalSeconds:0.0} s");

        drops.Should().HaveCountGreaterThanOrEqualTo(expectedDrops, $"the connection is dropped every {period.TotalSeconds:0} s");
        host.Discord.IdentifyCount.Should().Be(1, "every drop is resumed: a new session would lose what was dispatched meanwhile");
        resumes.Should().HaveCount(drops.Count, "one resume per drop").And.OnlyContain(r => r.Accepted);
        host.Discord.Connections.Should().HaveCount(drops.Count + 1, "each drop costs exactly one new connection");
        // A message is written right after every drop; on a busy machine the bot may be back before it is
        // dispatched (then it arrives live), so at least one replay, not one per drop.
        host.Discord.ReplayedCount.Should().BeGreaterThanOrEqualTo(1, "Discord replays what the bot missed while it was away");
        (parents.Count - writtenDuringDrops.Count).Should().BeGreaterThanOrEqualTo((int)(duration.TotalSeconds * EventsPerSecond * 0.9), "the stream kept going through the drops");
        nudges.Where(n => n.Value != 1).Should().BeEmpty("every parent's message is handled exactly once: one nudge each, none missing, none twice");
    }

    /// <summary>A new parent's hurtful message in groep 5's channel every quarter second until <paramref name="duration"/> is up.</summary>
    private static async Task<List<DiscordPerson>> WriteSteadilyAsync(DiscordTestHost host, long started, TimeSpan duration)
    {
        var interval = TimeSpan.FromSeconds(1.0 / EventsPerSecond);
        var parents = new List<DiscordPerson>();
        for (var next = TimeSpan.Zero; next < duration; next += interval)
        {
            await DelayUntilAsync(started, next);
            var parent = DiscordTestData.NewParent(FirstParent + parents.Count);
            await host.PostAsync(parent, TeamsTestData.Hurtful);
            parents.Add(parent);
        }

        return parents;
    }

    /// <summary>
    /// Drops the connection at every <paramref name="period"/> before <paramref name="duration"/> is up, each kind in
    /// turn, once the previous drop was resumed (a drop needs a live connection to cut). Right after each drop one more
    /// parent writes, so at least one message per drop can only reach the bot through the replay.
    /// </summary>
    private static async Task<(List<DropKind> Drops, List<DiscordPerson> Parents)> DropEveryAsync(DiscordTestHost host, long started, TimeSpan duration, TimeSpan period)
    {
        var discord = host.Discord;
        var drops = new List<DropKind>();
        var parents = new List<DiscordPerson>();
        for (var at = period; at < duration; at += period)
        {
            await DelayUntilAsync(started, at);
            if (drops.Count > 0)
            {
                await discord.WaitForResumedAsync(drops.Count, period);
            }

            var kind = (DropKind)(drops.Count % 3);
            switch (kind)
            {
                case DropKind.SocketDrop:
                    await discord.DropAsync();
                    break;
                case DropKind.Close4000:
                    await discord.CloseAsync(4000, "fault test");
                    break;
                case DropKind.Reconnect:
                    await discord.SendReconnectAsync();
                    break;
            }

            drops.Add(kind);
            var parent = DiscordTestData.NewParent(FirstParentDuringDrop + parents.Count);
            await host.PostAsync(parent, TeamsTestData.Hurtful);
            parents.Add(parent);
        }

        return (drops, parents);
    }

    /// <summary>
    /// Waits until every parent has a nudge, then counts each parent's DMs: distinct nonces among the successful posts
    /// to their DM channel (a retry with the same nonce is the same message to Discord, so it does not count twice).
    /// </summary>
    private static async Task<Dictionary<string, int>> WaitForEveryNudgeAsync(DiscordTestHost host, List<DiscordPerson> parents)
    {
        var parentByPath = parents.ToDictionary(p => $"/channels/{host.Discord.DmChannelIdFor(p.Id)}/messages", p => p.Id, StringComparer.Ordinal);
        Dictionary<string, int> Count()
        {
            var counts = parents.ToDictionary(p => p.Id, _ => 0, StringComparer.Ordinal);
            foreach (var dms in host.Discord.Requests.Where(r => r.Method == "POST" && r.Succeeded && parentByPath.ContainsKey(r.Path)).GroupBy(r => r.Path))
            {
                counts[parentByPath[dms.Key]] = dms.Select(r => r.Body?["nonce"]?.ToJsonString() ?? "").Distinct(StringComparer.Ordinal).Count();
            }

            return counts;
        }

        var waited = TimeProvider.System.GetTimestamp();
        while (Count().Values.Any(n => n == 0) && TimeProvider.System.GetElapsedTime(waited) < SettleTimeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }

        // Give a late duplicate a moment to show up before counting for good.
        await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
        return Count();
    }

    private static async Task DelayUntilAsync(long started, TimeSpan at)
    {
        var wait = at - TimeProvider.System.GetElapsedTime(started);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, TimeProvider.System);
        }
    }
}
