using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using KlassenouderBot.Platforms.Inbound;
using KlassenouderBot.Platforms.Teams.Cards;
using KlassenouderBot.Platforms.Teams.Connector;

namespace KlassenouderBot.Platforms.Teams;

/// <summary>What <c>/api/messages</c> answers: a status and, for invokes, a body.</summary>
internal sealed record TurnResult(int StatusCode, AdaptiveCardInvokeResponse? InvokeResponse = null)
{
    public static TurnResult Accepted { get; } = new(StatusCodes.Status200OK);
}

/// <summary>
/// One authenticated activity, dispatched by type with a switch rather than virtual hooks: messages and
/// edits go to the engine (after the HTTP answer, in conversation order), commands get their reply,
/// installs get the welcome, alert card answers are stored and the card is updated in place.
/// </summary>
internal sealed class TeamsTurnHandler(
    OrderedWorkQueue queue,
    IInboundMessageSink inbound,
    IBotCommands commands,
    IAlertActions alertActions,
    TeamsChatSender sender,
    TeamsRoster roster,
    TimeProvider timeProvider,
    ILogger<TeamsTurnHandler> logger)
{
    private const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// <summary>Teams sends both installationUpdate and conversationUpdate on install; welcome once.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _welcomed = new(StringComparer.Ordinal);

    /// <summary>Teams redelivers an activity it timed out on; commands and card answers must not run twice.</summary>
    private readonly RecentKeys<(string Conversation, string Id, string Type, int TextHash)> _handled = new(20_000);

    public async Task<TurnResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ActivityTranslator.IsBotAccount(activity.From))
        {
            return TurnResult.Accepted;
        }

        if (activity.Type is "message" or "messageUpdate"
            && activity.Id is { Length: > 0 } id
            && !_handled.TryAdd((activity.Conversation?.Id ?? "", id, activity.Type, string.GetHashCode(activity.Text ?? "", StringComparison.Ordinal))))
        {
            return TurnResult.Accepted;
        }

        switch (activity.Type)
        {
            case "message" when IsCardSubmit(activity, out var alertId, out var verb):
                await HandleCardSubmitAsync(activity, alertId, verb, cancellationToken);
                return TurnResult.Accepted;
            case "message":
                await HandleMessageAsync(activity, isEdit: false, cancellationToken);
                return TurnResult.Accepted;
            case "messageUpdate" when TeamsChannelData.EventType(activity) is null or "editMessage":
                await HandleMessageAsync(activity, isEdit: true, cancellationToken);
                return TurnResult.Accepted;
            case "installationUpdate" when activity.Action is "add" or "add-upgrade":
            case "conversationUpdate" when activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true:
                await WelcomeAsync(activity, cancellationToken);
                return TurnResult.Accepted;
            case "invoke" when activity.Name == AdaptiveCardActionInvoke:
                return new TurnResult(StatusCodes.Status200OK, await HandleCardActionAsync(activity, cancellationToken));
            case "invoke":
                return new TurnResult(StatusCodes.Status501NotImplemented);
            default:
                return TurnResult.Accepted;
        }
    }

    private async Task HandleMessageAsync(Activity activity, bool isEdit, CancellationToken cancellationToken)
    {
        if (ActivityTranslator.ToChatMessage(activity, timeProvider.GetUtcNow(), isEdit) is not { Text.Length: > 0 } message)
        {
            return;
        }

        if (message.AddressesBot && !isEdit && TeamsCommand.TryParse(message.Text) is { } command)
        {
            await queue.EnqueueAsync(message.Conversation.Key, "teams command", ct => RunCommandAsync(message, command, ct), cancellationToken);
            return;
        }

        await queue.EnqueueAsync(message.Conversation.Key, "teams message", ct => inbound.HandleAsync(message, ct), cancellationToken);
    }

    private async Task RunCommandAsync(ChatMessage message, TeamsCommand command, CancellationToken cancellationToken)
    {
        var conversation = message.Conversation;
        switch (command.Kind)
        {
            case TeamsCommandKind.Help:
                await ReplyAsync(message, commands.Help(conversation), cancellationToken);
                break;
            case TeamsCommandKind.Privacy:
                await ReplyAsync(message, commands.Privacy(conversation), cancellationToken);
                break;
            case TeamsCommandKind.Link when message.IsPrivate:
                await ReplyAsync(message, TeamsTexts.LinkOnlyInGroup, cancellationToken);
                break;
            case TeamsCommandKind.Link:
                var member = await roster.FindMemberAsync(conversation, message.Author.Id, cancellationToken);
                var requester = message.Author with { Email = member?.Email ?? member?.UserPrincipalName };
                var result = await commands.LinkAsync(conversation, requester, command.Groep ?? "", platformGrantsManage: false, cancellationToken);

                // A refusal is said privately: nobody needs to be told off in front of the group.
                if (result.Linked)
                {
                    await ReplyAsync(message, result.Reply, cancellationToken);
                }
                else
                {
                    await sender.SendPrivateAsync(conversation, message.Author, new OutboundMessage(OutboundKind.Notice, result.Reply), cancellationToken);
                }

                break;
        }
    }

    private Task<SendResult> ReplyAsync(ChatMessage message, string text, CancellationToken cancellationToken) =>
        sender.SendToConversationAsync(
            message.Conversation,
            new OutboundMessage(OutboundKind.Notice, text) { ReplyToMessageId = message.IsPrivate ? null : message.Id },
            cancellationToken);

    private async Task WelcomeAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversation = ActivityTranslator.Conversation(activity);
        if (conversation.ConversationId.Length == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        if (_welcomed.TryGetValue(conversation.Key, out var at) && now - at < TimeSpan.FromHours(1))
        {
            return;
        }

        _welcomed[conversation.Key] = now;
        var isPersonal = string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
        var text = isPersonal ? commands.Help(conversation) : commands.Welcome(conversation);
        await queue.EnqueueAsync(
            conversation.Key,
            "teams welcome",
            ct => sender.SendToConversationAsync(conversation, new OutboundMessage(OutboundKind.Notice, text), ct),
            cancellationToken);
    }

    private async Task<AdaptiveCardInvokeResponse> HandleCardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object)
        {
            return Error(StatusCodes.Status400BadRequest, "BadRequest", "The invoke has no action.");
        }

        if (!action.TryGetProperty("type", out var type) || type.GetString() != "Action.Execute")
        {
            return Error(StatusCodes.Status400BadRequest, "NotSupported", "Only Action.Execute is supported.");
        }

        var verb = action.TryGetProperty("verb", out var verbElement) ? verbElement.GetString() : null;
        var alertId = action.TryGetProperty("data", out var data) ? ReadString(data, AlertCard.AlertIdField) : null;
        if (alertId is null || ChoiceOf(verb) is not { } choice)
        {
            return Error(StatusCodes.Status400BadRequest, "BadRequest", "Unknown card action.");
        }

        var view = await alertActions.ApplyAsync(new AlertAction(alertId, choice, Actor(activity)), cancellationToken);
        if (view is null)
        {
            return new AdaptiveCardInvokeResponse
            {
                StatusCode = StatusCodes.Status200OK,
                Type = "application/vnd.microsoft.activity.message",
                Value = new JsonNodeContent(JsonValue.Create(TeamsTexts.AlertGone)),
            };
        }

        logger.AlertAnswered(alertId, choice);
        return new AdaptiveCardInvokeResponse
        {
            StatusCode = StatusCodes.Status200OK,
            Type = AlertCard.ContentType,
            Value = new JsonNodeContent(AlertCard.Create(view)),
        };
    }

    /// <summary>Older clients send the fallback Action.Submit as a message with the data in <c>value</c>.</summary>
    private async Task HandleCardSubmitAsync(Activity activity, string alertId, string verb, CancellationToken cancellationToken)
    {
        if (ChoiceOf(verb) is not { } choice)
        {
            return;
        }

        var view = await alertActions.ApplyAsync(new AlertAction(alertId, choice, Actor(activity)), cancellationToken);
        if (view is null || activity is not { ReplyToId: { Length: > 0 } cardActivityId, ServiceUrl: { } serviceUrl, Conversation.Id: { } conversationId })
        {
            return;
        }

        logger.AlertAnswered(alertId, choice);
        await queue.EnqueueAsync(
            $"Teams:{conversationId}",
            "teams card update",
            async ct =>
            {
                try
                {
                    await sender.UpdateAlertCardAsync(serviceUrl, conversationId, cardActivityId, view, ct);
                }
                catch (ConnectorException exception)
                {
                    logger.CardUpdateFailed(exception.Reason);
                }
            },
            cancellationToken);
    }

    private static bool IsCardSubmit(Activity activity, out string alertId, out string verb)
    {
        alertId = verb = "";
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || ReadString(value, AlertCard.AlertIdField) is not { } id
            || ReadString(value, AlertCard.VerbField) is not { } submittedVerb)
        {
            return false;
        }

        (alertId, verb) = (id, submittedVerb);
        return true;
    }

    private static AlertChoice? ChoiceOf(string? verb) => verb switch
    {
        AlertCard.ClaimVerb => AlertChoice.Claim,
        AlertCard.FalseAlarmVerb => AlertChoice.FalseAlarm,
        _ => null,
    };

    private static ChatUser Actor(Activity activity) =>
        new(activity.From?.Id ?? "", activity.From?.Name ?? "") { AadObjectId = activity.From?.AadObjectId };

    private static string? ReadString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) => new()
    {
        StatusCode = statusCode,
        Type = "application/vnd.microsoft.error",
        Value = new JsonNodeContent(new JsonObject { ["code"] = code, ["message"] = message }),
    };
}
