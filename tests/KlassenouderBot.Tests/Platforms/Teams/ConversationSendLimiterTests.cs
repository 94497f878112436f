using KlassenouderBot.Platforms.Teams.Connector;
using KlassenouderBot.Tests.Fakes;

namespace KlassenouderBot.Tests.Platforms.Teams;

public sealed class ConversationSendLimiterTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void TryBook_SevenPerSecond_EighthWaits()
    {
        var sut = new ConversationSendLimiter(_clock);
        for (var i = 0; i < 7; i++)
        {
            sut.TryBook("19:a").Should().Be(TimeSpan.Zero);
        }

        sut.TryBook("19:a").Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void TryBook_OtherConversation_IsNotHeldUp()
    {
        var sut = new ConversationSendLimiter(_clock);
        for (var i = 0; i < 7; i++)
        {
            sut.TryBook("19:a");
        }

        sut.TryBook("19:b").Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void TryBook_EightPerTwoSeconds_AppliesAcrossTheSecondBoundary()
    {
        var sut = new ConversationSendLimiter(_clock);
        for (var i = 0; i < 7; i++)
        {
            sut.TryBook("19:a");
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        sut.TryBook("19:a").Should().Be(TimeSpan.Zero);
        sut.TryBook("19:a").Should().Be(TimeSpan.FromSeconds(1), "eight sends in two seconds is the limit");
    }

    [Fact]
    public void TryBook_SixtyPerThirtySeconds_Holds()
    {
        var sut = new ConversationSendLimiter(_clock);
        var booked = 0;
        for (var second = 0; second < 30; second++)
        {
            while (sut.TryBook("19:a") == TimeSpan.Zero)
            {
                booked++;
            }

            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        booked.Should().Be(60);
    }

    [Fact]
    public void TryBook_FiftyPerSecondForTheApp_HoldsAcrossConversations()
    {
        var sut = new ConversationSendLimiter(_clock);
        for (var i = 0; i < 50; i++)
        {
            sut.TryBook($"19:c{i}").Should().Be(TimeSpan.Zero);
        }

        sut.TryBook("19:another").Should().BeGreaterThan(TimeSpan.Zero);
    }
}
