using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KlassenouderBot.Platforms.Inbound;

/// <summary>The work queues every platform adapter shares; registering them twice is harmless.</summary>
internal static class InboundSetup
{
    public static IServiceCollection AddInboundWork(this IServiceCollection services)
    {
        // Registered once however many platforms ask: a second hosted registration would start a second
        // reader on lanes that allow only one.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(OrderedWorkQueue)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(static sp => new OrderedWorkQueue(sp.GetRequiredService<ILogger<OrderedWorkQueue>>()));
        services.AddHostedService(static sp => sp.GetRequiredService<OrderedWorkQueue>());
        services.AddSingleton<DetachedWork>();
        services.AddHostedService(static sp => sp.GetRequiredService<DetachedWork>());
        return services;
    }
}
