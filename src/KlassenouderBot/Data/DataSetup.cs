namespace KlassenouderBot.Data;

public static class DataSetup
{
    // Owned by the storage work: DbContext per provider, migrations at start-up, the persisting sink.
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
