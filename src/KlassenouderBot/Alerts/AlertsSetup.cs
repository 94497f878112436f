using KlassenouderBot.Platforms;

namespace KlassenouderBot.Alerts;

public static class AlertsSetup
{
    /// <summary>What platforms call when a class parent answers an alert. Needs <c>AddData</c> and <c>AddSchool</c>.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddSingleton<AlertActions>();
        services.AddSingleton<IAlertActions>(static sp => sp.GetRequiredService<AlertActions>());
        return services;
    }
}
