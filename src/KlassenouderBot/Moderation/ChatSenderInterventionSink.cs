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
        SendAsync(trigger, intervention, alertId: null, cancellationToken);

    /// <summary>Sends one intervention and reports what the platform said.</summary>
    public Task<SendResult> SendAsync(ChatMessage trigger, Intervention intervention, string? alertId, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(trigger.Conversation.Platform, out var sender))
        {
            throw new InvalidOperationException($"No chat sender is registered for {trigger.Conversation.Platform}.");
        }

        return intervention.Kind switch
        {
            InterventionKind.GroupMessage => sender.SendToConversationAsync(
                trigger.Conversation,
                new OutboundMessage(OutboundKind.GroupMessage, intervention.Text),
                cancellationToken),
            InterventionKind.PrivateNudge => sender.SendPrivateAsync(
                trigger.Conversation,
                intervention.Recipient ?? trigger.Author,
                new OutboundMessage(OutboundKind.PrivateNudge, intervention.Text),
                cancellationToken),
            InterventionKind.Alert => sender.SendPrivateAsync(
                trigger.Conversation,
                ContactUser(intervention),
                new OutboundMessage(OutboundKind.Alert, intervention.Text)
                {
                    AlertId = alertId,
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
