using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>
/// Refuses Discord settings that cannot work, at start-up: a REST base that is not an absolute https URL
/// (plain http only on loopback, where the token cannot be overheard), and shard settings that do not add up.
/// </summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api)
            || !(api.Scheme == Uri.UriSchemeHttps || (api.Scheme == Uri.UriSchemeHttp && IsLoopback(api))))
        {
            failures.Add($"Discord:ApiBaseUrl must be an https:// URL (http:// only on a loopback host): '{options.ApiBaseUrl}'.");
        }

        if (options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:Token contains spaces; paste only the token from the developer portal's Bot page (without 'Bot ').");
        }

        if (options.ShardCount < 0)
        {
            failures.Add("Discord:ShardCount must be a whole number, 0 for Discord's recommendation.");
        }

        if (ShardIdsProblem(options) is { } shardIds)
        {
            failures.Add(shardIds);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The first thing wrong with <c>Discord:ShardIds</c>, as one line; null when it adds up.</summary>
    private static string? ShardIdsProblem(DiscordOptions options)
    {
        const string Example = "e.g. '0,1' or '0-3'";
        if (options.UnreadableShardIds.Count > 0 || options.ShardIds.Any(id => id < 0))
        {
            var unreadable = options.UnreadableShardIds.Count > 0 ? options.UnreadableShardIds[0] : options.ShardIds.First(id => id < 0).ToString(CultureInfo.InvariantCulture);
            return $"Discord:ShardIds: '{unreadable}' is not a shard number or range ({Example}).";
        }

        if (options.ShardIds.Count == 0)
        {
            return null;
        }

        if (options.ShardCount == 0)
        {
            return "Discord:ShardIds needs Discord:ShardCount: every instance must agree on the number of shards.";
        }

        if (options.ShardCount > 0 && options.ShardIds.FirstOrDefault(id => id >= options.ShardCount, -1) is var outside and >= 0)
        {
            return $"Discord:ShardIds: shard {outside} is outside 0-{options.ShardCount - 1}; shard ids must be below Discord:ShardCount ({options.ShardCount}).";
        }

        var twice = options.ShardIds.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? null : $"Discord:ShardIds lists shard {twice.Key} twice.";
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}
