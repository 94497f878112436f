using Microsoft.Extensions.Options;

namespace KlassenouderBot.Outbox;

/// <summary>
/// How the outbox retries (section <c>Outbox</c>). The defaults spread 12 attempts over about an hour:
/// long enough to ride out a Bot Connector or Discord outage, short enough that a class parent still
/// gets an alert about this evening's chat this evening.
/// </summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How often the background sender looks for due deliveries. <value>Default: 5 seconds.</value></summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the first failed attempt; it doubles after every further one. <value>Default: 10 seconds.</value></summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts. <value>Default: 10 minutes.</value></summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts before a delivery becomes a dead letter, shown in the admin app. <value>Default: 12.</value></summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>
    /// How long an instance owns a delivery it is sending. Longer than one send can take with the
    /// platforms' own retries (about 30 seconds), so a slow send is never taken over by another instance;
    /// a delivery whose owner died is picked up once this has passed. <value>Default: 90 seconds.</value>
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How many due deliveries one round takes at most; the next round takes the rest. <value>Default: 100.</value></summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1, after <paramref name="attempts"/> failed ones.</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var delay = BaseDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        List<string> failures = [];
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Outbox:PollInterval must be positive.");
        }

        if (options.BaseDelay <= TimeSpan.Zero || options.MaxDelay < options.BaseDelay)
        {
            failures.Add("Outbox:BaseDelay must be positive and at most Outbox:MaxDelay.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add("Outbox:MaxAttempts must be between 1 and 100.");
        }

        if (options.Lease < TimeSpan.FromSeconds(1))
        {
            failures.Add("Outbox:Lease must be at least 1 second.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add("Outbox:BatchSize must be between 1 and 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
