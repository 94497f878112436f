using KlassenouderBot.Platforms.Discord.Gateway;
using KlassenouderBot.Platforms.Discord.Rest;
using KlassenouderBot.Platforms.Http;
using KlassenouderBot.Platforms.Inbound;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>Discord through its Gateway and REST API: registration and start-up checks. Off while <c>Discord:Token</c> is empty.</summary>
public static class DiscordSetup
{
    private const string RestClient = "Discord.Rest";

    /// <summary>
    /// Registers the Discord adapter. It needs an <see cref="IInboundMessageSink"/>, an <see cref="IBotCommands"/>
    /// and an <see cref="IAlertActions"/> from the app.
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services)
    {
        services.AddOptions<DiscordOptions>()
            .Configure<IConfiguration>(static (options, configuration) => options.Bind(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddSingleton(static sp => sp.GetRequiredService<IOptions<DiscordOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DiscordResilienceSettings());
        services.TryAddSingleton(new GatewaySettings());

        // Polly owns the per-attempt timeout; HttpClient's own would cut retries short.
        services.AddHttpClient(RestClient, static client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<DiscordRateLimits>();
        services.AddSingleton(static sp => new DiscordRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(RestClient),
            sp.GetRequiredService<DiscordRateLimits>(),
            HttpResilience.Create(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DiscordResilienceSettings>(), HttpResilience.IsTransient, HttpResilience.RetryAfterHeader),
            sp.GetRequiredService<DiscordOptions>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>()));

        services.AddSingleton(static sp => new DiscordCommandRegistrar(sp.GetRequiredService<DiscordRestClient>(), sp.GetRequiredService<DiscordOptions>()));
        services.AddSingleton<DiscordDirectory>();
        services.AddSingleton<DiscordMembers>();
        services.AddSingleton<DiscordChatSender>();
        services.AddSingleton<IChatSender>(static sp => sp.GetRequiredService<DiscordChatSender>());
        services.AddSingleton<DiscordInteractions>();
        services.AddSingleton<IGatewayEvents, DiscordEvents>();
        services.AddSingleton<GatewayDirectory>();
        services.AddSingleton<IdentifyThrottle>();

        // The app keeps sessions in its database (registered before this); a host without one starts afresh.
        services.TryAddSingleton<IDiscordSessionStore, NoDiscordSessionStore>();
        services.AddSingleton<GatewaySessionKeeper>();
        services.AddInboundWork();

        // After the work queues, so on shutdown the gateway stops taking events before the queues drain.
        services.AddSingleton<DiscordGatewayService>();
        services.AddHostedService(static sp => sp.GetRequiredService<DiscordGatewayService>());
        services.AddHealthChecks().AddCheck<DiscordHealthCheck>("discord", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Checks the Discord settings before the app starts, so a bad setting is one line on stderr (exit 2)
    /// rather than a stack trace.
    /// </summary>
    public static bool TryValidate(IServiceProvider services, TextWriter error) =>
        StartupCheck.TryValidate<DiscordOptions>(services, error, "Discord");
}

/// <summary>Tunables of the Discord REST pipeline; tests shorten them.</summary>
internal sealed record DiscordResilienceSettings : HttpResilienceSettings;
