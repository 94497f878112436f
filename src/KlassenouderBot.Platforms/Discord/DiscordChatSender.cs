using System.Collections.Concurrent;
using System.Globalization;
using KlassenouderBot.Platforms.Discord.Rest;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>
/// Everything the bot says in Discord. Group messages go into the channel (as a reply when asked, without
/// pinging the replied-to author); nudges and alerts go into a DM with the person and never fall back to
/// the channel. When a member's DMs are closed (Discord error 50007) the send is reported as not delivered
/// and remembered for a while, so the bot does not keep knocking (each refusal counts towards Discord's
/// invalid-request limit). Every message allows no mentions, so nothing the bot says can ping anyone, and
/// carries a nonce Discord enforces, so a retried send cannot post twice.
/// </summary>
internal sealed class DiscordChatSender(DiscordRestClient rest, DiscordMembers members, TimeProvider timeProvider, ILogger<DiscordChatSender> logger) : IChatSender
{
    /// <summary>How long a member's closed DMs are believed before trying again.</summary>
    public static readonly TimeSpan ClosedDmMemory = TimeSpan.FromHours(6);

    public const string DmClosedReason = "direct messages closed";

    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _dmClosedUntil = new(StringComparer.Ordinal);

    public Platform Platform => Platform.Discord;

    /// <summary>Discord returns the first message for a repeated nonce (within a few minutes) instead of posting again.</summary>
    public bool DeduplicatesResends => true;

    public async Task<SendResult> SendToConversationAsync(ConversationRef conversation, OutboundMessage message, CancellationToken cancellationToken)
    {
        var body = Build(message);
        if (message.ReplyToMessageId is { Length: > 0 } replyTo && replyTo.All(char.IsAsciiDigit))
        {
            // If the parent's message was deleted meanwhile, post without the reference instead of failing.
            body.MessageReference = new MessageReference { MessageId = replyTo, FailIfNotExists = false };
        }

        try
        {
            var sent = await rest.CreateMessageAsync(conversation.ConversationId, body, cancellationToken);
            return SendResult.Ok(sent.Id);
        }
        catch (DiscordApiException exception)
        {
            return SendResult.Failed(exception.Reason);
        }
    }

    public async Task<SendResult> SendPrivateAsync(ConversationRef conversation, ChatUser recipient, OutboundMessage message, CancellationToken cancellationToken)
    {
        var userId = recipient.Id;
        if (recipient.IsContact)
        {
            var (found, problem) = await members.FindContactAsync(conversation.GuildId, recipient, cancellationToken);
            if (found is null)
            {
                logger.ContactNotFound(message.Kind, problem ?? "not found");
                return SendResult.Undeliverable(problem ?? "recipient not found");
            }

            userId = found;
        }

        if (_dmClosedUntil.TryGetValue(userId, out var until) && until > timeProvider.GetUtcNow())
        {
            logger.DirectMessagesClosed(message.Kind);
            return SendResult.Undeliverable(DmClosedReason);
        }

        try
        {
            var channelId = await DmChannelAsync(userId, cancellationToken);
            var sent = await rest.CreateMessageAsync(channelId, Build(message), cancellationToken);
            return SendResult.Ok(sent.Id);
        }
        catch (DiscordApiException exception) when (exception.IsDmClosed)
        {
            _dmClosedUntil[userId] = timeProvider.GetUtcNow() + ClosedDmMemory;
            logger.DirectMessagesClosed(message.Kind);
            return SendResult.Undeliverable(DmClosedReason);
        }
        catch (DiscordApiException exception)
        {
            return SendResult.Failed(exception.Reason);
        }
    }

    /// <summary>Discord returns the existing DM channel when there is one; the id is kept in memory only.</summary>
    private async Task<string> DmChannelAsync(string userId, CancellationToken cancellationToken)
    {
        if (_dmChannels.TryGetValue(userId, out var known))
        {
            return known;
        }

        var channel = await rest.CreateDmAsync(userId, cancellationToken);
        if (channel.Id is not { Length: > 0 } id)
        {
            throw new DiscordApiException("open direct message", 200, null, "no channel id returned");
        }

        _dmChannels[userId] = id;
        return id;
    }

    private static CreateMessage Build(OutboundMessage message)
    {
        var body = message is { Kind: OutboundKind.Alert, Alert: { } alert }
            ? DiscordAlertMessage.Create(alert)
            : new CreateMessage { Content = DiscordTexts.Fit(message.Text) };
        body.Nonce = message.IdempotencyKey is { Length: > 0 and <= 25 } key ? key : NewNonce();
        body.EnforceNonce = true;
        body.AllowedMentions = message.AllowMentions ? new AllowedMentions { Parse = ["users"] } : AllowedMentions.None;
        return body;
    }

    /// <summary>At most 25 characters; unique enough that two sends never share one.</summary>
    private static string NewNonce() => ((ulong)Random.Shared.NextInt64(1, long.MaxValue)).ToString(CultureInfo.InvariantCulture);
}
