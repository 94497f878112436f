namespace KlassenouderBot.Playground;

public static class PlaygroundSetup
{
    // Owned by the playground work: the simulated group chat at "/".
    public static IServiceCollection AddPlayground(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        _ = configuration;
        _ = environment;
        return services;
    }

    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints) => endpoints;
}
