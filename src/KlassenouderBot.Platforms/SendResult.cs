namespace KlassenouderBot.Platforms;

/// <summary>The outcome of a send.</summary>
/// <param name="Delivered">True when the platform accepted the message.</param>
/// <param name="MessageId">The platform's id for the sent message, when it gives one.</param>
/// <param name="FailureReason">Why it failed (for example: direct messages closed), without message content.</param>
/// <param name="Permanent">
/// The same send cannot succeed by trying again soon: the recipient is not in the conversation, or has closed
/// direct messages. Someone has to change something first, so the outbox gives up at once and shows it.
/// </param>
public sealed record SendResult(bool Delivered, string? MessageId = null, string? FailureReason = null, bool Permanent = false)
{
    /// <summary>A successful send.</summary>
    public static SendResult Ok(string? messageId = null) => new(true, messageId);

    /// <summary>A failed send with a reason; trying again later may work (an outage, a throttle).</summary>
    public static SendResult Failed(string reason) => new(false, null, reason);

    /// <summary>A failed send that retrying will not fix until a person acts.</summary>
    public static SendResult Undeliverable(string reason) => new(false, null, reason, Permanent: true);
}
