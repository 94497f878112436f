namespace KlassenouderBot.Tests.Quality;

/// <summary>A fact that needs the development data in ../shared/data; skipped where it is not checked out.</summary>
public sealed class DevDataFactAttribute : FactAttribute
{
    public DevDataFactAttribute()
    {
        if (DevelopmentData.Folder is null)
        {
            Skip = "development data not found (expected ../shared/data beside the repository)";
        }
    }
}

/// <summary>Finds <c>shared/data</c> by walking up from the test binaries.</summary>
internal static class DevelopmentData
{
    private static readonly Lazy<string?> Found = new(Locate);

    public static string? Folder => Found.Value;

    public static string ToneFile => Path.Combine(Folder!, "tone-dev.tsv");

    public static string ThreadsFile => Path.Combine(Folder!, "threads-dev.jsonl");

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "tone-dev.tsv")) && File.Exists(Path.Combine(candidate, "threads-dev.jsonl")))
            {
                return candidate;
            }
        }

        return null;
    }
}
