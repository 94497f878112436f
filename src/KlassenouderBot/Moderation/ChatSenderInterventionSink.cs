using KlassenouderBot.Platforms;

namespace KlassenouderBot.Moderation;

/// <summary>
/// Sends interventions through the platform's <see cref="IChatSender"/>: nudges and alerts privately,
/// group messages into the conversation. A platform without a sender drops nothing silently: it throws,
/// because the registration is wrong.
/// </summary>
public sealed class ChatSenderInterventionSink(IEnumerable<IChatSender> senders, School.SchoolSource? school = null) : IInterventionSink
{
    private readonly Dictionary<Platform, IChatSender> _senders = senders.ToDictionary(s => s.Platform);

    private TimeZoneInfo TimeZone => school?.Current.ResolveTimeZone() ?? TimeZoneInfo.Utc;

    public Task DeliverAsync(ChatMessage trigger, Intervention intervention, CancellationToken cancellationToken) =>
        SendAsync(trigger, intervention, alertId: null, idempotencyKey: null, cancellationToken);

    /// <summary>True when the platform's sender cannot post twice for a repeated idempotency key.</summary>
    public bool DeduplicatesResends(Platform platform) => _senders.TryGetValue(platform, out var sender) && sender.DeduplicatesResends;

    /// <summary>Sends one intervention and reports what the platform said.</summary>
    /// <param name="trigger">The message the intervention answers; for a private nudge its author is the recipient.</param>
    /// <param name="intervention">What to send.</param>
    /// <param name="alertId">For alerts: the stored alert's id, for the card's actions.</param>
    /// <param name="idempotencyKey">The same for every attempt at one delivery.</param>
    /// <param name="cancellationToken">Stops the send.</param>
    public Task<SendResult> SendAsync(ChatMessage trigger, Intervention intervention, string? alertId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(trigger.Conversation.Platform, out var sender))
        {
            throw new InvalidOperationException($"No chat sender is registered for {trigger.Conversation.Platform}.");
        }

        return intervention.Kind switch
        {
            InterventionKind.GroupMessage => sender.SendToConversationAsync(
                trigger.Conversation,
                new OutboundMessage(OutboundKind.GroupMessage, intervention.Text) { IdempotencyKey = idempotencyKey },
                cancellationToken),
            InterventionKind.PrivateNudge => sender.SendPrivateAsync(
                trigger.Conversation,
                intervention.Recipient ?? trigger.Author,
                new OutboundMessage(OutboundKind.PrivateNudge, intervention.Text) { IdempotencyKey = idempotencyKey },
                cancellationToken),
            InterventionKind.Alert => sender.SendPrivateAsync(
                trigger.Conversation,
                ContactUser(intervention),
                new OutboundMessage(OutboundKind.Alert, intervention.Text)
                {
                    AlertId = alertId,
                    IdempotencyKey = idempotencyKey,
                    Alert = alertId is not null && intervention.Alert is { } details ? Alerts.AlertViews.FromDetails(alertId, details, TimeZone) : null,
                },
                cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(intervention), intervention.Kind, "Unknown intervention kind"),
        };
    }

    /// <summary>
    /// Alert recipients come from the school file by name; the platform sender maps the name to an
    /// account it knows (a linked Teams user, a Discord member) or reports that it cannot reach them.
    /// </summary>
    private static ChatUser ContactUser(Intervention intervention) =>
        ChatUser.Contact(intervention.RecipientLabel, intervention.AlertRecipient?.Email, intervention.AlertRecipient?.Discord);
}
