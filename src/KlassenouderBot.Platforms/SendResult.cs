namespace KlassenouderBot.Platforms;

/// <summary>The outcome of a send.</summary>
/// <param name="Delivered">True when the platform accepted the message.</param>
/// <param name="MessageId">The platform's id for the sent message, when it gives one.</param>
/// <param name="FailureReason">Why it failed (for example: direct messages closed), without message content.</param>
public sealed record SendResult(bool Delivered, string? MessageId = null, string? FailureReason = null)
{
    /// <summary>A successful send.</summary>
    public static SendResult Ok(string? messageId = null) => new(true, messageId);

    /// <summary>A failed send with a reason.</summary>
    public static SendResult Failed(string reason) => new(false, null, reason);
}
