using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KlassenouderBot.School;

/// <summary>A change the admin app cannot make, in words for the person who asked (e.g. a duplicate FAQ id).</summary>
public sealed class SchoolEditException(string message) : Exception(message);

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
