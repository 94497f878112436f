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

        if (options.ShardIds.Any(id => id < 0))
        {
            failures.Add("Discord:ShardIds must be shard numbers from 0, e.g. '0,1'.");
        }
        else if (options.ShardIds.Count > 0 && options.ShardCount == 0)
        {
            failures.Add("Discord:ShardIds needs Discord:ShardCount: every instance must agree on the number of shards.");
        }
        else if (options.ShardIds.Any(id => id >= options.ShardCount) && options.ShardCount > 0)
        {
            failures.Add($"Discord:ShardIds must be below Discord:ShardCount ({options.ShardCount}).");
        }

        if (options.ShardIds.Count != options.ShardIds.Distinct().Count())
        {
            failures.Add("Discord:ShardIds lists a shard twice.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}
