namespace KlassenouderBot.Platforms;

/// <summary>A person (or bot) on a platform.</summary>
/// <param name="Id">The platform's stable id for the user (Teams user id, Discord snowflake, playground name).</param>
/// <param name="DisplayName">The name other members see.</param>
/// <param name="IsBot">True for bots and webhooks; their messages are never assessed.</param>
public sealed record ChatUser(string Id, string DisplayName, bool IsBot = false)
{
    /// <summary>Teams only: the Entra ID object id, needed to open a 1:1 chat.</summary>
    public string? AadObjectId { get; init; }
}
