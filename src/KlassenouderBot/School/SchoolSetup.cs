namespace KlassenouderBot.School;

public static class SchoolSetup
{
    // Owned by the school-configuration work: loads School:ConfigPath (or the bundled sample school).
    public static IServiceCollection AddSchool(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
