using System.Text.RegularExpressions;

namespace KlassenouderBot.Platforms.Teams;

internal enum TeamsCommandKind
{
    Help,
    Privacy,
    Link,
}

/// <summary>
/// A command typed to the bot after its mention (or in a 1:1 chat): <c>help</c>, <c>privacy</c>,
/// <c>koppel groep 5</c>. The same words as the manifest's command list and Discord's slash commands.
/// </summary>
internal sealed partial record TeamsCommand(TeamsCommandKind Kind, string? Groep = null)
{
    public static TeamsCommand? TryParse(string text)
    {
        var trimmed = text.Trim().TrimStart('/').Trim().TrimEnd('.', '!', '?', ' ');
        if (trimmed.Length == 0 || trimmed.Length > 60)
        {
            return null;
        }

        if (trimmed.Equals("help", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("hulp", StringComparison.OrdinalIgnoreCase))
        {
            return new TeamsCommand(TeamsCommandKind.Help);
        }

        if (trimmed.Equals("privacy", StringComparison.OrdinalIgnoreCase))
        {
            return new TeamsCommand(TeamsCommandKind.Privacy);
        }

        return LinkPattern().Match(trimmed) is { Success: true } match
            ? new TeamsCommand(TeamsCommandKind.Link, match.Groups["groep"].Value.Trim())
            : null;
    }

    [GeneratedRegex(@"^(?:koppel|link)(?:\s+(?:aan|to))?(?:\s+(?:groep|group|klas|class))?\s+(?<groep>[0-9]{1,2}(?:\s*/\s*[0-9]{1,2})?\s*[A-Za-z]?)$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}
