using System.Globalization;
using KlassenouderBot.IntegrationTests.Discord.Fakes;
using KlassenouderBot.IntegrationTests.Teams;

namespace KlassenouderBot.IntegrationTests.Discord;

/// <summary>The school's Discord server, its groep 5 channel and the people in it.</summary>
internal static class DiscordTestData
{
    public static string GuildId => FakeGuild.Default.Id;

    /// <summary>Linked to groep 5 in the school file.</summary>
    public static string Groep5Channel => FakeGuild.Default.Channels[0].Id;

    /// <summary>Not linked to any groep.</summary>
    public static string Groep3Channel => FakeGuild.Default.Channels[1].Id;

    public static readonly DiscordPerson Mark = new("1300000000000000201", "markj", "Mark Jansen");
    public static readonly DiscordPerson Ilse = new("1300000000000000202", "ilse.db", "Ilse de Boer");

    /// <summary>The klassenouder of groep 5; in the school file with this Discord id.</summary>
    public static readonly DiscordPerson Naima = new("1300000000000000203", "naima_b", "Naima Bouzid");

    /// <summary>Meester Tom Veenstra, groep 5's teacher; he runs the server.</summary>
    public static readonly DiscordPerson Tom = new("1300000000000000204", "tomveenstra", "Tom Veenstra");

    private static long _nextId = 1_400_000_000_000_000_000;

    /// <summary>A fresh message (or interaction) id: a realistic 19-digit snowflake.</summary>
    public static string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    /// <summary>A parent nobody has seen before, so no per-author state (nudge cooldowns) interferes.</summary>
    public static DiscordPerson NewParent(int number) =>
        new((1_300_000_000_000_001_000 + number).ToString(CultureInfo.InvariantCulture), $"ouder{number}", $"Ouder {number}");

    /// <summary>The school afternoon the Teams tests also use, so late-night rules never change a decision.</summary>
    public static string Afternoon(int minutes = 0) => TeamsTestData.Afternoon(TimeSpan.FromMinutes(minutes)).ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>A Discord user in the tests.</summary>
internal sealed record DiscordPerson(string Id, string Username, string GlobalName);
