namespace KlassenouderBot.Platforms.Discord;

/// <summary>
/// Discord's ids (users, servers, channels) are snowflakes: 15 to 21 digits as people copy them today. A
/// shorter string of digits is read as something else (a username), so every place that tells the two apart
/// uses this one rule.
/// </summary>
public static class DiscordSnowflake
{
    public static bool IsSnowflake(string? value) => value is { Length: >= 15 and <= 21 } && value.All(char.IsAsciiDigit);
}
