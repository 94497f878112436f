using System.Text.Json;
using KlassenouderBot.Platforms.Discord;

namespace KlassenouderBot.Cli;

/// <summary>
/// <c>discord-register [--guild ID]</c>: registers the slash commands of <c>manifests/discord/commands.json</c>
/// with Discord, for the application the bot token belongs to. Globally by default; with <c>--guild</c> in
/// one server only, where changes show at once (handy while setting up). Registering replaces the
/// application's commands, so running it again is safe. The token comes from the configuration
/// (<c>Discord:Token</c>: appsettings, user secrets, or the environment variable <c>Discord__Token</c>), never
/// from the command line, where it would end up in the shell history.
/// </summary>
internal static class DiscordRegisterCommand
{
    private const string Usage = "usage: discord-register [--guild SERVER_ID]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration configuration, string currentDirectory, string baseDirectory)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string> { "guild" }, new HashSet<string>());
        if (parsed.Positional.Count != 0)
        {
            throw new CliUsageException(Usage);
        }

        var guild = parsed.Value("guild");
        if (guild is not null && !DiscordSnowflake.IsSnowflake(guild))
        {
            throw new CliUsageException($"--guild must be a server id (right-click the server, Copy Server ID), not '{guild}'");
        }

        var folder = ManifestFolder.Locate("discord", "commands.json", currentDirectory, baseDirectory)
            ?? throw new CliUsageException("manifests/discord/commands.json not found above the current folder or the program folder");
        var commands = ReadCommands(Path.Combine(folder, "commands.json"));

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(configuration)
            .AddDiscord()
            .BuildServiceProvider();
        await using (services)
        {
            if (!DiscordSetup.TryValidate(services, error))
            {
                return 2;
            }

            var registrar = services.GetRequiredService<DiscordCommandRegistrar>();
            if (!registrar.IsConfigured)
            {
                throw new CliUsageException("Discord:Token is not set; set it in appsettings, user secrets or the environment variable Discord__Token");
            }

            var result = await registrar.RegisterAsync(commands, guild, CancellationToken.None);
            if (result.Error is { } problem)
            {
                await error.WriteLineAsync($"error: {problem}");
                return 1;
            }

            var names = string.Join(", ", result.Names.Select(n => "/" + n));
            await output.WriteLineAsync(guild is null
                ? $"Registered {result.Names.Count} slash commands ({names}) for application {result.ApplicationId}, in every server that has the bot."
                : $"Registered {result.Names.Count} slash commands ({names}) for application {result.ApplicationId} in server {guild}.");
            return 0;
        }
    }

    private static JsonElement ReadCommands(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0
                || root.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.Object || !c.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String))
            {
                throw new CliUsageException($"{path} must be a JSON array of commands, each with a name");
            }

            return root.Clone();
        }
        catch (JsonException exception)
        {
            throw new CliUsageException($"{path} is not valid JSON (line {exception.LineNumber + 1}): fix the file or restore it from the repository");
        }
        catch (IOException exception)
        {
            throw new CliUsageException($"{path} cannot be read: {exception.Message}");
        }
    }
}
