using System.Text;
using System.Text.RegularExpressions;
using KlassenouderBot.Platforms;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace KlassenouderBot.School;

/// <summary>
/// Reads a school configuration YAML file (shape: CONTRACT.md, "School configuration") and
/// validates it. Every problem is a <see cref="SchoolConfigurationException"/> that names the
/// file and line, because the person fixing it is a school admin with a text editor.
/// </summary>
public static partial class SchoolConfigurationLoader
{
    private const string DefaultTimeZone = "Europe/Amsterdam";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SchoolConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        if (Directory.Exists(path))
        {
            throw new SchoolConfigurationException("is a folder, not a file; point School:ConfigPath (or --config) at the school's YAML file", path);
        }

        if (!File.Exists(path))
        {
            throw new SchoolConfigurationException("file not found; point School:ConfigPath (or --config) at an existing school YAML file", path);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SchoolConfigurationException($"cannot read the file ({exception.Message}); check that it exists and is readable", path);
        }

        return Parse(DecodeText(bytes, path), path);
    }

    public static SchoolConfiguration Parse(string yaml, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);

        var root = ReadRoot(yaml, sourcePath);
        var reader = new SchoolYamlReader(sourcePath);
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(sourcePath)) ?? Directory.GetCurrentDirectory();

        var school = reader.RequiredMapping(root, "school", "school");
        var name = reader.RequiredString(school, "name", "school.name", "\"Kindcentrum De Wilgenhoek\"");
        var classes = ReadClasses(reader, school);
        var staff = ReadStaff(reader, school);
        var (escalation, alertsByGroep) = ReadEscalation(reader, root, classes, staff);

        return new SchoolConfiguration
        {
            Name = name,
            Email = reader.OptionalString(school, "email", "school.email"),
            Phone = reader.OptionalString(school, "phone", "school.phone"),
            Website = reader.OptionalString(school, "website", "school.website"),
            TimeZone = ReadTimeZone(reader, root),
            Staff = staff,
            Classes = [.. classes.Select(c => c with { AlertRecipients = alertsByGroep.GetValueOrDefault(c.Groep) ?? DefaultAlertRecipients(c) })],
            Escalation = escalation,
            Faq = ReadFaq(reader, root),
            Synonyms = ReadSynonyms(reader, root),
            FaqOptions = ReadFaqSettings(reader, root),
            SchoolGuidePath = ReadSchoolGuidePath(reader, root, baseDirectory),
            Texts = ReadTexts(reader, root),
            Settings = ReadSettings(reader, root),
            ConversationLinks = ReadConversationLinks(reader, root, classes),
            SourcePath = Path.GetFullPath(sourcePath),
        };
    }

    private static string DecodeText(byte[] bytes, string path)
    {
        // A NUL byte never occurs in a YAML text file; it means a binary file (or UTF-16) was configured.
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new SchoolConfigurationException(
                "this is not a text file (it contains binary data); save the school configuration as UTF-8 YAML",
                path,
                LineOfByte(bytes, nul));
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException exception)
        {
            var offset = exception.Index >= 0 ? exception.Index : 0;
            throw new SchoolConfigurationException(
                "this file is not valid UTF-8 text; save the school configuration as UTF-8 YAML",
                path,
                LineOfByte(bytes, Math.Min(offset, bytes.Length)));
        }
    }

    private static int LineOfByte(byte[] bytes, int offset) => 1 + bytes.AsSpan(0, offset).Count((byte)'\n');

    private static YamlMappingNode ReadRoot(string yaml, string sourcePath)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException exception)
        {
            var reason = StripMarks(exception);
            var advice = reason.StartsWith("Duplicate key ", StringComparison.Ordinal)
                ? $"'{reason["Duplicate key ".Length..]}' appears twice in the same section; keep one of them"
                : $"{reason}; check the indentation and quoting on this line or the one before it";
            throw new SchoolConfigurationException($"not valid YAML: {advice}", sourcePath, checked((int)exception.Start.Line));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this for some malformed input (e.g. an unclosed '[' list) instead of a YamlException.
            throw new SchoolConfigurationException(
                "not valid YAML: the parser could not continue after this line; check for an unclosed [ ], { } or quote",
                sourcePath,
                parser.LastLine);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new SchoolConfigurationException("the file is empty; it needs at least a 'school:' section with a name", sourcePath, 1);
        }

        if (stream.Documents.Count > 1)
        {
            throw new SchoolConfigurationException(
                "the file holds more than one YAML document ('---'); put the whole school in one document",
                sourcePath,
                checked((int)stream.Documents[1].RootNode.Start.Line));
        }

        var root = stream.Documents[0].RootNode;
        return root as YamlMappingNode
            ?? throw new SchoolConfigurationException(
                $"the top level must be a mapping with 'school:', 'escalation:' and 'faq:' sections, but it is {SchoolYamlReader.Describe(root)}",
                sourcePath,
                checked((int)root.Start.Line));
    }

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 1, Idx: 20) - (Line: …): "; the exception carries the line already.
    private static string StripMarks(YamlException exception) =>
        YamlMarkPrefix().Replace(exception.Message, string.Empty).TrimEnd('.');

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex YamlMarkPrefix();

    /// <summary>Remembers where the last good event ended, for errors that come without a position.</summary>
    private sealed class PositionTrackingParser(IParser inner) : IParser
    {
        public int LastLine { get; private set; } = 1;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastLine = checked((int)current.End.Line);
            }

            return moved;
        }
    }

    private static string ReadTimeZone(SchoolYamlReader reader, YamlMappingNode root)
    {
        var node = SchoolYamlReader.Find(root, "time_zone");
        if (node is null)
        {
            return DefaultTimeZone;
        }

        var id = reader.ScalarValue(node, "time_zone");
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
            ? id
            : throw reader.Error(node, $"time_zone '{id}' is not a known time zone; use an IANA id such as {DefaultTimeZone}");
    }

    private static string? ReadSchoolGuidePath(SchoolYamlReader reader, YamlMappingNode root, string baseDirectory)
    {
        var node = SchoolYamlReader.Find(root, "schoolgids");
        if (node is null)
        {
            return null;
        }

        var relative = reader.ScalarValue(node, "schoolgids");
        var full = Path.GetFullPath(Path.Combine(baseDirectory, relative));
        return File.Exists(full)
            ? full
            : throw reader.Error(node, $"schoolgids '{relative}' does not exist (looked for {full}); the path is relative to the YAML file");
    }

    private static SchoolSettings ReadSettings(SchoolYamlReader reader, YamlMappingNode root)
    {
        if (reader.OptionalMapping(root, "settings", "settings") is not { } settings)
        {
            return new SchoolSettings();
        }

        var sensitivity = reader.OptionalString(settings, "sensitivity", "settings.sensitivity");
        var retention = reader.OptionalString(settings, "retention_days", "settings.retention_days");
        var result = new SchoolSettings
        {
            Sensitivity = sensitivity is null ? null
                : double.TryParse(sensitivity, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s is >= 0.5 and <= 2.0 ? s
                : throw reader.Error(SchoolYamlReader.Find(settings, "sensitivity")!, $"settings.sensitivity '{sensitivity}' must be a number from 0.5 (later) to 2.0 (sooner), e.g. 1.0"),
            RetentionDays = retention is null ? null
                : int.TryParse(retention, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 7 and <= 365 ? days
                : throw reader.Error(SchoolYamlReader.Find(settings, "retention_days")!, $"settings.retention_days '{retention}' must be a whole number of days from 7 to 365"),
        };

        if (reader.OptionalMapping(settings, "quiet_hours", "settings.quiet_hours") is { } quiet)
        {
            result = result with
            {
                QuietFrom = ReadTime(reader, quiet, "from", SchoolSettings.DefaultQuietFrom),
                QuietTo = ReadTime(reader, quiet, "to", SchoolSettings.DefaultQuietTo),
                HoldAlertsInQuietHours = reader.OptionalBool(quiet, "hold_alerts", "settings.quiet_hours.hold_alerts") ?? false,
            };
        }

        return result;
    }

    private static TimeOnly ReadTime(SchoolYamlReader reader, YamlMappingNode mapping, string key, TimeOnly fallback)
    {
        var text = reader.OptionalString(mapping, key, $"settings.quiet_hours.{key}");
        return text is null ? fallback
            : TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time) ? time
            : throw reader.Error(SchoolYamlReader.Find(mapping, key)!, $"settings.quiet_hours.{key} '{text}' must be a time like \"22:00\"");
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadTexts(SchoolYamlReader reader, YamlMappingNode root)
    {
        var texts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (reader.OptionalMapping(root, "texts", "texts") is not { } mapping)
        {
            return texts;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = reader.ScalarValue(keyNode, "texts key");
            var path = $"texts.{key}";
            var values = reader.StringList(valueNode, path);
            if (values.Count == 0 || values.Any(string.IsNullOrWhiteSpace))
            {
                throw reader.Error(valueNode, $"{path} must hold at least one non-empty text");
            }

            texts[key] = values;
        }

        return texts;
    }

    private static Dictionary<string, string> ReadConversationLinks(SchoolYamlReader reader, YamlMappingNode root, IReadOnlyList<ClassGroup> classes)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.OptionalSequence(root, "conversations", "conversations") is not { } sequence)
        {
            return links;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"conversations[{i}]";
            var item = reader.ItemMapping(sequence.Children[i], path);
            var conversation = reader.RequiredString(item, "conversation", $"{path}.conversation", "\"Teams:19:abc@thread.v2\"");
            var separator = conversation.IndexOf(':', StringComparison.Ordinal);
            if (separator <= 0 || separator == conversation.Length - 1
                || !Enum.TryParse<Platform>(conversation[..separator], ignoreCase: true, out var platform)
                || !Enum.IsDefined(platform))
            {
                throw reader.Error(item, $"{path}.conversation '{conversation}' must be 'Platform:id' with Platform one of {string.Join(", ", Enum.GetNames<Platform>())}");
            }

            var groep = reader.RequiredString(item, "groep", $"{path}.groep", "\"5\"");
            var known = FindGroep(classes, groep)
                ?? throw reader.Error(item, $"{path}.groep '{groep}' is not a groep in school.contacts (known: {KnownGroepen(classes)})");

            // The key must match ConversationRef.Key, which uses the enum's own spelling.
            var key = new ConversationRef(platform, conversation[(separator + 1)..]).Key;
            if (links.TryGetValue(key, out var existing) && existing != known.Groep)
            {
                throw reader.Error(item, $"{path}.conversation '{conversation}' is already linked to groep '{existing}'; a conversation belongs to one groep");
            }

            links[key] = known.Groep;
        }

        return links;
    }

    private static ClassGroup? FindGroep(IReadOnlyList<ClassGroup> classes, string groep) =>
        classes.FirstOrDefault(c => string.Equals(c.Groep, groep, StringComparison.OrdinalIgnoreCase));

    private static string KnownGroepen(IReadOnlyList<ClassGroup> classes) =>
        classes.Count == 0 ? "none" : string.Join(", ", classes.Select(c => c.Groep));
}
