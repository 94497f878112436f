namespace KlassenouderBot.Platforms;

/// <summary>A person (or bot) on a platform.</summary>
/// <param name="Id">The platform's stable id for the user (Teams user id, Discord snowflake, playground name).</param>
/// <param name="DisplayName">The name other members see.</param>
/// <param name="IsBot">True for bots and webhooks; their messages are never assessed.</param>
public sealed record ChatUser(string Id, string DisplayName, bool IsBot = false)
{
    /// <summary>The id prefix of a person named in the school file rather than known by a platform account.</summary>
    public const string ContactIdPrefix = "contact:";

    /// <summary>True for a school-file contact the platform still has to find among its members.</summary>
    public bool IsContact => Id.StartsWith(ContactIdPrefix, StringComparison.Ordinal);

    /// <summary>A person from the school file (a class parent, a teacher), to be found by name, e-mail or Discord account.</summary>
    public static ChatUser Contact(string name, string? email, string? discordAccount = null) =>
        new(ContactIdPrefix + name, name) { Email = email, DiscordAccount = discordAccount };

    /// <summary>Teams only: the Entra ID object id, needed to open a 1:1 chat.</summary>
    public string? AadObjectId { get; init; }

    /// <summary>
    /// An e-mail address or sign-in name, when the platform or the school file knows it: how an alert
    /// recipient from the school file is found among a conversation's members, and how a teacher is
    /// recognised when they link a chat to a class.
    /// </summary>
    public string? Email { get; init; }

    /// <summary>Discord only: the user id or username the school file gives for a contact.</summary>
    public string? DiscordAccount { get; init; }
}
