using KlassenouderBot.Platforms;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KlassenouderBot.Pipeline;

public static class PipelineSetup
{
    /// <summary>The inbound pipeline: guard → dedupe → moderation → FAQ answers. Order of registration is order of execution.</summary>
    public static IServiceCollection AddMessagePipeline(this IServiceCollection services)
    {
        services.TryAddSingleton<IProcessedMessages, InMemoryProcessedMessages>();
        services.TryAddSingleton(sp => new BotMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<IMessageMiddleware, InputGuardMiddleware>();
        services.AddSingleton<IMessageMiddleware, DeduplicationMiddleware>();
        services.AddSingleton<IMessageMiddleware, Moderation.ModerationMiddleware>();

        // After moderation: a question is answered once the message has been assessed.
        services.AddSingleton<IMessageMiddleware, Faq.FaqMiddleware>();
        services.AddSingleton<MessagePipeline>();
        services.AddSingleton<IInboundMessageSink>(sp => sp.GetRequiredService<MessagePipeline>());
        return services;
    }
}
