using System.Reflection;
using System.Text.RegularExpressions;

namespace KlassenouderBot.Data;

/// <summary>One numbered SQL script from <c>Data/Migrations/{Provider}/NNNN_name.sql</c>.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql);

/// <summary>The embedded scripts of one provider, in version order.</summary>
internal static partial class MigrationScripts
{
    // Set in KlassenouderBot.csproj: LogicalName="Migrations/%(RecursiveDir)%(Filename)%(Extension)".
    private const string ResourcePrefix = "Migrations/";

    public static IReadOnlyList<MigrationScript> For(StorageProvider provider)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var folder = $"{ResourcePrefix}{provider}/";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var normalised = resource.Replace('\\', '/');
            if (!normalised.StartsWith(folder, StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = normalised[folder.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Migration script '{resource}' is not named NNNN_name.sql (four digits, lower-case name).");
            }

            scripts.Add(new MigrationScript(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, Read(assembly, resource)));
        }

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two {provider} migration scripts share version {duplicate.Key}.");
        }

        return [.. scripts.OrderBy(s => s.Version)];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration script '{resource}' cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
