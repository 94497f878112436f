namespace KlassenouderBot.Cli;

/// <summary>
/// Finds <c>manifests/{platform}</c>: first the nearest one above the current folder (a checkout, so edits
/// count without a rebuild), then above the program folder (the copy the build puts next to the binary,
/// so a published app finds its own).
/// </summary>
internal static class ManifestFolder
{
    public static string? Locate(string platform, string requiredFile, string currentDirectory, string baseDirectory)
    {
        foreach (var start in new[] { currentDirectory, baseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "manifests", platform);
                if (File.Exists(Path.Combine(candidate, requiredFile)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
