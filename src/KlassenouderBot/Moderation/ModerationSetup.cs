using Microsoft.Extensions.DependencyInjection.Extensions;

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
        // TryAdd: the server's AddData registers a sink that stores before it sends, and comes first.
        services.TryAddSingleton<IInterventionSink>(sp => sp.GetRequiredService<ChatSenderInterventionSink>());
        return services;
    }
}
