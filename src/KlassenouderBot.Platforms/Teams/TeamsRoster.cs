using System.Collections.Concurrent;
using KlassenouderBot.Platforms.Teams.Connector;

namespace KlassenouderBot.Platforms.Teams;

/// <summary>
/// Finds a school contact (a class parent, a teacher) among the members of a class's Teams conversation:
/// by e-mail or sign-in name first, then by full name (without "juf", "meester", …), then, for the first
/// name the school file often gives a class parent, by a first name no other member shares. Rosters are
/// held in memory for a few minutes only, for the alert being sent.
/// </summary>
internal sealed class TeamsRoster(ConnectorClient connector, TimeProvider timeProvider)
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(10);

    private static readonly string[] Honorifics = ["juf", "juffrouw", "meester", "mevrouw", "meneer", "mw.", "mw", "dhr.", "dhr", "mr.", "mrs.", "ms."];

    private readonly ConcurrentDictionary<string, (DateTimeOffset FetchedAt, IReadOnlyList<TeamsChannelAccount> Members)> _rosters = new(StringComparer.Ordinal);

    /// <summary>The member the contact refers to, or null with the reason it could not be decided.</summary>
    public async Task<(TeamsChannelAccount? Member, string? Problem)> FindContactAsync(ConversationRef conversation, string name, string? email, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(conversation, cancellationToken);
        return Match(members, name, email);
    }

    internal static (TeamsChannelAccount? Member, string? Problem) Match(IReadOnlyList<TeamsChannelAccount> members, string name, string? email)
    {
        if (email is { Length: > 0 })
        {
            var byEmail = members.FirstOrDefault(m => SameText(m.Email, email) || SameText(m.UserPrincipalName, email));
            if (byEmail is not null)
            {
                return (byEmail, null);
            }
        }

        var wanted = WithoutHonorific(name);
        if (wanted.Length == 0)
        {
            return (null, "recipient has no name");
        }

        var byName = members.Where(m => SameText(WithoutHonorific(m.Name ?? ""), wanted)).ToList();
        if (byName.Count == 1)
        {
            return (byName[0], null);
        }

        if (byName.Count > 1)
        {
            return (null, "recipient name is ambiguous in this conversation");
        }

        if (!wanted.Contains(' ', StringComparison.Ordinal))
        {
            var byFirstName = members.Where(m => SameText(m.GivenName, wanted) || SameText(FirstWord(m.Name), wanted)).ToList();
            if (byFirstName.Count == 1)
            {
                return (byFirstName[0], null);
            }

            if (byFirstName.Count > 1)
            {
                return (null, "recipient first name is shared by several members; add an e-mail to the school file");
            }
        }

        return (null, "recipient is not a member of this conversation");
    }

    /// <summary>One member's details (for their e-mail), from the cached roster when there is one.</summary>
    public async Task<TeamsChannelAccount?> FindMemberAsync(ConversationRef conversation, string userId, CancellationToken cancellationToken)
    {
        if (_rosters.TryGetValue(conversation.Key, out var cached) && Fresh(cached.FetchedAt)
            && cached.Members.FirstOrDefault(m => m.Id == userId) is { } member)
        {
            return member;
        }

        return await connector.GetMemberAsync(conversation.ServiceUrl ?? "", conversation.ConversationId, userId, cancellationToken);
    }

    private async Task<IReadOnlyList<TeamsChannelAccount>> MembersAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        if (_rosters.TryGetValue(conversation.Key, out var cached) && Fresh(cached.FetchedAt))
        {
            return cached.Members;
        }

        var members = await connector.GetMembersAsync(conversation.ServiceUrl ?? "", conversation.ConversationId, cancellationToken);
        _rosters[conversation.Key] = (timeProvider.GetUtcNow(), members);
        return members;
    }

    private bool Fresh(DateTimeOffset fetchedAt) => timeProvider.GetUtcNow() - fetchedAt < CacheDuration;

    private static string WithoutHonorific(string name)
    {
        var trimmed = name.Trim();
        foreach (var honorific in Honorifics)
        {
            if (trimmed.StartsWith(honorific + " ", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[(honorific.Length + 1)..].Trim();
            }
        }

        return trimmed;
    }

    private static string? FirstWord(string? name) => name?.Trim().Split(' ', 2)[0];

    private static bool SameText(string? a, string? b) =>
        a is { Length: > 0 } && b is { Length: > 0 } && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
