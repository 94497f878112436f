namespace KlassenouderBot.Platforms;

/// <summary>
/// Everything needed to post into a group conversation later, or to reach one of its members
/// privately: the Bot Framework's conversation reference and Discord's channel/guild pair in one shape.
/// </summary>
/// <param name="Platform">Where the conversation lives.</param>
/// <param name="ConversationId">Teams conversation id, Discord channel id, or playground room.</param>
public sealed record ConversationRef(Platform Platform, string ConversationId)
{
    /// <summary>Teams: the Bot Connector service URL the activity came from.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Teams: the Entra ID tenant, required to create a 1:1 conversation.</summary>
    public string? TenantId { get; init; }

    /// <summary>Discord: the guild (server) the channel belongs to.</summary>
    public string? GuildId { get; init; }

    /// <summary>The bot's own account in this conversation.</summary>
    public ChatUser? Bot { get; init; }

    /// <summary>A human-readable name (chat or channel title), for admins and logs.</summary>
    public string? Title { get; init; }

    /// <summary>A stable key for per-conversation state: platform plus id.</summary>
    public string Key => $"{Platform}:{ConversationId}";
}
