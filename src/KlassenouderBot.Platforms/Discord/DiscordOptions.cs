using System.Globalization;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>The <c>Discord:</c> settings. Discord is off while <see cref="Token"/> is empty.</summary>
public sealed class DiscordOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Discord";

    /// <summary>The public REST base, with the pinned version.</summary>
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token from the developer portal (Bot page). <value>Default: empty (Discord off).</value></summary>
    public string Token { get; set; } = "";

    /// <summary>
    /// The REST base; the gateway URL comes from <c>GET {ApiBaseUrl}/gateway/bot</c>.
    /// <value>Default: <c>https://discord.com/api/v10</c>.</value>
    /// </summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// How many shards the whole deployment runs; 0 takes Discord's recommendation from <c>/gateway/bot</c>.
    /// Every instance of a sharded deployment must use the same number. <value>Default: 0.</value>
    /// </summary>
    public int ShardCount { get; set; }

    /// <summary>
    /// The shard ids this instance runs, e.g. <c>0,1</c> on one machine and <c>2,3</c> (or the range <c>2-3</c>) on
    /// the next; empty runs them all. <value>Default: empty.</value>
    /// </summary>
    public List<int> ShardIds { get; set; } = [];

    /// <summary>True when a token is set.</summary>
    public bool IsConfigured => Token.Length > 0;

    /// <summary>Entries of <c>Discord:ShardIds</c> that are not a shard number or range, for the validator to name.</summary>
    internal List<string> UnreadableShardIds { get; } = [];

    /// <summary>
    /// Reads the section. <c>ShardIds</c> may be an array or one comma-separated string (handy in environment
    /// variables), and each entry a number or a range <c>first-last</c>.
    /// </summary>
    public void Bind(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        Token = section["Token"]?.Trim() ?? "";
        ApiBaseUrl = (section["ApiBaseUrl"] is { Length: > 0 } url ? url.Trim() : DefaultApiBaseUrl).TrimEnd('/');
        if (section["ShardCount"] is { Length: > 0 } count)
        {
            ShardCount = int.TryParse(count, out var parsed) ? parsed : -1;
        }

        var ids = section.GetSection("ShardIds");
        var texts = ids.Value is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : ids.GetChildren().Select(child => child.Value?.Trim() ?? "").ToArray();
        ShardIds = [];
        UnreadableShardIds.Clear();
        foreach (var text in texts)
        {
            if (ShardRange(text) is var (first, last))
            {
                ShardIds.AddRange(Enumerable.Range(first, last - first + 1));
            }
            else
            {
                UnreadableShardIds.Add(text);
            }
        }
    }

    /// <summary>
    /// <c>3</c> or <c>0-3</c>; null for anything else, a range that runs backwards, or one longer than any bot needs
    /// (so a typo such as <c>0-40000000</c> is named rather than expanded).
    /// </summary>
    private static (int First, int Last)? ShardRange(string text)
    {
        const int MaxRangeLength = 65_536;
        var dash = text.Length > 1 ? text.IndexOf('-', 1) : -1;
        if (dash < 0)
        {
            return TryParseId(text, out var id) ? (id, id) : null;
        }

        return TryParseId(text[..dash].Trim(), out var first) && TryParseId(text[(dash + 1)..].Trim(), out var last)
            && first <= last && last - first < MaxRangeLength
            ? (first, last)
            : null;
    }

    private static bool TryParseId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
