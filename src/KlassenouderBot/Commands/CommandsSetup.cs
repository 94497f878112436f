using KlassenouderBot.Platforms;

namespace KlassenouderBot.Commands;

public static class CommandsSetup
{
    /// <summary>The bot's own commands for every platform. Needs <c>AddSchool</c> and <c>AddData</c>.</summary>
    public static IServiceCollection AddBotCommands(this IServiceCollection services)
    {
        services.AddSingleton<IBotCommands, BotCommands>();
        return services;
    }
}
