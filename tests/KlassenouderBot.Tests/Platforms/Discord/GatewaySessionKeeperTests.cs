using KlassenouderBot.Platforms.Discord;
using KlassenouderBot.Platforms.Discord.Gateway;
using KlassenouderBot.Platforms.Discord.Wire;
using KlassenouderBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Platforms.Discord;

/// <summary>A shard's session kept over a restart: what is kept, and when the next start does not use it.</summary>
public sealed class GatewaySessionKeeperTests
{
    /// <summary>On shard 1 of 2 (<c>(id &gt;&gt; 22) % 2</c>).</summary>
    private const string GuildOnShard1 = "1200000000000000001";

    /// <summary>On shard 0 of 2.</summary>
    private const string GuildOnShard0 = "1200000000004194305";

    private const string ResumeUrl = "wss://gateway-us-east1-b.discord.gg";

    private readonly FakeTimeProvider _clock = new();
    private readonly MemoryStore _store = new();

    [Fact]
    public void ShardOf_FollowsDiscordsRouting()
    {
        GatewaySessionKeeper.ShardOf(GuildOnShard1, 2).Should().Be(1);
        GatewaySessionKeeper.ShardOf(GuildOnShard0, 2).Should().Be(0);
        GatewaySessionKeeper.ShardOf(GuildOnShard1, 1).Should().Be(0);
        GatewaySessionKeeper.ShardOf("not a snowflake", 2).Should().Be(-1);
    }

    [Fact]
    public async Task SaveThenTake_ResumesTheSession_AndPutsBackThisShardsPartOfTheDirectory()
    {
        var before = new DiscordDirectory();
        before.OnReady(new ReadyData { User = new DiscordUser { Id = "1100000000000000001", Username = "KlassenouderBot" }, Application = new PartialApplication { Id = "1100000000000000002" } });
        before.OnGuildCreate(Guild(GuildOnShard1, new DiscordChannel { Id = "11", Name = "groep-5" }, new DiscordChannel { Id = "12", Name = "uitje", Type = 11, ParentId = "11" }));
        before.OnGuildCreate(Guild(GuildOnShard0, new DiscordChannel { Id = "21", Name = "groep-7" }));
        await Keeper(before).SaveAsync(1, 2, "session-1", 42, ResumeUrl);

        var after = new DiscordDirectory();
        var kept = await Keeper(after).TakeAsync(1, 2, CancellationToken.None);

        kept.Should().NotBeNull();
        kept!.SessionId.Should().Be("session-1");
        kept.Sequence.Should().Be(42);
        kept.ResumeUrl.Should().Be(ResumeUrl);
        after.BotUserId.Should().Be("1100000000000000001");
        after.ApplicationId.Should().Be("1100000000000000002");
        after.ConversationChannel("12").Should().Be("11", "the thread still counts towards its channel");
        after.ChannelName("11").Should().Be("groep-5");
        after.ChannelName("21").Should().BeNull("that server is shard 0's, which keeps its own session");
        after.OnGuildCreate(Guild(GuildOnShard1)).Should().BeFalse("a server the bot was in before the restart is not new");
        after.OnGuildCreate(Guild(GuildOnShard0)).Should().BeTrue();
    }

    [Fact]
    public async Task Take_ForgetsTheSession_SoItIsResumedOnce()
    {
        await Keeper(new DiscordDirectory()).SaveAsync(0, 1, "session-1", 7, ResumeUrl);

        (await Keeper(new DiscordDirectory()).TakeAsync(0, 1, CancellationToken.None)).Should().NotBeNull();
        (await Keeper(new DiscordDirectory()).TakeAsync(0, 1, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Take_OlderThanTheLifetime_IsNotUsed()
    {
        await Keeper(new DiscordDirectory()).SaveAsync(0, 1, "session-1", 7, ResumeUrl);
        _clock.Advance(new GatewaySettings().KeptSessionLifetime + TimeSpan.FromSeconds(1));

        (await Keeper(new DiscordDirectory()).TakeAsync(0, 1, CancellationToken.None)).Should().BeNull("Discord has let the session go by now");
    }

    [Fact]
    public async Task Take_WithinTheLifetime_IsUsed()
    {
        await Keeper(new DiscordDirectory()).SaveAsync(0, 1, "session-1", 7, ResumeUrl);
        _clock.Advance(TimeSpan.FromSeconds(30));

        (await Keeper(new DiscordDirectory()).TakeAsync(0, 1, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Take_AfterTheShardCountChanged_IsNotUsed()
    {
        await Keeper(new DiscordDirectory()).SaveAsync(1, 2, "session-1", 7, ResumeUrl);

        (await Keeper(new DiscordDirectory()).TakeAsync(1, 4, CancellationToken.None)).Should().BeNull("shard 1 of 4 serves other servers than shard 1 of 2");
    }

    [Theory]
    [InlineData("ws://gateway.example.com")]
    [InlineData("not a url")]
    public async Task Take_WithAnUnsafeResumeAddress_IsNotUsed(string resumeUrl)
    {
        await Keeper(new DiscordDirectory()).SaveAsync(0, 1, "session-1", 7, resumeUrl);

        (await Keeper(new DiscordDirectory()).TakeAsync(0, 1, CancellationToken.None)).Should().BeNull("the token must not go unencrypted to another machine");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{}")]
    [InlineData("null")]
    public async Task Take_Unreadable_IsNotUsed(string state)
    {
        await _store.SaveAsync(0, state, CancellationToken.None);

        (await Keeper(new DiscordDirectory()).TakeAsync(0, 1, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task StoreFailing_NeitherSaveNorTakeThrows_TheShardStartsANewSession()
    {
        var keeper = new GatewaySessionKeeper(new FailingStore(), new DiscordDirectory(), new GatewaySettings(), _clock, NullLogger<GatewaySessionKeeper>.Instance);

        await keeper.SaveAsync(0, 1, "session-1", 7, ResumeUrl);
        (await keeper.TakeAsync(0, 1, CancellationToken.None)).Should().BeNull();
    }

    private GatewaySessionKeeper Keeper(DiscordDirectory directory) =>
        new(_store, directory, new GatewaySettings(), _clock, NullLogger<GatewaySessionKeeper>.Instance);

    private static GuildData Guild(string id, params DiscordChannel[] channels) => new() { Id = id, Channels = [.. channels] };

    private sealed class MemoryStore : IDiscordSessionStore
    {
        private readonly Dictionary<int, string> _states = [];

        public Task SaveAsync(int shardId, string state, CancellationToken cancellationToken)
        {
            _states[shardId] = state;
            return Task.CompletedTask;
        }

        public Task<string?> TakeAsync(int shardId, CancellationToken cancellationToken) =>
            Task.FromResult(_states.Remove(shardId, out var state) ? state : null);
    }

    private sealed class FailingStore : IDiscordSessionStore
    {
        public Task SaveAsync(int shardId, string state, CancellationToken cancellationToken) => throw new InvalidOperationException("database away");

        public Task<string?> TakeAsync(int shardId, CancellationToken cancellationToken) => throw new InvalidOperationException("database away");
    }
}
