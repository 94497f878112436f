using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace KlassenouderBot.Hosting;

/// <summary>
/// <c>dotnet run --project src/KlassenouderBot</c> runs with the caller's folder as current directory (so
/// relative paths mean what the user typed), which is also the default content root, where
/// <c>appsettings.json</c> is not. This points the appsettings sources at the copies next to the binary
/// when the content root has none, keeping their place in the order (environment variables and the
/// command line still win).
/// </summary>
public static class AppSettingsLocation
{
    public static void UseBinaryFolderWhenMissing(IConfigurationBuilder configuration, string contentRoot)
    {
        var binaryFolder = AppContext.BaseDirectory;
        for (var i = 0; i < configuration.Sources.Count; i++)
        {
            if (configuration.Sources[i] is JsonConfigurationSource { Path: { } path } json
                && path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
                && !File.Exists(Path.Combine(contentRoot, path))
                && File.Exists(Path.Combine(binaryFolder, path)))
            {
                configuration.Sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = json.ReloadOnChange,
                    FileProvider = new PhysicalFileProvider(binaryFolder),
                };
            }
        }
    }
}
