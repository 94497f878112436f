using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KlassenouderBot.School;

/// <summary>A change the admin app cannot make, in words for the person who asked (e.g. a duplicate FAQ id).</summary>
public sealed class SchoolEditException(string message) : Exception(message);

/// <summary>What the settings page saves.</summary>
public sealed record SchoolSettingsChange(
    double? Sensitivity,
    int? RetentionDays,
    TimeOnly QuietFrom,
    TimeOnly QuietTo,
    bool HoldAlerts,
    bool AutoAnswerInGroups,
    bool IncludeExcerpts,
    IReadOnlyDictionary<string, string?> Texts);

/// <summary>
/// Changes to the school YAML made by the admin app, on the YAML tree itself so that every part the admin app
/// does not touch stays as the school wrote it (comments excepted: YAML libraries do not keep them). The result
/// is checked by the same loader as the file at start-up before it is stored.
/// </summary>
public static class SchoolYamlEditor
{
    /// <summary>Adds an FAQ entry, or replaces the one with <paramref name="originalId"/> (its id may change).</summary>
    /// <exception cref="SchoolEditException">Another entry already has the new id, or the original is gone.</exception>
    public static string SaveFaq(string yaml, FaqEntry entry, string? originalId)
    {
        var (stream, root) = Read(yaml);
        var faq = Sequence(root, "faq");
        var index = originalId is null ? -1 : IndexOfId(faq, originalId);
        if (originalId is not null && index < 0)
        {
            throw new SchoolEditException($"De vraag '{originalId}' bestaat niet meer; misschien heeft iemand anders hem net verwijderd.");
        }

        var clash = IndexOfId(faq, entry.Id);
        if (clash >= 0 && clash != index)
        {
            throw new SchoolEditException($"Er is al een vraag met id '{entry.Id}'. Kies een ander id.");
        }

        var node = FaqNode(entry);
        if (index >= 0)
        {
            faq.Children[index] = node;
        }
        else
        {
            faq.Children.Add(node);
        }

        return Write(stream);
    }

    /// <exception cref="SchoolEditException">There is no entry with this id.</exception>
    public static string DeleteFaq(string yaml, string id)
    {
        var (stream, root) = Read(yaml);
        var faq = Sequence(root, "faq");
        var index = IndexOfId(faq, id);
        if (index < 0)
        {
            throw new SchoolEditException($"De vraag '{id}' bestaat niet (meer).");
        }

        faq.Children.RemoveAt(index);
        return Write(stream);
    }

    /// <summary>
    /// Sets a groep's klassenouder and teachers (adding the groep when new), and makes its alert list in
    /// <c>escalation.groups</c> follow: the klassenouder's and teachers' entries are replaced, other roles stay.
    /// A teacher's days and Discord account are kept when the name is unchanged.
    /// </summary>
    public static string SaveContacts(string yaml, string groep, Contact? classParent, IReadOnlyList<Contact> teachers)
    {
        var (stream, root) = Read(yaml);
        var school = Mapping(root, "school");
        var contacts = Sequence(school, "contacts");
        var entry = contacts.Children.OfType<YamlMappingNode>().FirstOrDefault(c => SameGroep(c, groep));
        if (entry is null)
        {
            entry = new YamlMappingNode { { "groep", Scalar(groep) } };
            contacts.Children.Add(entry);
        }

        var previousTeachers = entry.Children.TryGetValue(new YamlScalarNode("teachers"), out var old) && old is YamlSequenceNode oldTeachers
            ? oldTeachers.Children.OfType<YamlMappingNode>().ToList()
            : [];
        entry.Children[new YamlScalarNode("teachers")] = new YamlSequenceNode(teachers.Select(t => TeacherNode(t, previousTeachers)));
        if (classParent is null)
        {
            entry.Children.Remove(new YamlScalarNode("klassenouder"));
        }
        else
        {
            entry.Children[new YamlScalarNode("klassenouder")] = ContactNode(classParent);
        }

        if (root.Children.TryGetValue(new YamlScalarNode("escalation"), out var escalationNode) && escalationNode is YamlMappingNode escalation
            && escalation.Children.TryGetValue(new YamlScalarNode("groups"), out var groupsNode) && groupsNode is YamlSequenceNode groups
            && groups.Children.OfType<YamlMappingNode>().FirstOrDefault(g => SameGroep(g, groep)) is { } alertGroup
            && alertGroup.Children.TryGetValue(new YamlScalarNode("alert"), out var alertNode) && alertNode is YamlSequenceNode alert)
        {
            var others = alert.Children.OfType<YamlMappingNode>().Where(a => Text(a, "role") is not (AlertRoles.ClassParent or AlertRoles.Teacher)).ToList();
            var recipients = new List<YamlNode>();
            if (classParent is not null)
            {
                recipients.Add(RecipientNode(AlertRoles.ClassParent, classParent));
            }

            recipients.AddRange(teachers.Select(t => RecipientNode(AlertRoles.Teacher, t)));
            recipients.AddRange(others);
            alertGroup.Children[new YamlScalarNode("alert")] = new YamlSequenceNode(recipients);
        }

        return Write(stream);
    }

