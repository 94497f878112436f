using System.Text.Json;
using KlassenouderBot.Platforms.Discord.Gateway;
using KlassenouderBot.Platforms.Discord.Wire;
using KlassenouderBot.Platforms.Inbound;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>
/// The gateway's dispatches, by name: messages and edits go to the engine (queued in conversation order,
/// so the receive loop never waits for the engine), interactions are answered at once on their own,
/// server and channel events keep the directory current, and a server that just added the bot gets the
/// welcome in its system channel.
/// </summary>
internal sealed class DiscordEvents(
    DiscordDirectory directory,
    DiscordMembers members,
    DiscordInteractions interactions,
    DiscordChatSender sender,
    IInboundMessageSink inbound,
    IBotCommands commands,
    OrderedWorkQueue queue,
    DetachedWork detached,
    TimeProvider timeProvider,
    ILogger<DiscordEvents> logger) : IGatewayEvents
{
    /// <summary>A GUILD_CREATE counts as "just added" only this soon after joining (replays and outages are not).</summary>
    private static readonly TimeSpan JoinedRecently = TimeSpan.FromMinutes(10);

    public void OnReady(int shardId, ReadyData ready) => directory.OnReady(ready);

    public async ValueTask OnDispatchAsync(int shardId, string eventName, JsonElement data, CancellationToken cancellationToken)
    {
        switch (eventName)
        {
            case "MESSAGE_CREATE" or "MESSAGE_UPDATE":
                await OnMessageAsync(data.Deserialize(DiscordJsonContext.Default.DiscordMessage), eventName == "MESSAGE_UPDATE", cancellationToken);
                break;
            case "INTERACTION_CREATE" when data.Deserialize(DiscordJsonContext.Default.DiscordInteraction) is { } interaction:
                detached.Run("discord interaction", ct => interactions.HandleAsync(interaction, ct));
                break;
            case "GUILD_CREATE" when data.Deserialize(DiscordJsonContext.Default.GuildData) is { } guild:
                OnGuildCreate(guild);
                break;
            case "GUILD_DELETE" when data.Deserialize(DiscordJsonContext.Default.GuildData) is { Id: { } guildId } deleted:
                directory.OnGuildDeleted(guildId, stillMember: deleted.Unavailable == true);
                break;
            case "CHANNEL_CREATE" or "CHANNEL_UPDATE" or "THREAD_CREATE" or "THREAD_UPDATE" when data.Deserialize(DiscordJsonContext.Default.DiscordChannel) is { } channel:
                directory.OnChannel(channel);
                break;
            case "CHANNEL_DELETE" or "THREAD_DELETE" when data.Deserialize(DiscordJsonContext.Default.DiscordChannel) is { } channel:
                directory.OnChannelDeleted(channel);
                break;
        }
    }

    private async Task OnMessageAsync(DiscordMessage? message, bool isUpdate, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            return;
        }

        members.Saw(message.GuildId, message.Author, message.Member);
        // A replayed event reaches the pipeline again; its deduplication lets each message (and edit text) through once.
        if (DiscordMessageTranslator.ToChatMessage(message, directory, isUpdate, timeProvider.GetUtcNow()) is not { Text.Length: > 0 } chat)
        {
            return;
        }

        await queue.EnqueueAsync(chat.Conversation.Key, "discord message", ct => inbound.HandleAsync(chat, ct), cancellationToken);
    }

    private void OnGuildCreate(GuildData guild)
    {
        var isNew = directory.OnGuildCreate(guild);
        if (!isNew || guild.Unavailable == true || guild.SystemChannelId is not { Length: > 0 } channelId
            || guild.JoinedAt is not { } joinedAt || timeProvider.GetUtcNow() - joinedAt > JoinedRecently)
        {
            return;
        }

        var conversation = DiscordMessageTranslator.Conversation(channelId, guild.Id, directory);
        detached.Run("discord welcome", async ct =>
        {
            var result = await sender.SendToConversationAsync(conversation, new OutboundMessage(OutboundKind.Notice, commands.Welcome(conversation)), ct);
            if (!result.Delivered)
            {
                logger.WelcomeFailed(result.FailureReason ?? "not delivered");
            }
        });
    }
}
