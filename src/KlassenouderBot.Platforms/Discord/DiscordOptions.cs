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
    /// The shard ids this instance runs, e.g. <c>0,1</c> on one machine and <c>2,3</c> on the next; empty
    /// runs them all. <value>Default: empty.</value>
    /// </summary>
    public List<int> ShardIds { get; set; } = [];

    /// <summary>True when a token is set.</summary>
    public bool IsConfigured => Token.Length > 0;

    /// <summary>Reads the section; <c>ShardIds</c> may also be a comma-separated string (handy in environment variables).</summary>
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
            : ids.GetChildren().Select(child => child.Value ?? "").ToArray();
        ShardIds = [.. texts.Select(text => int.TryParse(text, out var id) ? id : -1)];
    }
}
