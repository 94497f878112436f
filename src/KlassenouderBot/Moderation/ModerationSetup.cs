using KlassenouderBot.Moderation.Azure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KlassenouderBot.Moderation;

public static class ModerationSetup
{
    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new LocalToneAnalyzer(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ModerationOptions>>().Value));
        services.AddSingleton<IToneAnalyzer>(sp => sp.GetRequiredService<LocalToneAnalyzer>());

        // Registered after the local analyser, so that with Azure configured its analyser is the one resolved.
        services.AddAzureLanguage(configuration);
        services.TryAddSingleton<IConversationStates, InMemoryConversationStates>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<ChatSenderInterventionSink>();
        // TryAdd: the server's AddData registers a sink that stores before it sends, and comes first.
        services.TryAddSingleton<IInterventionSink>(sp => sp.GetRequiredService<ChatSenderInterventionSink>());
        return services;
    }
}
