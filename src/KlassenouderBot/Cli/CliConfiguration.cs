using System.Reflection;

namespace KlassenouderBot.Cli;

/// <summary>
/// The configuration a verb that talks to a platform reads, from the same places the server does:
/// <c>appsettings.json</c> (and the environment's file) in the current folder or next to the program, user
/// secrets in Development, then environment variables, which win.
/// </summary>
internal static class CliConfiguration
{
    public static IConfiguration Build()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var builder = new ConfigurationBuilder();
        foreach (var folder in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory }.Distinct())
        {
            builder.AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: true)
                .AddJsonFile(Path.Combine(folder, $"appsettings.{environment}.json"), optional: true);
        }

        if (environment == "Development")
        {
            builder.AddUserSecrets(Assembly.GetExecutingAssembly(), optional: true);
        }

        return builder.AddEnvironmentVariables().Build();
    }
}
