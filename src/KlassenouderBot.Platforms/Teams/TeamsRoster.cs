using System.Collections.Concurrent;
using KlassenouderBot.Platforms.Teams.Connector;

namespace KlassenouderBot.Platforms.Teams;

/// <summary>
/// Finds a school contact (a class parent, a teacher) among the members of a class's Teams conversation
/// with <see cref="ContactMatcher"/>, by e-mail or sign-in name, full name or unique first name. Rosters
/// are held in memory for a few minutes only, for the alert being sent.
/// </summary>
internal sealed class TeamsRoster(ConnectorClient connector, TimeProvider timeProvider)
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (DateTimeOffset FetchedAt, IReadOnlyList<TeamsChannelAccount> Members)> _rosters = new(StringComparer.Ordinal);

    /// <summary>The member the contact refers to, or null with the reason it could not be decided.</summary>
    public async Task<(TeamsChannelAccount? Member, string? Problem)> FindContactAsync(ConversationRef conversation, string name, string? email, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(conversation, cancellationToken);
        return Match(members, name, email);
    }

    internal static (TeamsChannelAccount? Member, string? Problem) Match(IReadOnlyList<TeamsChannelAccount> members, string name, string? email) =>
        ContactMatcher.Match(members, name, email, static m => new ContactMatcher.MemberNames([m.Name], [m.Email, m.UserPrincipalName], [m.GivenName]));

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
}
