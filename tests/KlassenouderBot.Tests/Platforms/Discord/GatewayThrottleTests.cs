using KlassenouderBot.Platforms.Discord.Gateway;
using KlassenouderBot.Platforms.Http;
using KlassenouderBot.Tests.Fakes;

namespace KlassenouderBot.Tests.Platforms.Discord;

/// <summary>The gateway's own limits: payloads per connection (with room for heartbeats) and identifies per bucket.</summary>
public sealed class GatewayThrottleTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void SlidingWindow_Full_WaitsUntilTheOldestLeaves()
    {
        var sut = new SlidingWindow(TimeSpan.FromSeconds(10), 2);
        var start = _clock.GetUtcNow();

        sut.TryBook(start).Should().Be(TimeSpan.Zero);
        sut.TryBook(start + TimeSpan.FromSeconds(4)).Should().Be(TimeSpan.Zero);

        sut.TryBook(start + TimeSpan.FromSeconds(5)).Should().Be(TimeSpan.FromSeconds(5));
        sut.TryBook(start + TimeSpan.FromSeconds(10)).Should().Be(TimeSpan.Zero, "the first event left the window");
        sut.WaitFor(start + TimeSpan.FromSeconds(10)).Should().Be(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void SlidingWindow_Reserve_KeepsSlotsFree()
    {
        var sut = new SlidingWindow(TimeSpan.FromSeconds(60), 3);
        var now = _clock.GetUtcNow();

        sut.TryBook(now, reserve: 1).Should().Be(TimeSpan.Zero);
        sut.TryBook(now, reserve: 1).Should().Be(TimeSpan.Zero);
        sut.TryBook(now, reserve: 1).Should().Be(TimeSpan.FromSeconds(60));
        sut.TryBook(now, reserve: 0).Should().Be(TimeSpan.Zero);
        sut.TryBook(now, reserve: 0).Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task SendLimiter_After110Sends_OnlyHeartbeatsGoUntilTheMinuteIsOver()
    {
        var sut = new GatewaySendLimiter(new GatewaySettings(), _clock);
        for (var i = 0; i < 110; i++)
        {
            GoesAtOnce(sut.WaitAsync(isHeartbeat: false, CancellationToken.None)).Should().BeTrue($"send {i + 1} is within 110");
        }

        var send111 = sut.WaitAsync(isHeartbeat: false, CancellationToken.None).AsTask();
        send111.IsCompleted.Should().BeFalse();
        for (var i = 0; i < 10; i++)
        {
            GoesAtOnce(sut.WaitAsync(isHeartbeat: true, CancellationToken.None)).Should().BeTrue($"heartbeat {i + 1} uses the reserve");
        }

        var heartbeat121 = sut.WaitAsync(isHeartbeat: true, CancellationToken.None).AsTask();
        heartbeat121.IsCompleted.Should().BeFalse("120 payloads a minute is Discord's hard limit");

        _clock.Advance(TimeSpan.FromSeconds(59));
        send111.IsCompleted.Should().BeFalse();
        heartbeat121.IsCompleted.Should().BeFalse();

        _clock.Advance(TimeSpan.FromSeconds(1));
        await send111.WaitAsync(Settle);
        await heartbeat121.WaitAsync(Settle);
        GoesAtOnce(sut.WaitAsync(isHeartbeat: false, CancellationToken.None)).Should().BeTrue("the first minute's slots are free again");
    }

    [Fact]
    public async Task SendLimiter_Cancelled_StopsWaiting()
    {
        var sut = new GatewaySendLimiter(new GatewaySettings { SendsPerMinute = 2, HeartbeatReserve = 1 }, _clock);
        using var cancel = new CancellationTokenSource();
        GoesAtOnce(sut.WaitAsync(isHeartbeat: false, CancellationToken.None)).Should().BeTrue();

        var waiting = sut.WaitAsync(isHeartbeat: false, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => waiting.WaitAsync(Settle)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task IdentifyThrottle_SameBucket_IsSpacedByIdentifySpacing()
    {
        var sut = new IdentifyThrottle(new GatewaySettings(), _clock);

        var shard0 = sut.WaitTurnAsync(0, maxConcurrency: 1, CancellationToken.None);
        var shard1 = sut.WaitTurnAsync(1, maxConcurrency: 1, CancellationToken.None);

        shard0.IsCompletedSuccessfully.Should().BeTrue();
        shard1.IsCompleted.Should().BeFalse("shard 1 % 1 is bucket 0 too");
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        shard1.IsCompleted.Should().BeFalse();
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        await shard1.WaitAsync(Settle);
    }

    [Fact]
    public void IdentifyThrottle_DifferentBuckets_GoTogether()
    {
        var sut = new IdentifyThrottle(new GatewaySettings(), _clock);

        sut.WaitTurnAsync(0, maxConcurrency: 2, CancellationToken.None).IsCompletedSuccessfully.Should().BeTrue();
        sut.WaitTurnAsync(1, maxConcurrency: 2, CancellationToken.None).IsCompletedSuccessfully.Should().BeTrue();
        sut.WaitTurnAsync(2, maxConcurrency: 2, CancellationToken.None).IsCompleted.Should().BeFalse("shard 2 shares bucket 0 with shard 0");
    }

    [Fact]
    public void IdentifyThrottle_MaxConcurrencyZero_IsTreatedAsOne()
    {
        var sut = new IdentifyThrottle(new GatewaySettings(), _clock);

        sut.WaitTurnAsync(3, maxConcurrency: 0, CancellationToken.None).IsCompletedSuccessfully.Should().BeTrue();
        sut.WaitTurnAsync(4, maxConcurrency: 0, CancellationToken.None).IsCompleted.Should().BeFalse();
    }

    /// <summary>True when the limiter let the payload go without waiting.</summary>
    private static bool GoesAtOnce(ValueTask wait) => wait.IsCompletedSuccessfully;
}
