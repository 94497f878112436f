namespace KlassenouderBot.Platforms;

/// <summary>
/// Finds a school contact (a class parent, a teacher) among a conversation's members, the same way on
/// every platform: by e-mail first, then by full name (without "juf", "meester", …), then, for the first
/// name the school file often gives a class parent, by a first name no other member shares. Two members
/// that fit equally well are never guessed between: an alert for the wrong person is worse than none.
/// </summary>
internal static class ContactMatcher
{
    private static readonly string[] Honorifics = ["juf", "juffrouw", "meester", "mevrouw", "meneer", "mw.", "mw", "dhr.", "dhr", "mr.", "mrs.", "ms."];

    /// <summary>How a platform describes one member.</summary>
    /// <param name="Names">Every name the member goes by (display name, nickname, username).</param>
    /// <param name="Emails">E-mail addresses or sign-in names, when the platform knows them.</param>
    /// <param name="GivenNames">First names the platform knows separately (Teams' givenName).</param>
    public sealed record MemberNames(IReadOnlyList<string?> Names, IReadOnlyList<string?> Emails, IReadOnlyList<string?> GivenNames);

    /// <summary>The member the contact refers to, or null with the reason it could not be decided.</summary>
    public static (T? Member, string? Problem) Match<T>(IReadOnlyList<T> members, string name, string? email, Func<T, MemberNames> describe)
        where T : class
    {
        var described = members.Select(member => (Member: member, Names: describe(member))).ToList();
        if (email is { Length: > 0 } && described.FirstOrDefault(m => m.Names.Emails.Any(e => SameText(e, email))) is { Member: { } byEmail })
        {
            return (byEmail, null);
        }

        var wanted = WithoutHonorific(name);
        if (wanted.Length == 0)
        {
            return (null, "recipient has no name");
        }

        var byName = described.Where(m => m.Names.Names.Any(n => SameText(WithoutHonorific(n ?? ""), wanted))).ToList();
        if (byName.Count == 1)
        {
            return (byName[0].Member, null);
        }

        if (byName.Count > 1)
        {
            return (null, "recipient name is ambiguous in this conversation");
        }

        if (!wanted.Contains(' ', StringComparison.Ordinal))
        {
            var byFirstName = described
                .Where(m => m.Names.GivenNames.Any(g => SameText(g, wanted)) || m.Names.Names.Any(n => SameText(FirstWord(n), wanted)))
                .ToList();
            if (byFirstName.Count == 1)
            {
                return (byFirstName[0].Member, null);
            }

            if (byFirstName.Count > 1)
            {
                return (null, "recipient first name is shared by several members; add an e-mail or Discord account to the school file");
            }
        }

        return (null, "recipient is not a member of this conversation");
    }

    /// <summary>"juf Sanne de Vries" → "Sanne de Vries".</summary>
    public static string WithoutHonorific(string name)
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
