using KlassenouderBot.Outbox;

namespace KlassenouderBot.Tests.Outbox;

public sealed class OutboxOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        new OutboxOptionsValidator().Validate(null, new OutboxOptions()).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("PollInterval", "Outbox:PollInterval must be positive.")]
    [InlineData("BaseDelay", "Outbox:BaseDelay must be positive and at most Outbox:MaxDelay.")]
    [InlineData("MaxDelay", "Outbox:BaseDelay must be positive and at most Outbox:MaxDelay.")]
    [InlineData("MaxAttempts", "Outbox:MaxAttempts must be between 1 and 100.")]
    [InlineData("Lease", "Outbox:Lease must be at least 1 second.")]
    [InlineData("BatchSize", "Outbox:BatchSize must be between 1 and 10000.")]
    public void Validate_BadSetting_FailsNamingTheKey(string key, string message)
    {
        var options = key switch
        {
            "PollInterval" => new OutboxOptions { PollInterval = TimeSpan.Zero },
            "BaseDelay" => new OutboxOptions { BaseDelay = TimeSpan.FromSeconds(-1) },
            "MaxDelay" => new OutboxOptions { MaxDelay = TimeSpan.FromSeconds(5) },
            "MaxAttempts" => new OutboxOptions { MaxAttempts = 101 },
            "Lease" => new OutboxOptions { Lease = TimeSpan.FromMilliseconds(500) },
            _ => new OutboxOptions { BatchSize = 0 },
        };

        var result = new OutboxOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().ContainSingle().Which.Should().Be(message);
    }

    [Fact]
    public void DelayAfter_Doubles_UpToTheMaximum()
    {
        var options = new OutboxOptions { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(60) };

        Enumerable.Range(1, 5).Select(options.DelayAfter).Should().Equal(
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
    }
}
