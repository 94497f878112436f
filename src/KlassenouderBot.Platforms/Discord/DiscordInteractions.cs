using System.Text.Json;
using KlassenouderBot.Platforms.Discord.Rest;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>
/// INTERACTION_CREATE: the slash commands (<c>/faq</c>, <c>/privacy</c>, <c>/koppel</c>, <c>/help</c>) and the
/// alert buttons. Every interaction gets exactly one callback within Discord's 3 seconds. Help, privacy,
/// refusals and "I don't know" are ephemeral (only the asker sees them); an answer from the FAQ and a
/// successful link are for the whole channel. A button press stores the answer and replaces the alert
/// message in place (callback type 7).
/// </summary>
internal sealed class DiscordInteractions(
    DiscordRestClient rest,
    IBotCommands commands,
    IAlertActions alertActions,
    DiscordDirectory directory,
    DiscordMembers members,
    ILogger<DiscordInteractions> logger)
{
    /// <summary>Interaction types.</summary>
    private const int ApplicationCommand = 2;
    private const int MessageComponent = 3;

    /// <summary>Callback types.</summary>
    private const int ChannelMessageWithSource = 4;
    private const int UpdateMessage = 7;

    /// <summary>Message flag: only the person who acted sees the reply.</summary>
    private const int Ephemeral = 1 << 6;

    /// <summary>The button under an FAQ answer.</summary>
    internal const string NotHelpfulPrefix = "faq:unhelpful:";

    private const string NotHelpfulLabel = "Niet geholpen";

    /// <summary>Permission bits that let someone link a channel: Administrator and Manage Server.</summary>
    private const ulong Administrator = 1 << 3;
    private const ulong ManageGuild = 1 << 5;

    public async Task HandleAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        if (interaction is not { Id: { Length: > 0 } id, Token: { Length: > 0 } token } || (interaction.Member?.User ?? interaction.User) is not { Id: { Length: > 0 } userId } user)
        {
            return;
        }

        members.Saw(interaction.GuildId, user, interaction.Member);
        var actor = new ChatUser(userId, DiscordMessageTranslator.DisplayName(interaction.Member?.Nick, user.GlobalName, user.Username));
        var kind = interaction.Type == MessageComponent ? "button" : $"/{interaction.Data?.Name}";
        InteractionResponse? response;
        try
        {
            response = interaction.Type switch
            {
                ApplicationCommand => await CommandAsync(interaction, actor, cancellationToken),
                MessageComponent => await ButtonAsync(interaction, actor, cancellationToken),
                _ => null,
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The person still gets an answer; the log gets the type only.
            logger.InteractionFailed(kind, exception.GetType().Name);
            response = Reply(DiscordTexts.SomethingWentWrong, privately: true);
        }

        if (response is null)
        {
            return;
        }

        try
        {
            await rest.RespondToInteractionAsync(id, token, response, cancellationToken);
        }
        catch (DiscordApiException exception)
        {
            logger.InteractionFailed(kind, exception.Reason);
        }
    }

    private async Task<InteractionResponse> CommandAsync(DiscordInteraction interaction, ChatUser actor, CancellationToken cancellationToken)
    {
        var conversation = DiscordMessageTranslator.Conversation(interaction.ChannelId ?? interaction.Channel?.Id ?? "", interaction.GuildId, directory);
        switch (interaction.Data?.Name)
        {
            case "help":
                return Reply(commands.Help(conversation), privately: true);
            case "privacy":
                return Reply(commands.Privacy(conversation), privately: true);
            case "faq":
                var question = StringOption(interaction, "vraag");
                if (question.Length == 0)
                {
                    return Reply(DiscordTexts.EmptyQuestion, privately: true);
                }

                var answer = await commands.AnswerQuestionAsync(conversation, question, cancellationToken);
                var reply = Reply(answer.Text, privately: !answer.Answered);
                if (answer is { Answered: true, AnswerId: { } answerId })
                {
                    // Whoever it did not help can say so; the school sees it, the channel does not.
                    reply.Data!.Components = [new Component { Type = 1, Components = [new Component { Type = 2, Style = 2, Label = NotHelpfulLabel, CustomId = NotHelpfulPrefix + answerId }] }];
                }

                return reply;
            case "koppel" when interaction.GuildId is null:
                return Reply(DiscordTexts.LinkOnlyInServer, privately: true);
            case "koppel":
                var result = await commands.LinkAsync(conversation, actor, StringOption(interaction, "groep"), MayManage(interaction.Member), cancellationToken);
                return Reply(result.Reply, privately: !result.Linked);
            default:
                return Reply(DiscordTexts.UnknownCommand, privately: true);
        }
    }

    private async Task<InteractionResponse?> ButtonAsync(DiscordInteraction interaction, ChatUser actor, CancellationToken cancellationToken)
    {
        if (interaction.Data?.CustomId is { } customId && customId.StartsWith(NotHelpfulPrefix, StringComparison.Ordinal))
        {
            return Reply(await commands.AnswerNotHelpfulAsync(customId[NotHelpfulPrefix.Length..], cancellationToken), privately: true);
        }

        if (!DiscordAlertMessage.TryParse(interaction.Data?.CustomId, out var alertId, out var choice))
        {
            return null;
        }

        var view = await alertActions.ApplyAsync(new AlertAction(alertId, choice, actor), cancellationToken);
        if (view is null)
        {
            return Reply(DiscordTexts.AlertGone, privately: true);
        }

        logger.AlertAnswered(alertId, choice);
        return new InteractionResponse { Type = UpdateMessage, Data = DiscordAlertMessage.Create(view) };
    }

    /// <summary>Discord puts the member's permissions in this channel on the interaction; the bot checks them itself too.</summary>
    private static bool MayManage(DiscordMember? member) =>
        ulong.TryParse(member?.Permissions, out var permissions) && (permissions & (Administrator | ManageGuild)) != 0;

    private static string StringOption(DiscordInteraction interaction, string name) =>
        interaction.Data?.Options?.FirstOrDefault(o => o.Name == name)?.Value is { ValueKind: JsonValueKind.String } value
            ? value.GetString()?.Trim() ?? ""
            : "";

    private static InteractionResponse Reply(string text, bool privately) => new()
    {
        Type = ChannelMessageWithSource,
        Data = new CreateMessage { Content = DiscordTexts.Fit(text), Flags = privately ? Ephemeral : null },
    };
}
