using YamlDotNet.RepresentationModel;

namespace KlassenouderBot.School;

/// <summary>
/// Typed access to the YAML representation model. Every lookup takes the dotted path of the
/// value (<c>escalation.groups[3].groep</c>) so that an error can say exactly what to fix,
/// and on which line.
/// </summary>
internal sealed class SchoolYamlReader(string sourcePath)
{
    public SchoolConfigurationException Error(YamlNode node, string message) =>
        new(message, sourcePath, checked((int)node.Start.Line));

    public static YamlNode? Find(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && !IsNull(node) ? node : null;

    public YamlMappingNode? OptionalMapping(YamlMappingNode parent, string key, string path) =>
        Find(parent, key) switch
        {
            null => null,
            YamlMappingNode mapping => mapping,
            var other => throw Error(other, $"{path} must be a mapping (key: value lines), but it is {Describe(other)}"),
        };

    public YamlMappingNode RequiredMapping(YamlMappingNode parent, string key, string path) =>
        OptionalMapping(parent, key, path)
        ?? throw Error(parent, $"{path} is missing; add a '{key}:' section");

    public YamlSequenceNode? OptionalSequence(YamlMappingNode parent, string key, string path) =>
        Find(parent, key) switch
        {
            null => null,
            YamlSequenceNode sequence => sequence,
            var other => throw Error(other, $"{path} must be a list ('- ' items), but it is {Describe(other)}"),
        };

    public YamlMappingNode ItemMapping(YamlNode item, string path) =>
        item as YamlMappingNode
        ?? throw Error(item, $"{path} must be a mapping (key: value lines), but it is {Describe(item)}");

    public string? OptionalString(YamlMappingNode parent, string key, string path)
    {
        var node = Find(parent, key);
        return node is null ? null : ScalarValue(node, path);
    }

    public string RequiredString(YamlMappingNode parent, string key, string path, string example)
    {
        var value = OptionalString(parent, key, path);
        return string.IsNullOrWhiteSpace(value)
            ? throw Error(parent, $"{path} is missing or empty; add e.g. {key}: {example}")
            : value;
    }

    public bool? OptionalBool(YamlMappingNode parent, string key, string path)
    {
        var node = Find(parent, key);
        if (node is null)
        {
            return null;
        }

        return ScalarValue(node, path).ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            var other => throw Error(node, $"{path} must be true or false, but it is '{other}'"),
        };
    }

    /// <summary>A number between <paramref name="minimum"/> and <paramref name="maximum"/>, written with a decimal point.</summary>
    public double? OptionalFraction(YamlMappingNode parent, string key, string path, double minimum, double maximum)
    {
        var node = Find(parent, key);
        if (node is null)
        {
            return null;
        }

        var text = ScalarValue(node, path);
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= minimum && value <= maximum
                ? value
                : throw Error(node, $"{path} must be a number from {minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)} (with a decimal point, e.g. 0.5), but it is '{text}'");
    }

    /// <summary>A list of strings; a single string is accepted as a list of one, because that is what people write.</summary>
    public IReadOnlyList<string>? OptionalStringList(YamlMappingNode parent, string key, string path)
    {
        var node = Find(parent, key);
        return node is null ? null : StringList(node, path);
    }

    public IReadOnlyList<string> StringList(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            return [ScalarValue(node, path)];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, $"{path} must be a list of strings or a single string, but it is {Describe(node)}");
        }

        var values = new List<string>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            values.Add(ScalarValue(sequence.Children[i], $"{path}[{i}]"));
        }

        return values;
    }

    public string ScalarValue(YamlNode node, string path) =>
        node is YamlScalarNode { Value: { } value }
            ? value.Trim()
            : throw Error(node, $"{path} must be a single value, but it is {Describe(node)}");

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: var value } => $"the value '{Shorten(value)}'",
        _ => "something else",
    };

    // `key:` with nothing after it, `~` and `null` all mean "not given" in YAML.
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Shorten(string? value) =>
        value is null ? "" : value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 37), "...");
}
