namespace KlassenouderBot.Moderation;

public static class ModerationSetup
{
    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<LocalToneAnalyzer>();
        services.AddSingleton<IToneAnalyzer>(sp => sp.GetRequiredService<LocalToneAnalyzer>());
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<ChatSenderInterventionSink>();
        services.AddSingleton<IInterventionSink>(sp => sp.GetRequiredService<ChatSenderInterventionSink>());
        return services;
    }
}
