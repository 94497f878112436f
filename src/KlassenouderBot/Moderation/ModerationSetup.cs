namespace KlassenouderBot.Moderation;

public static class ModerationSetup
{
    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new LocalToneAnalyzer(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ModerationOptions>>().Value));
        services.AddSingleton<IToneAnalyzer>(sp => sp.GetRequiredService<LocalToneAnalyzer>());
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<ChatSenderInterventionSink>();
        services.AddSingleton<IInterventionSink>(sp => sp.GetRequiredService<ChatSenderInterventionSink>());
        return services;
    }
}
