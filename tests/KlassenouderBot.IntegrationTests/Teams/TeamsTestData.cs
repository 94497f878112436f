using KlassenouderBot.IntegrationTests.Teams.Fakes;

namespace KlassenouderBot.IntegrationTests.Teams;

/// <summary>The bot's registration, the tenant and the people of the groep 5 parents' chat.</summary>
internal static class TeamsTestData
{
    public const string AppId = "6b0e4a52-9c1d-4f3e-8a7b-2d5c9e1f0a34";
    public const string AppPassword = "fake-client-secret-for-tests";
    public const string TenantId = "c2f7a9e1-4b3d-4e8a-9f60-1d2b3c4d5e6f";
    public const string OtherTenantId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    public const string BotName = "KlassenouderBot";

    /// <summary>The group chat linked to groep 5, in the school file and in the database.</summary>
    public const string GroupChatId = "19:klas5@thread.v2";

    public const string ClassParentEmail = "naima.bouzid@ouders.example";
    public const string TeacherEmail = "t.veenstra@wilgenhoek.example";

    /// <summary>Labelled hurtful by <c>analyze</c> (insult, sarcasm, target teacher).</summary>
    public const string Hurtful = "Die juf is echt een waardeloze trut, ze snapt er niks van";

    /// <summary>Labelled hurtful by <c>analyze</c> (insult, target teacher); used by the barrier parent.</summary>
    public const string AlsoHurtful = "Wat een idioot is die meester, hij doet maar wat";

    /// <summary>The first message of PlaygroundEscalationTests' script (hurtful: disease curse).</summary>
    public const string Insult = "Die juf is een kankerjuf";

    /// <summary>The second message of that script (hurtful: insult, gang-up); with <see cref="Insult"/> it escalates.</summary>
    public const string PileOn = "Precies, wat een trut is het, wie doet er mee met een brief dat ze weg moet?";

    /// <summary>
    /// Labelled ok by <c>analyze</c>, and no question: a question the school's FAQ answers well ("is er morgen
    /// gym?") is answered in the group unasked, and the tests using this message expect the bot to stay silent.
    /// </summary>
    public const string Calm = "Fijn weekend allemaal, tot maandag bij het hek.";

    /// <summary>Words from the hurtful messages above that the bot must never say back.</summary>
    public static readonly IReadOnlyList<string> HurtfulWords = ["waardeloze", "trut", "snapt er niks van", "kanker", "idioot", "doet maar wat", "brief dat ze weg moet"];

    public static string BotId => $"28:{AppId}";

    /// <summary>The klassenouder of groep 5; in the school file as "Naima" with <see cref="ClassParentEmail"/>.</summary>
    public static readonly TeamsMember Naima = Member("29:1NaimaBouzid-x3Kq", "Naima Bouzid", "Naima", "Bouzid", ClassParentEmail, "5d1e6b2a-0c4f-4a8e-9b7d-3f2a1c0e9d01");

    /// <summary>The teacher of groep 5, meester Tom Veenstra.</summary>
    public static readonly TeamsMember Tom = Member("29:1TomVeenstra-p7Zs", "Tom Veenstra", "Tom", "Veenstra", TeacherEmail, "5d1e6b2a-0c4f-4a8e-9b7d-3f2a1c0e9d02");

    public static readonly TeamsMember Mark = Member("29:1MarkJansen-r2Lw", "Mark Jansen", "Mark", "Jansen", "mark.jansen@ouders.example", "5d1e6b2a-0c4f-4a8e-9b7d-3f2a1c0e9d03");

    public static readonly TeamsMember Ilse = Member("29:1IlseDeBoer-m5Tv", "Ilse de Boer", "Ilse", "de Boer", "ilse.deboer@ouders.example", "5d1e6b2a-0c4f-4a8e-9b7d-3f2a1c0e9d04");

    public static readonly TeamsMember Sanne = Member("29:1SanneVisser-h8Ny", "Sanne Visser", "Sanne", "Visser", "sanne.visser@ouders.example", "5d1e6b2a-0c4f-4a8e-9b7d-3f2a1c0e9d05");

    /// <summary>Everyone in the groep 5 chat, as the roster API lists them.</summary>
    public static IReadOnlyList<TeamsMember> Groep5Chat => [Mark, Naima, Ilse, Tom, Sanne];

    /// <summary>A parent nobody has seen before, so no per-author state (nudge cooldowns) can interfere.</summary>
    public static TeamsMember NewParent(int number) =>
        Member($"29:1Ouder{number}-{Guid.NewGuid():N}", $"Ouder {number}", "Ouder", number.ToString(System.Globalization.CultureInfo.InvariantCulture), $"ouder{number}@ouders.example", Guid.NewGuid().ToString());

    /// <summary>
    /// Yesterday at 14:00 in Amsterdam: a school afternoon, so neither late-night rules nor a run near
    /// midnight changes what the engine decides. Activities carry this as their timestamp.
    /// </summary>
    public static DateTimeOffset Afternoon(TimeSpan? plus = null)
    {
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var today = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), amsterdam);
        var local = new DateTime(today.Year, today.Month, today.Day, 14, 0, 0, DateTimeKind.Unspecified).AddDays(-1);
        return new DateTimeOffset(local, amsterdam.GetUtcOffset(local)) + (plus ?? TimeSpan.Zero);
    }

    private static TeamsMember Member(string id, string name, string givenName, string surname, string email, string aadObjectId) =>
        new(id, name, givenName, surname, email, aadObjectId, TenantId);
}
