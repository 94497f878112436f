using System.Text.Json.Nodes;

namespace KlassenouderBot.LoadTest;

/// <summary>
/// The real bot, built in Release, as Production runs it: a fresh SQLite file (or the given PostgreSQL
/// database), a copy of the sample school, no playground, logging at Warning, and every Bot Framework URL
/// pointing at the fakes in this process (Production accepts plain HTTP only on loopback, which these are).
/// </summary>
internal static class AppUnderTest
{
    public const string DefaultBuildPath = "src/KlassenouderBot/bin/Release/net10.0/KlassenouderBot.dll";

    /// <summary>The app's dll: the given path, or the Release build in the repository this generator runs from.</summary>
    public static string? Locate(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : null;
        }

        var root = RepositoryRoot();
        var built = root is null ? null : Path.Combine(root, DefaultBuildPath);
        return built is not null && File.Exists(built) ? built : null;
    }

    /// <summary>The folder holding KlassenouderBot.sln above the generator's binary, or null.</summary>
    public static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KlassenouderBot.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    public static ServerProcess Start(string dll, FakeTeams teams, string? postgres, string folder)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["School__ConfigPath"] = CopySampleSchool(dll, folder),
            ["Playground__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
            ["Storage__Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings__KlassenouderBot"] = postgres ?? $"Data Source={Path.Combine(folder, "load.db")}",
        };
        foreach (var (key, value) in teams.BotSettings())
        {
            environment[key] = value;
        }

        return ServerProcess.Start("app", dll, [], environment, folder);
    }

    /// <summary>Whether the app's runtimeconfig turns on the server garbage collector (the Web SDK's default).</summary>
    public static bool UsesServerGc(string dll)
    {
        var config = Path.ChangeExtension(dll, ".runtimeconfig.json");
        return File.Exists(config)
            && JsonNode.Parse(File.ReadAllText(config))?["runtimeOptions"]?["configProperties"]?["System.GC.Server"]?.GetValue<bool>() == true;
    }

    private static string CopySampleSchool(string dll, string folder)
    {
        var sample = Path.Combine(Path.GetDirectoryName(dll)!, "SampleSchool");
        foreach (var file in new[] { "wilgenhoek.yaml", "wilgenhoek-schoolgids.md" })
        {
            File.Copy(Path.Combine(sample, file), Path.Combine(folder, file), overwrite: true);
        }

        return Path.Combine(folder, "wilgenhoek.yaml");
    }
}
