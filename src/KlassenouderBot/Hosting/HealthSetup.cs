namespace KlassenouderBot.Hosting;

public static class HealthSetup
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks();
        return services;
    }

    /// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: every registered check (database, channels) passes.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new() { Predicate = static _ => false });
        endpoints.MapHealthChecks("/readyz", new() { Predicate = static check => check.Tags.Contains("ready") });
        return endpoints;
    }
}
