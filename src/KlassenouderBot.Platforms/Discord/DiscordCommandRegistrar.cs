using System.Text.Json;
using KlassenouderBot.Platforms.Discord.Rest;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>The outcome of registering slash commands.</summary>
/// <param name="ApplicationId">The application the token belongs to.</param>
/// <param name="Names">The commands Discord now has.</param>
/// <param name="Error">Why it failed, for the person running the command; null on success.</param>
public sealed record CommandRegistration(string? ApplicationId, IReadOnlyList<string> Names, string? Error);

/// <summary>
/// Registers the bot's slash commands: finds the application the token belongs to
/// (<c>GET /applications/@me</c>) and replaces its commands in one call (bulk overwrite), globally or in one server.
/// </summary>
public sealed class DiscordCommandRegistrar
{
    private readonly DiscordRestClient _rest;
    private readonly DiscordOptions _options;

    internal DiscordCommandRegistrar(DiscordRestClient rest, DiscordOptions options) => (_rest, _options) = (rest, options);

    /// <summary>True when a token is set.</summary>
    public bool IsConfigured => _options.IsConfigured;

    public async Task<CommandRegistration> RegisterAsync(JsonElement commands, string? guildId, CancellationToken cancellationToken)
    {
        try
        {
            var application = await _rest.GetApplicationAsync(cancellationToken);
            if (application.Id is not { Length: > 0 } applicationId)
            {
                return new CommandRegistration(null, [], "Discord did not say which application the token belongs to");
            }

            var registered = await _rest.OverwriteCommandsAsync(applicationId, guildId, commands, cancellationToken);
            var names = registered.ValueKind == JsonValueKind.Array
                ? registered.EnumerateArray().Select(c => c.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "").ToList()
                : [];
            return new CommandRegistration(applicationId, names, null);
        }
        catch (DiscordApiException exception) when (exception.Status == 401)
        {
            return new CommandRegistration(null, [], "Discord refused the bot token (401); check Discord:Token");
        }
        catch (DiscordApiException exception)
        {
            return new CommandRegistration(null, [], $"Discord {exception.Operation} failed: {exception.Reason}");
        }
    }
}
