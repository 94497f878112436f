using System.Reflection;

namespace KlassenouderBot.Playground;

/// <summary>
/// The page's three files, embedded in the assembly: they are served only when the playground is
/// enabled, without a static-files middleware that would expose them regardless.
/// </summary>
internal static class PlaygroundAssets
{
    private static readonly Assembly Assembly = typeof(PlaygroundAssets).Assembly;

    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["playground.css"] = "text/css; charset=utf-8",
        ["playground.js"] = "text/javascript; charset=utf-8",
    };

    public static IResult Serve(string fileName)
    {
        var stream = Assembly.GetManifestResourceStream($"Playground.{fileName}");
        return stream is null
            ? TypedResults.NotFound()
            : TypedResults.Stream(stream, ContentTypes[fileName]);
    }
}
