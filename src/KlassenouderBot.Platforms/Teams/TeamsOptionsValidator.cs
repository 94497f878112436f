using System.Net;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Platforms.Teams;

/// <summary>
/// Refuses settings that would make the bot insecure or unable to work, at start-up rather than on the
/// first message: anonymous access in Production, tokens over plain HTTP to a non-loopback host, a
/// single-tenant bot without its tenant.
/// </summary>
internal sealed class TeamsOptionsValidator(IHostEnvironment environment) : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (options.AllowUnauthenticated && environment.IsProduction())
        {
            failures.Add("BotFramework:AllowUnauthenticated is refused in Production: every request to /api/messages must carry a Bot Connector token.");
        }

        foreach (var (key, url) in new[]
        {
            ("ToBotFromChannelOpenIdMetadataUrl", options.ChannelOpenIdMetadataUrl),
            ("ToBotFromEmulatorOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl),
            ("ToChannelFromBotLoginUrl", options.LoginUrl.Replace("{tenant}", "tenant", StringComparison.OrdinalIgnoreCase)),
        })
        {
            if (!IsSecureOrLoopback(url))
            {
                failures.Add($"{key} must be an https:// URL (http:// only on a loopback host): '{url}'.");
            }
        }

        if (!Uri.TryCreate(options.ChannelTokenIssuer, UriKind.Absolute, out _))
        {
            failures.Add($"ToBotFromChannelTokenIssuer must be an absolute URL: '{options.ChannelTokenIssuer}'.");
        }

        if (options.IsConfigured)
        {
            if (!Guid.TryParse(options.AppId, out _))
            {
                failures.Add("MicrosoftAppId must be the Azure Bot's app id (a GUID).");
            }

            switch (options.AppType)
            {
                case BotAppType.SingleTenant when options.AppTenantId.Length == 0 || options.AppPassword.Length == 0:
                    failures.Add("A SingleTenant bot needs MicrosoftAppTenantId and MicrosoftAppPassword.");
                    break;
                case BotAppType.MultiTenant when options.AppPassword.Length == 0:
                    failures.Add("A MultiTenant bot needs MicrosoftAppPassword.");
                    break;
                case BotAppType.UserAssignedMSI when options.AppTenantId.Length == 0 || options.AppPassword.Length > 0:
                    failures.Add("A UserAssignedMSI bot needs MicrosoftAppTenantId and must not have a MicrosoftAppPassword.");
                    break;
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Metadata and token URLs may use plain HTTP only on this machine (tests, local fakes).</summary>
    internal static bool IsSecureOrLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(uri.Host)));

    internal static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
