using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Playground;

public static class PlaygroundSetup
{
    /// <summary>The simulated group chat at <c>/</c>: its options, rooms and chat sender.</summary>
    /// <remarks>
    /// The sender is registered even when the page is off: the intervention sink maps every platform
    /// to a sender, and a playground conversation can only exist while the page is on anyway.
    /// </remarks>
    public static IServiceCollection AddPlayground(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Both come from DI instead: WebApplicationFactory and the options system see the final values there.
        _ = configuration;
        _ = environment;

        // Configure before binding: the environment gives the default, an explicit config value wins.
        services.AddOptions<PlaygroundOptions>()
            .Configure<IHostEnvironment, IConfiguration>(static (options, env, config) =>
                options.Enabled = env.IsDevelopment() || ListensOnLoopbackOnly(config["Urls"] ?? config["urls"] ?? "http://localhost:3978"))
            .BindConfiguration(PlaygroundOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlaygroundOptions>, PlaygroundOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);

        // The school and the links are owned by other features and may not be registered (yet).
        services.AddSingleton(static sp => new PlaygroundRooms(
            sp.GetRequiredService<IOptions<PlaygroundOptions>>(),
            sp.GetService<IConversationLinks>(),
            sp.GetService<SchoolSource>()));
        services.AddSingleton<PlaygroundChatSender>();
        services.AddSingleton<IChatSender>(static sp => sp.GetRequiredService<PlaygroundChatSender>());
        return services;
    }

    /// <summary>
    /// The playground is a local simulator: on by default in Development, and whenever the app listens on
    /// loopback only (the default <c>http://localhost:3978</c> of a fresh clone). A server reachable from
    /// outside gets it only with an explicit <c>Playground:Enabled=true</c>.
    /// </summary>
    internal static bool ListensOnLoopbackOnly(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                return false;
            }

            var loopback = uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                return false;
            }
        }

        return true;
    }
}
