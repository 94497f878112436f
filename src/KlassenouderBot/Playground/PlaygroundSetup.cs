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
            .Configure<IHostEnvironment>(static (options, env) => options.Enabled = env.IsDevelopment())
            .BindConfiguration(PlaygroundOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlaygroundOptions>, PlaygroundOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);

        // The school and the links are owned by other features and may not be registered (yet).
        services.AddSingleton(static sp => new PlaygroundRooms(
            sp.GetRequiredService<IOptions<PlaygroundOptions>>(),
            sp.GetService<IConversationLinks>(),
            sp.GetService<SchoolConfiguration>()));
        services.AddSingleton<PlaygroundChatSender>();
        services.AddSingleton<IChatSender>(static sp => sp.GetRequiredService<PlaygroundChatSender>());
        return services;
    }
}
