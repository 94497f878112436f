using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace KlassenouderBot.Cli;

/// <summary>
/// <c>teams-package --app-id ID [--out FILE.zip]</c>: zips <c>manifests/teams</c> into a Teams app package,
/// with the Azure Bot's app id in place of the placeholder GUID.
/// </summary>
/// <remarks>
/// The one id serves as the Teams app id, the bot id and the Entra app id of <c>webApplicationInfo</c>:
/// a bot app belongs to exactly one Teams app (sharing an Entra app across Teams apps breaks installs),
/// and packaging the same bot again gives the same Teams app id, so an upload updates the app instead of
/// adding a second one.
/// </remarks>
internal static class TeamsPackageCommand
{
    public const string Placeholder = "00000000-0000-0000-0000-000000000000";

    public const string DefaultOutput = "klassenouderbot-teams.zip";

    private const string Usage = "usage: teams-package --app-id ID [--out FILE.zip]";

    // Letters such as the é in "privé" stay readable; only HTML-sensitive characters are escaped.
    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static int Run(string[] args, TextWriter output, string currentDirectory, string baseDirectory)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string> { "app-id", "out" }, new HashSet<string>());
        if (parsed.Positional.Count != 0 || parsed.Value("app-id") is not { } appIdText)
        {
            throw new CliUsageException(Usage);
        }

        var appId = ParseAppId(appIdText);
        var outPath = parsed.Value("out") ?? DefaultOutput;
        if (string.IsNullOrWhiteSpace(outPath))
        {
            throw new CliUsageException("--out needs a file name");
        }

        var folder = LocateManifestFolder(currentDirectory, baseDirectory)
            ?? throw new CliUsageException("manifests/teams/manifest.json not found above the current folder or the program folder");
        var manifest = ReadManifest(Path.Combine(folder, "manifest.json"));
        FillInAppId(manifest, appId);
        var icons = IconFiles(manifest, folder);

        var zipPath = Path.GetFullPath(outPath, currentDirectory);
        WriteZip(zipPath, manifest, icons);
        output.WriteLine(zipPath);
        return 0;
    }

    /// <summary>The folder that holds the manifest (see <see cref="ManifestFolder"/>).</summary>
    public static string? LocateManifestFolder(string currentDirectory, string baseDirectory) =>
        ManifestFolder.Locate("teams", "manifest.json", currentDirectory, baseDirectory);

    private static string ParseAppId(string text)
    {
        // The schema wants the 8-4-4-4-12 form, which is also how the Azure portal shows the id.
        if (!Guid.TryParseExact(text.Trim(), "D", out var id))
        {
            throw new CliUsageException($"--app-id must be a GUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301 (the Azure Bot's Microsoft App ID), not '{text}'");
        }

        if (id == Guid.Empty)
        {
            throw new CliUsageException("--app-id is the all-zero placeholder; use the Azure Bot's Microsoft App ID");
        }

        return id.ToString("D");
    }

    private static JsonObject ReadManifest(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot be read ({ex.Message})");
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new CliUsageException($"{path}: not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"{path}: not valid JSON (line {ex.LineNumber + 1})");
        }
    }

    private static void FillInAppId(JsonObject manifest, string appId)
    {
        manifest["id"] = appId;
        if (manifest["bots"] is not JsonArray { Count: > 0 } bots)
        {
            throw new CliUsageException("manifest.json: needs a \"bots\" entry for the bot");
        }

        foreach (var bot in bots)
        {
            if (bot is not JsonObject botObject)
            {
                throw new CliUsageException("manifest.json: every \"bots\" entry must be an object");
            }

            botObject["botId"] = appId;
        }

        if (manifest["webApplicationInfo"] is not JsonObject webApplicationInfo)
        {
            throw new CliUsageException("manifest.json: needs \"webApplicationInfo\" (resource-specific consent requires it)");
        }

        webApplicationInfo["id"] = appId;
        if (webApplicationInfo["resource"] is JsonValue resource && resource.TryGetValue<string>(out var resourceText))
        {
            webApplicationInfo["resource"] = resourceText.Replace(Placeholder, appId, StringComparison.OrdinalIgnoreCase);
        }

        if (FindPlaceholder(manifest, "$") is { } left)
        {
            throw new CliUsageException($"manifest.json: {left} still holds the placeholder id {Placeholder}");
        }
    }

    private static string? FindPlaceholder(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.Select(p => FindPlaceholder(p.Value, $"{path}.{p.Key}")).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select((item, i) => FindPlaceholder(item, $"{path}[{i}]")).FirstOrDefault(found => found is not null),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Contains(Placeholder, StringComparison.OrdinalIgnoreCase) => path,
        _ => null,
    };

    private static List<(string Name, string Path)> IconFiles(JsonObject manifest, string folder)
    {
        var icons = new List<(string Name, string Path)>();
        foreach (var kind in new[] { "color", "outline" })
        {
            string? name = null;
            var named = manifest["icons"] is JsonObject iconNames && iconNames[kind] is JsonValue value && value.TryGetValue(out name);
            // Teams looks for the icons at the root of the zip, next to manifest.json.
            if (!named || string.IsNullOrWhiteSpace(name) || name != Path.GetFileName(name))
            {
                throw new CliUsageException($"manifest.json: icons.{kind} must be a file name next to manifest.json");
            }

            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                throw new CliUsageException($"{path}: file not found");
            }

            icons.Add((name, path));
        }

        return icons;
    }

    private static void WriteZip(string zipPath, JsonObject manifest, IReadOnlyList<(string Name, string Path)> icons)
    {
        if (Directory.Exists(zipPath))
        {
            throw new CliUsageException($"{zipPath}: is a folder; give a file name for --out");
        }

        var folder = Path.GetDirectoryName(zipPath)!;
        if (!Directory.Exists(folder))
        {
            throw new CliUsageException($"{folder}: folder not found (create it first)");
        }

        // Written next to the target and moved into place, so a failed run leaves no half-written zip.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(zipPath)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            using (var archive = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                var entry = archive.CreateEntry("manifest.json", CompressionLevel.Optimal);
                using (var stream = entry.Open())
                {
                    stream.Write(new UTF8Encoding(false).GetBytes(manifest.ToJsonString(ManifestJson) + "\n"));
                }

                foreach (var (name, path) in icons)
                {
                    archive.CreateEntryFromFile(path, name, CompressionLevel.Optimal);
                }
            }

            File.Move(temporary, zipPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            var reason = ex is UnauthorizedAccessException ? "not allowed to write here" : ex.Message.Replace(temporary, zipPath, StringComparison.Ordinal);
            throw new CliUsageException($"{zipPath}: cannot be written ({reason})");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the reason for the failure is reported, and a stray temp file is harmless.
        }
    }
}
