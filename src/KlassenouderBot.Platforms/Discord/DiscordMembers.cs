using System.Collections.Concurrent;
using KlassenouderBot.Platforms.Discord.Rest;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>
/// Finds a school contact (a class parent, a teacher) in a Discord server, to send them an alert: the
/// account the school file gives (a user id, or a username looked up with member search), else the
/// name, matched with <see cref="ContactMatcher"/> against the members the bot has seen write in the
/// server and those member search finds by name. Seen members are held in memory only (id and names),
/// a bounded number per server.
/// </summary>
internal sealed class DiscordMembers(DiscordRestClient rest)
{
    private const int MaxMembersPerGuild = 5_000;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, SeenMember>> _seen = new(StringComparer.Ordinal);

    /// <summary>Remembers who wrote in a server (or pressed a button, or ran a command).</summary>
    public void Saw(string? guildId, DiscordUser? user, DiscordMember? member)
    {
        if (guildId is null || user?.Id is not { Length: > 0 } userId || user.Bot == true)
        {
            return;
        }

        var members = _seen.GetOrAdd(guildId, static _ => new ConcurrentDictionary<string, SeenMember>(StringComparer.Ordinal));
        if (members.Count >= MaxMembersPerGuild && !members.ContainsKey(userId))
        {
            return;
        }

        members[userId] = new SeenMember(userId, user.Username, user.GlobalName, member?.Nick);
    }

    /// <summary>The contact's user id, or null with the reason they could not be found.</summary>
    public async Task<(string? UserId, string? Problem)> FindContactAsync(string? guildId, ChatUser contact, CancellationToken cancellationToken)
    {
        var account = contact.DiscordAccount;
        // A user id is a snowflake, by the same rule the school file is read with; fewer digits make a username.
        if (DiscordSnowflake.IsSnowflake(account))
        {
            return (account, null);
        }

        if (guildId is null)
        {
            return (null, "the conversation is not in a Discord server");
        }

        var candidates = new Dictionary<string, SeenMember>(StringComparer.Ordinal);
        if (_seen.TryGetValue(guildId, out var seen))
        {
            foreach (var (id, member) in seen)
            {
                candidates[id] = member;
            }
        }

        var query = account ?? ContactMatcher.WithoutHonorific(contact.DisplayName).Split(' ', 2)[0];
        foreach (var found in await SearchAsync(guildId, query, cancellationToken))
        {
            candidates[found.UserId] = found;
        }

        if (account is { Length: > 0 })
        {
            var byUsername = candidates.Values.FirstOrDefault(m => string.Equals(m.Username, account, StringComparison.OrdinalIgnoreCase));
            return byUsername is null ? (null, $"no member with the username from the school file") : (byUsername.UserId, null);
        }

        var (match, problem) = ContactMatcher.Match(
            [.. candidates.Values],
            contact.DisplayName,
            email: null,
            static m => new ContactMatcher.MemberNames([m.Nick, m.GlobalName, m.Username], [], []));
        return (match?.UserId, problem);
    }

    /// <summary>Member search; Discord only fills it in when the server members intent is on, so an error means "nothing found".</summary>
    private async Task<IReadOnlyList<SeenMember>> SearchAsync(string guildId, string query, CancellationToken cancellationToken)
    {
        if (query.Length == 0)
        {
            return [];
        }

        try
        {
            var members = await rest.SearchMembersAsync(guildId, query, cancellationToken);
            return [.. members
                .Where(m => m.User?.Id is { Length: > 0 } && m.User.Bot != true)
                .Select(m => new SeenMember(m.User!.Id!, m.User.Username, m.User.GlobalName, m.Nick))];
        }
        catch (DiscordApiException)
        {
            return [];
        }
    }

    private sealed record SeenMember(string UserId, string? Username, string? GlobalName, string? Nick);
}
