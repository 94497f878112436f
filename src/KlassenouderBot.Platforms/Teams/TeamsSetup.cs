using KlassenouderBot.Platforms.Inbound;
using KlassenouderBot.Platforms.Teams.Auth;
using KlassenouderBot.Platforms.Teams.Connector;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Platforms.Teams;

/// <summary>Microsoft Teams through the Bot Framework protocol: registration and the endpoint.</summary>
public static class TeamsSetup
{
    private const string MetadataClient = "BotFramework.Metadata";
    private const string LoginClient = "BotFramework.Login";
    private const string ConnectorHttpClient = "BotFramework.Connector";

    /// <summary>
    /// Registers the Teams adapter. It needs an <see cref="IInboundMessageSink"/>, an <see cref="IBotCommands"/>
    /// and an <see cref="IAlertActions"/> from the app.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>()
            .Configure<IConfiguration>(static (options, configuration) => options.Bind(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new ConnectorResilienceSettings());

        services.AddHttpClient(MetadataClient, static client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(LoginClient, static client => client.Timeout = TimeSpan.FromSeconds(15));

        // Polly owns the per-attempt timeout; HttpClient's own would cut retries short.
        services.AddHttpClient(ConnectorHttpClient, static client => client.Timeout = Timeout.InfiniteTimeSpan);

        services.AddSingleton(static sp => sp.GetRequiredService<IOptions<TeamsOptions>>().Value);
        services.AddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<TeamsOptions>();
            var http = sp.GetRequiredService<IHttpClientFactory>();
            var time = sp.GetRequiredService<TimeProvider>();
            SigningKeyCache Cache(string url) => new(http.CreateClient(MetadataClient), url, options.KeyCacheDuration, options.KeyRefreshMinimumInterval, time);
            return new BotFrameworkAuthenticator(options, Cache(options.ChannelOpenIdMetadataUrl), Cache(options.EntraOpenIdMetadataUrl), time);
        });
        services.AddSingleton<IBotTokenProvider>(static sp =>
        {
            var options = sp.GetRequiredService<TeamsOptions>();
            return options switch
            {
                { IsConfigured: false } => new AnonymousTokenProvider(),
                { AppType: BotAppType.UserAssignedMSI } => new ManagedIdentityTokenProvider(options),
                _ => new ClientCredentialsTokenProvider(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(LoginClient),
                    options,
                    sp.GetRequiredService<TimeProvider>()),
            };
        });
        services.AddSingleton<ConversationSendLimiter>();
        services.AddSingleton(static sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpClient),
            sp.GetRequiredService<IBotTokenProvider>(),
            sp.GetRequiredService<ConversationSendLimiter>(),
            ConnectorResilience.Create(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ConnectorResilienceSettings>()),
            sp.GetRequiredService<TeamsOptions>(),
            sp.GetRequiredService<ILogger<ConnectorClient>>()));
        services.AddSingleton<TeamsRoster>();
        services.AddSingleton<TeamsChatSender>();
        services.AddSingleton<IChatSender>(static sp => sp.GetRequiredService<TeamsChatSender>());
        services.AddSingleton<TeamsTurnHandler>();
        services.AddInboundWork();
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c>.</summary>
    public static IEndpointRouteBuilder MapTeamsMessages(this IEndpointRouteBuilder endpoints)
    {
        TeamsEndpoints.MapTeamsMessages(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<TeamsOptions>();
        if (options.AllowUnauthenticated)
        {
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsSetup)).AnonymousAccessOn();
        }

        return endpoints;
    }

    /// <summary>
    /// Checks the Teams settings before the app starts, so a bad setting is one line on stderr (exit 2)
    /// rather than a stack trace.
    /// </summary>
    public static bool TryValidate(IServiceProvider services, TextWriter error) =>
        StartupCheck.TryValidate<TeamsOptions>(services, error, "Teams");
}