    /// <summary>
    /// The settings page's values: <c>settings:</c>, <c>faq_settings.auto_answer_in_groups</c>,
    /// <c>escalation.include_excerpts</c>, and the nudge texts under <c>texts:</c> (an empty text removes the
    /// school's own, so the bot's phrasings come back).
    /// </summary>
    public static string SaveSettings(string yaml, SchoolSettingsChange change)
    {
        var (stream, root) = Read(yaml);
        var settings = MappingOrNew(root, "settings");
        SetOrRemove(settings, "sensitivity", change.Sensitivity?.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture));
        SetOrRemove(settings, "retention_days", change.RetentionDays?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        settings.Children[new YamlScalarNode("quiet_hours")] = new YamlMappingNode
        {
            { "from", new YamlScalarNode(change.QuietFrom.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)) { Style = ScalarStyle.DoubleQuoted } },
            { "to", new YamlScalarNode(change.QuietTo.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)) { Style = ScalarStyle.DoubleQuoted } },
            { "hold_alerts", new YamlScalarNode(change.HoldAlerts ? "true" : "false") },
        };
        MappingOrNew(root, "faq_settings").Children[new YamlScalarNode("auto_answer_in_groups")] = new YamlScalarNode(change.AutoAnswerInGroups ? "true" : "false");
        MappingOrNew(root, "escalation").Children[new YamlScalarNode("include_excerpts")] = new YamlScalarNode(change.IncludeExcerpts ? "true" : "false");

        var texts = MappingOrNew(root, "texts");
        foreach (var (key, text) in change.Texts)
        {
            SetOrRemove(texts, key, string.IsNullOrWhiteSpace(text) ? null : text.Trim());
        }

        if (texts.Children.Count == 0)
        {
            root.Children.Remove(new YamlScalarNode("texts"));
        }

        return Write(stream);
    }

    private static YamlMappingNode MappingOrNew(YamlMappingNode root, string key)
    {
        if (root.Children.TryGetValue(new YamlScalarNode(key), out var existing) && existing is YamlMappingNode mapping)
        {
            return mapping;
        }

        var created = new YamlMappingNode();
        root.Children[new YamlScalarNode(key)] = created;
        return created;
    }

    private static void SetOrRemove(YamlMappingNode mapping, string key, string? value)
    {
        if (value is null)
        {
            mapping.Children.Remove(new YamlScalarNode(key));
        }
        else
        {
            mapping.Children[new YamlScalarNode(key)] = Scalar(value);
        }
    }

    /// <summary>A whole school file from the admin app's import: only checked to be one YAML map; the loader checks the rest.</summary>
    public static string Import(string yaml)
    {
        var (stream, _) = Read(yaml);
        return Write(stream);
    }

    private static YamlMappingNode TeacherNode(Contact teacher, IReadOnlyList<YamlMappingNode> previous)
    {
        var node = ContactNode(teacher);
        var same = previous.FirstOrDefault(p => string.Equals(Text(p, "name")?.Trim(), teacher.Name.Trim(), StringComparison.OrdinalIgnoreCase));
        foreach (var key in new[] { "days", "discord", "phone" })
        {
            if (same is not null && same.Children.TryGetValue(new YamlScalarNode(key), out var value) && !node.Children.ContainsKey(new YamlScalarNode(key)))
            {
                node.Add(key, value);
            }
        }

        return node;
    }

    private static YamlMappingNode ContactNode(Contact contact)
    {
        var node = new YamlMappingNode { { "name", Scalar(contact.Name) } };
        if (contact.Email is { Length: > 0 } email)
        {
            node.Add("email", Scalar(email));
        }

        return node;
    }

    private static YamlMappingNode RecipientNode(string role, Contact contact)
    {
        var node = new YamlMappingNode { { "role", Scalar(role) }, { "name", Scalar(contact.Name) } };
        if (contact.Email is { Length: > 0 } email)
        {
            node.Add("email", Scalar(email));
        }

        return node;
    }

    private static bool SameGroep(YamlMappingNode node, string groep) =>
        string.Equals(Text(node, "groep")?.Replace(" ", "", StringComparison.Ordinal), groep.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static YamlMappingNode Mapping(YamlMappingNode root, string key)
    {
        if (root.Children.TryGetValue(new YamlScalarNode(key), out var existing) && existing is YamlMappingNode mapping)
        {
            return mapping;
        }

        throw new SchoolEditException($"De schoolconfiguratie heeft geen '{key}:'.");
    }

    private static YamlMappingNode FaqNode(FaqEntry entry)
    {
        var node = new YamlMappingNode
        {
            { "id", Scalar(entry.Id) },
            { "question", Scalar(entry.Question) },
        };
        if (entry.Alternates.Count > 0)
        {
            node.Add("alternates", new YamlSequenceNode(entry.Alternates.Select(Scalar)));
        }

        node.Add("answer", Scalar(entry.Answer));
        if (entry.AnswerEn is { Length: > 0 } english)
        {
            node.Add("answer_en", Scalar(english));
        }

        if (entry.Source is { Length: > 0 } source)
        {
            node.Add("source", Scalar(source));
        }

        return node;
    }

    // Text with line breaks as a literal block, so an answer stays readable in the exported file.
    private static YamlScalarNode Scalar(string value) =>
        new(value) { Style = value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal : ScalarStyle.Any };

    private static int IndexOfId(YamlSequenceNode faq, string id)
    {
        for (var i = 0; i < faq.Children.Count; i++)
        {
            if (faq.Children[i] is YamlMappingNode item
                && item.Children.TryGetValue(new YamlScalarNode("id"), out var value)
                && value is YamlScalarNode { Value: { } existing }
                && string.Equals(existing.Trim(), id.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static YamlSequenceNode Sequence(YamlMappingNode root, string key)
    {
        if (root.Children.TryGetValue(new YamlScalarNode(key), out var existing) && existing is YamlSequenceNode sequence)
        {
            return sequence;
        }

        var created = new YamlSequenceNode();
        root.Children[new YamlScalarNode(key)] = created;
        return created;
    }

    private static (YamlStream Stream, YamlMappingNode Root) Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? (stream, root)
            : throw new SchoolEditException("De schoolconfiguratie is leeg of geen YAML-map.");
    }

    private static string Write(YamlStream stream)
    {
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlDotNet closes every document with "..."; a single-document file does not need it.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text.EndsWith("...\r\n", StringComparison.Ordinal) ? text[..^5] : text;
    }
}
