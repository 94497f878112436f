using System.Text.Json;

namespace KlassenouderBot.Platforms.Discord.Wire;

/// <summary>A Discord user.</summary>
internal sealed class DiscordUser
{
    public string? Id { get; set; }

    public string? Username { get; set; }

    public string? GlobalName { get; set; }

    public bool? Bot { get; set; }

    public bool? System { get; set; }
}

/// <summary>A guild member (partial in messages; with <c>permissions</c> in interactions).</summary>
internal sealed class DiscordMember
{
    public DiscordUser? User { get; set; }

    public string? Nick { get; set; }

    /// <summary>Interactions only: the member's total permissions in the channel, a bitfield as a string.</summary>
    public string? Permissions { get; set; }
}

/// <summary>A user in a message's <c>mentions</c>, with their partial member in guilds.</summary>
internal sealed class MentionedUser
{
    public string? Id { get; set; }

    public string? Username { get; set; }

    public string? GlobalName { get; set; }

    public bool? Bot { get; set; }

    public DiscordMember? Member { get; set; }
}

/// <summary>MESSAGE_CREATE / MESSAGE_UPDATE, and messages the REST API returns.</summary>
internal sealed class DiscordMessage
{
    public string? Id { get; set; }

    public string? ChannelId { get; set; }

    public string? GuildId { get; set; }

    public DiscordUser? Author { get; set; }

    public DiscordMember? Member { get; set; }

    public string? Content { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? EditedTimestamp { get; set; }

    public List<MentionedUser>? Mentions { get; set; }

    public int? Type { get; set; }

    public string? WebhookId { get; set; }

    public MessageReference? MessageReference { get; set; }

    public DiscordMessage? ReferencedMessage { get; set; }
}

/// <summary>What a message replies to.</summary>
internal sealed class MessageReference
{
    public string? MessageId { get; set; }

    public string? ChannelId { get; set; }

    public bool? FailIfNotExists { get; set; }
}

/// <summary>INTERACTION_CREATE.</summary>
internal sealed class DiscordInteraction
{
    public string? Id { get; set; }

    public string? ApplicationId { get; set; }

    public int Type { get; set; }

    public InteractionData? Data { get; set; }

    public string? GuildId { get; set; }

    public string? ChannelId { get; set; }

    public DiscordChannel? Channel { get; set; }

    /// <summary>In guilds: who acted, with their permissions.</summary>
    public DiscordMember? Member { get; set; }

    /// <summary>In DMs: who acted.</summary>
    public DiscordUser? User { get; set; }

    public string? Token { get; set; }

    /// <summary>For buttons: the message that carries them.</summary>
    public DiscordMessage? Message { get; set; }

    public string? Locale { get; set; }
}

/// <summary>A slash command's name and options, or a button's custom id.</summary>
internal sealed class InteractionData
{
    public string? Name { get; set; }

    public List<InteractionOption>? Options { get; set; }

    public string? CustomId { get; set; }

    public int? ComponentType { get; set; }
}

internal sealed class InteractionOption
{
    public string? Name { get; set; }

    public int Type { get; set; }

    public JsonElement? Value { get; set; }
}
