namespace KlassenouderBot.Platforms.Teams;

/// <summary>How the bot authenticates: the Azure Bot's app type, named as in the Bot Framework SDK.</summary>
public enum BotAppType
{
    /// <summary>An app registration in the school's own tenant (the only kind Azure creates since 31 July 2025).</summary>
    SingleTenant,

    /// <summary>A legacy multi-tenant registration; tokens come from the <c>botframework.com</c> tenant.</summary>
    MultiTenant,

    /// <summary>A user-assigned managed identity: no password, tokens from the hosting environment.</summary>
    UserAssignedMSI,
}

/// <summary>
/// The Bot Framework settings. Most keys sit at the root of the configuration, named exactly as in the
/// Bot Framework SDK (<c>MicrosoftAppId</c>, <c>ToBotFromChannelOpenIdMetadataUrl</c>, …) so an existing
/// bot's settings carry over; the product's own switches live under <c>BotFramework:</c>.
/// </summary>
public sealed class TeamsOptions
{
    /// <summary>The section for the product's own settings.</summary>
    public const string SectionName = "BotFramework";

    /// <summary>The app type. <value>Default: SingleTenant.</value></summary>
    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;

    /// <summary>The Azure Bot's Microsoft App ID (a GUID); empty means Teams is not configured.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The client secret; empty for a managed identity.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>The Entra ID tenant of a single-tenant bot or managed identity.</summary>
    public string AppTenantId { get; set; } = "";

    /// <summary>OpenID metadata for tokens the Bot Connector sends. <value>Default: Bot Framework's public cloud.</value></summary>
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer those tokens must carry. <value>Default: <c>https://api.botframework.com</c>.</value></summary>
    public string ChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>OpenID metadata for Entra ID-issued tokens (single-tenant). <value>Default: Entra's common v2.0 endpoint.</value></summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// The token authority for outgoing calls; <c>{tenant}</c> is replaced by the tenant (or
    /// <c>botframework.com</c> for multi-tenant bots). <value>Default: <c>https://login.microsoftonline.com/{tenant}</c>.</value>
    /// </summary>
    public string LoginUrl { get; set; } = "https://login.microsoftonline.com/{tenant}";

    /// <summary>The resource for outgoing tokens; <c>/.default</c> is appended. <value>Default: <c>https://api.botframework.com</c>.</value></summary>
    public string OAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>
    /// Hosts the bot may send its token to (an activity's <c>serviceUrl</c>); <c>*.</c> matches subdomains.
    /// <value>Default: Microsoft's Bot Connector hosts and loopback.</value>
    /// </summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>Accept requests without a token: for local tools only, refused in Production. <value>Default: false.</value></summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>
    /// The shortest time between two signing-key refreshes caused by a token with an unknown key id, so
    /// that forged key ids cannot make the bot hammer the metadata endpoint. <value>Default: 10 seconds.</value>
    /// </summary>
    public TimeSpan KeyRefreshMinimumInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long signing keys are trusted before they are fetched again. <value>Default: 24 hours.</value></summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The hosts of Microsoft's Bot Connector services, used when <see cref="AllowedServiceUrlHosts"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultServiceUrlHosts { get; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "*.botframework.azure.us",
        "*.teams.microsoft.com",
        "*.teams.microsoft.us",
        "localhost",
        "127.0.0.1",
        "::1",
    ];

    /// <summary>True when the bot has an identity and can validate and send.</summary>
    public bool IsConfigured => AppId.Length > 0;

    /// <summary>The token authority with the tenant filled in.</summary>
    public string ResolvedLoginUrl => LoginUrl.Replace(
        "{tenant}",
        AppType == BotAppType.MultiTenant || AppTenantId.Length == 0 ? "botframework.com" : AppTenantId,
        StringComparison.OrdinalIgnoreCase).TrimEnd('/');

    /// <summary>The scope requested for outgoing tokens.</summary>
    public string ResolvedScope => OAuthScope.EndsWith("/.default", StringComparison.Ordinal) ? OAuthScope : OAuthScope.TrimEnd('/') + "/.default";

    /// <summary>The Entra issuers a single-tenant token may carry (v2.0 and v1.0 forms).</summary>
    public IReadOnlyList<string> EntraIssuers => AppTenantId.Length == 0
        ? []
        : [$"https://login.microsoftonline.com/{AppTenantId}/v2.0", $"https://sts.windows.net/{AppTenantId}/"];

    /// <summary>Binds the root-level Bot Framework SDK keys and the <c>BotFramework:</c> section.</summary>
    public void Bind(IConfiguration configuration)
    {
        configuration.GetSection(SectionName).Bind(this);
        if (configuration["MicrosoftAppType"] is { Length: > 0 } appType)
        {
            AppType = Enum.TryParse<BotAppType>(appType, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"MicrosoftAppType '{appType}' is not SingleTenant, MultiTenant or UserAssignedMSI.");
        }

        AppId = configuration["MicrosoftAppId"]?.Trim() ?? AppId;
        AppPassword = configuration["MicrosoftAppPassword"] ?? AppPassword;
        AppTenantId = configuration["MicrosoftAppTenantId"]?.Trim() ?? AppTenantId;
        ChannelOpenIdMetadataUrl = NonEmpty(configuration["ToBotFromChannelOpenIdMetadataUrl"]) ?? ChannelOpenIdMetadataUrl;
        ChannelTokenIssuer = NonEmpty(configuration["ToBotFromChannelTokenIssuer"]) ?? ChannelTokenIssuer;
        EntraOpenIdMetadataUrl = NonEmpty(configuration["ToBotFromEmulatorOpenIdMetadataUrl"]) ?? EntraOpenIdMetadataUrl;
        LoginUrl = NonEmpty(configuration["ToChannelFromBotLoginUrl"]) ?? LoginUrl;
        OAuthScope = NonEmpty(configuration["ToChannelFromBotOAuthScope"]) ?? OAuthScope;
        // One string ("host1;host2") is as valid as an array in environment variables.
        if (configuration[$"{SectionName}:AllowedServiceUrlHosts"] is { Length: > 0 } hostList)
        {
            AllowedServiceUrlHosts = [.. hostList.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        if (AllowedServiceUrlHosts.Count == 0)
        {
            AllowedServiceUrlHosts = [.. DefaultServiceUrlHosts];
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
