namespace KlassenouderBot.Platforms.Discord.Gateway;

/// <summary>The gateway intents the bot asks for.</summary>
[Flags]
internal enum GatewayIntents : long
{
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged: without it guild messages arrive without their text (except mentions of the bot).</summary>
    MessageContent = 1 << 15,

    /// <summary>What the bot needs: channels (names, threads), guild and direct messages, and their content.</summary>
    Required = Guilds | GuildMessages | DirectMessages | MessageContent,
}
