using System.Collections.Concurrent;
using KlassenouderBot.Platforms.Teams.Cards;
using KlassenouderBot.Platforms.Teams.Connector;

namespace KlassenouderBot.Platforms.Teams;

/// <summary>
/// Everything the bot says in Teams. Group messages go into the conversation (as a reply when asked);
/// nudges and alerts go into a 1:1 chat with the person, opened on demand, and never fall back to the
/// group. Alerts are Adaptive Cards. Text is sent as plain text without mention entities, so nothing the
/// bot says can ping anyone.
/// </summary>
internal sealed class TeamsChatSender(ConnectorClient connector, TeamsRoster roster, TeamsOptions options, ILogger<TeamsChatSender> logger) : IChatSender
{
    private readonly ConcurrentDictionary<(string Tenant, string User), string> _personalConversations = new();

    public Platform Platform => Platform.Teams;

    public async Task<SendResult> SendToConversationAsync(ConversationRef conversation, OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var activity = ToActivity(conversation, message);
            var response = message.ReplyToMessageId is { Length: > 0 } replyTo
                ? await connector.ReplyToActivityAsync(conversation.ServiceUrl ?? "", conversation.ConversationId, replyTo, activity, cancellationToken)
                : await connector.SendToConversationAsync(conversation.ServiceUrl ?? "", conversation.ConversationId, activity, cancellationToken);
            return SendResult.Ok(response.Id);
        }
        catch (ConnectorException exception)
        {
            return SendResult.Failed(exception.Reason);
        }
    }

    public async Task<SendResult> SendPrivateAsync(ConversationRef conversation, ChatUser recipient, OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var userId = recipient.Id;
            if (recipient.IsContact)
            {
                var (member, problem) = await roster.FindContactAsync(conversation, recipient.DisplayName, recipient.Email, cancellationToken);
                if (member?.Id is not { Length: > 0 } memberId)
                {
                    logger.ContactNotFound(message.Kind, problem ?? "not found");
                    return SendResult.Undeliverable(problem ?? "recipient not found");
                }

                userId = memberId;
            }

            var personalId = await PersonalConversationAsync(conversation, userId, cancellationToken);
            var target = conversation with { ConversationId = personalId, Title = null };
            var response = await connector.SendToConversationAsync(conversation.ServiceUrl ?? "", personalId, ToActivity(target, message), cancellationToken);
            return SendResult.Ok(response.Id);
        }
        catch (ConnectorException exception)
        {
            return SendResult.Failed(exception.Reason);
        }
    }

    /// <summary>Replaces a sent card (after someone answered it through the legacy submit action).</summary>
    public async Task UpdateAlertCardAsync(string serviceUrl, string conversationId, string activityId, AlertView alert, CancellationToken cancellationToken)
    {
        var activity = new Activity { Type = "message" };
        SetAlertCard(activity, alert);
        await connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);
    }

    /// <summary>An alert is sent and updated as the same thing: the card, with a summary for notifications.</summary>
    private static void SetAlertCard(Activity activity, AlertView alert)
    {
        activity.Summary = AlertCard.Summary(alert);
        activity.Attachments = [new Attachment { ContentType = AlertCard.ContentType, Content = new JsonNodeContent(AlertCard.Create(alert)) }];
    }

    /// <summary>Teams returns the existing 1:1 chat when one exists, so asking again is safe; the id is kept in memory only.</summary>
    private async Task<string> PersonalConversationAsync(ConversationRef conversation, string userId, CancellationToken cancellationToken)
    {
        var tenant = conversation.TenantId ?? options.AppTenantId;
        if (_personalConversations.TryGetValue((tenant, userId), out var known))
        {
            return known;
        }

        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = conversation.Bot?.Id ?? $"28:{options.AppId}" },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenant.Length > 0 ? tenant : null,
            ChannelData = tenant.Length > 0 ? TeamsChannelData.ForTenant(tenant) : null,
        };
        var created = await connector.CreateConversationAsync(conversation.ServiceUrl ?? "", parameters, cancellationToken);
        if (created.Id is not { Length: > 0 } id)
        {
            throw new ConnectorException("create conversation", null, "no conversation id returned");
        }

        _personalConversations[(tenant, userId)] = id;
        return id;
    }

    private static Activity ToActivity(ConversationRef conversation, OutboundMessage message)
    {
        var activity = new Activity
        {
            Type = "message",
            ChannelId = ActivityTranslator.ChannelId,
            From = conversation.Bot is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.DisplayName } : null,
            Conversation = new ConversationAccount { Id = conversation.ConversationId },
        };

        if (message is { Kind: OutboundKind.Alert, Alert: { } alert })
        {
            SetAlertCard(activity, alert);
            return activity;
        }

        activity.Text = message.Text;
        activity.TextFormat = "plain";
        return activity;
    }
}
