using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms.Discord;
using YamlDotNet.RepresentationModel;

namespace KlassenouderBot.School;

// The school, escalation and faq sections: the parts of the file the sample school fills in.
public static partial class SchoolConfigurationLoader
{
    private static List<ClassGroup> ReadClasses(SchoolYamlReader reader, YamlMappingNode school)
    {
        var classes = new List<ClassGroup>();
        if (reader.OptionalSequence(school, "contacts", "school.contacts") is not { } sequence)
        {
            return classes;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"school.contacts[{i}]";
            var item = reader.ItemMapping(sequence.Children[i], path);
            var groep = reader.RequiredString(item, "groep", $"{path}.groep", "\"5\"");
            if (FindGroep(classes, groep) is not null)
            {
                throw reader.Error(
                    SchoolYamlReader.Find(item, "groep")!,
                    $"{path}.groep '{groep}' appears twice in school.contacts; give each groep one entry (merge the teachers into it)");
            }

            classes.Add(new ClassGroup(groep)
            {
                Teachers = ReadContactList(reader, item, "teachers", $"{path}.teachers"),
                ClassParent = ReadClassParent(reader, item, $"{path}.klassenouder"),
                Children = reader.OptionalStringList(item, "children", $"{path}.children") ?? [],
            });
        }

        return classes;
    }

    private static List<Contact> ReadContactList(SchoolYamlReader reader, YamlMappingNode parent, string key, string path)
    {
        var contacts = new List<Contact>();
        if (reader.OptionalSequence(parent, key, path) is not { } sequence)
        {
            return contacts;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            contacts.Add(ReadContact(reader, sequence.Children[i], $"{path}[{i}]"));
        }

        return contacts;
    }

    private static Contact? ReadClassParent(SchoolYamlReader reader, YamlMappingNode parent, string path) =>
        SchoolYamlReader.Find(parent, "klassenouder") is { } node ? ReadContact(reader, node, path) : null;

    // A contact is a mapping (name, email, phone, days) or just a name: the sample's class parents are first names only.
    private static Contact ReadContact(SchoolYamlReader reader, YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            var name = reader.ScalarValue(node, path);
            return string.IsNullOrWhiteSpace(name)
                ? throw reader.Error(node, $"{path} is empty; write the person's name")
                : new Contact(name);
        }

        var mapping = reader.ItemMapping(node, path);
        return new Contact(reader.RequiredString(mapping, "name", $"{path}.name", "\"juf Sanne de Vries\""))
        {
            Email = reader.OptionalString(mapping, "email", $"{path}.email"),
            Discord = ReadDiscordAccount(reader, mapping, path),
            Phone = reader.OptionalString(mapping, "phone", $"{path}.phone"),
            Days = reader.OptionalStringList(mapping, "days", $"{path}.days") ?? [],
        };
    }

    private static List<StaffMember> ReadStaff(SchoolYamlReader reader, YamlMappingNode school)
    {
        var staff = new List<StaffMember>();
        if (reader.OptionalSequence(school, "staff", "school.staff") is not { } sequence)
        {
            return staff;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"school.staff[{i}]";
            var item = reader.ItemMapping(sequence.Children[i], path);
            staff.Add(new StaffMember(
                reader.RequiredString(item, "role", $"{path}.role", "\"directeur\""),
                reader.RequiredString(item, "name", $"{path}.name", "\"mevrouw J. Hoekstra\""))
            {
                Email = reader.OptionalString(item, "email", $"{path}.email"),
                Discord = ReadDiscordAccount(reader, item, path),
                Phone = reader.OptionalString(item, "phone", $"{path}.phone"),
                Days = reader.OptionalStringList(item, "days", $"{path}.days") ?? [],
            });
        }

        return staff;
    }

    private static (EscalationSettings Settings, Dictionary<string, IReadOnlyList<AlertRecipient>> AlertsByGroep) ReadEscalation(
        SchoolYamlReader reader, YamlMappingNode root, IReadOnlyList<ClassGroup> classes, IReadOnlyList<StaffMember> staff)
    {
        var alertsByGroep = new Dictionary<string, IReadOnlyList<AlertRecipient>>(StringComparer.OrdinalIgnoreCase);
        var staffDirector = staff.FirstOrDefault(s => string.Equals(s.Role, AlertRoles.Director, StringComparison.OrdinalIgnoreCase)) is { } member
            ? new AlertRecipient(AlertRoles.Director, member.Name) { Email = member.Email, Discord = member.Discord }
            : null;

        if (reader.OptionalMapping(root, "escalation", "escalation") is not { } escalation)
        {
            return (new EscalationSettings { Director = staffDirector }, alertsByGroep);
        }

        var defaults = new EscalationSettings();
        var severe = reader.OptionalMapping(escalation, "severe", "escalation.severe");
        var settings = new EscalationSettings
        {
            IncludeExcerpts = reader.OptionalBool(escalation, "include_excerpts", "escalation.include_excerpts") ?? false,
            AlertFromLevel = ReadLevel(reader, escalation) ?? defaults.AlertFromLevel,
            SevereShamingChildRoles = ReadRoles(reader, severe, "shaming_child", "escalation.severe.shaming_child") ?? defaults.SevereShamingChildRoles,
            SevereThreatRoles = ReadRoles(reader, severe, "threat", "escalation.severe.threat") ?? defaults.SevereThreatRoles,
            Director = ReadDirector(reader, escalation) ?? staffDirector,
        };

        if (reader.OptionalSequence(escalation, "groups", "escalation.groups") is { } groups)
        {
            for (var i = 0; i < groups.Children.Count; i++)
            {
                var path = $"escalation.groups[{i}]";
                var item = reader.ItemMapping(groups.Children[i], path);
                var groep = reader.RequiredString(item, "groep", $"{path}.groep", "\"5\"");
                var groepNode = SchoolYamlReader.Find(item, "groep")!;
                var known = FindGroep(classes, groep)
                    ?? throw reader.Error(groepNode, $"{path}.groep '{groep}' is not a groep in school.contacts (known: {KnownGroepen(classes)})");
                if (alertsByGroep.ContainsKey(known.Groep))
                {
                    throw reader.Error(groepNode, $"{path}.groep '{groep}' appears twice in escalation.groups; give each groep one alert list");
                }

                if (ReadAlertList(reader, item, $"{path}.alert") is { } alerts)
                {
                    alertsByGroep[known.Groep] = [.. alerts.Select(alert => WithContactDetails(alert, known))];
                }
            }
        }

        return (settings, alertsByGroep);
    }

    private static EscalationLevel? ReadLevel(SchoolYamlReader reader, YamlMappingNode escalation)
    {
        if (SchoolYamlReader.Find(escalation, "alert_from_level") is not { } node)
        {
            return null;
        }

        // Not Enum.TryParse: it would also accept "2" or "Calm, Heated".
        var value = reader.ScalarValue(node, "escalation.alert_from_level");
        var name = Enum.GetNames<EscalationLevel>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<EscalationLevel>(name)
            : throw reader.Error(
                node,
                $"escalation.alert_from_level '{value}' is not a level; use one of {string.Join(", ", Enum.GetNames<EscalationLevel>().Select(n => n.ToLowerInvariant()))}");
    }

    private static List<string>? ReadRoles(SchoolYamlReader reader, YamlMappingNode? parent, string key, string path)
    {
        if (parent is null || SchoolYamlReader.Find(parent, key) is not { } node)
        {
            return null;
        }

        var roles = reader.StringList(node, path);
        var result = new List<string>(roles.Count);
        for (var i = 0; i < roles.Count; i++)
        {
            var itemNode = node is YamlSequenceNode sequence ? sequence.Children[i] : node;
            result.Add(CheckRole(reader, itemNode, roles[i], $"{path}[{i}]"));
        }

        return result;
    }

    private static string CheckRole(SchoolYamlReader reader, YamlNode node, string role, string path) =>
        AlertRoles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase))
        ?? throw reader.Error(node, $"{path} '{role}' is not an alert role; use one of {string.Join(", ", AlertRoles.All)}");

    private static AlertRecipient? ReadDirector(SchoolYamlReader reader, YamlMappingNode escalation)
    {
        if (reader.OptionalMapping(escalation, "directeur", "escalation.directeur") is not { } directeur)
        {
            return null;
        }

        return new AlertRecipient(AlertRoles.Director, reader.RequiredString(directeur, "name", "escalation.directeur.name", "\"mevrouw J. Hoekstra\""))
        {
            Email = reader.OptionalString(directeur, "email", "escalation.directeur.email"),
            Discord = ReadDiscordAccount(reader, directeur, "escalation.directeur"),
        };
    }

    private static List<AlertRecipient>? ReadAlertList(SchoolYamlReader reader, YamlMappingNode group, string path)
    {
        if (reader.OptionalSequence(group, "alert", path) is not { } sequence)
        {
            return null;
        }

        var alerts = new List<AlertRecipient>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var item = reader.ItemMapping(sequence.Children[i], itemPath);
            var role = reader.RequiredString(item, "role", $"{itemPath}.role", AlertRoles.ClassParent);
            alerts.Add(new AlertRecipient(
                CheckRole(reader, SchoolYamlReader.Find(item, "role")!, role, $"{itemPath}.role"),
                reader.RequiredString(item, "name", $"{itemPath}.name", "\"Naima\""))
            {
                Email = reader.OptionalString(item, "email", $"{itemPath}.email"),
                Discord = ReadDiscordAccount(reader, item, itemPath),
            });
        }

        return alerts;
    }

    // Without an escalation entry a groep still has someone to alert: its class parent and its teachers.
    private static List<AlertRecipient> DefaultAlertRecipients(ClassGroup group)
    {
        var recipients = new List<AlertRecipient>();
        if (group.ClassParent is { } classParent)
        {
            recipients.Add(new AlertRecipient(AlertRoles.ClassParent, classParent.Name) { Email = classParent.Email, Discord = classParent.Discord });
        }

        recipients.AddRange(group.Teachers.Select(t => new AlertRecipient(AlertRoles.Teacher, t.Name) { Email = t.Email, Discord = t.Discord }));
        return recipients;
    }

    private static List<FaqEntry> ReadFaq(SchoolYamlReader reader, YamlMappingNode root)
    {
        var entries = new List<FaqEntry>();
        if (reader.OptionalSequence(root, "faq", "faq") is not { } sequence)
        {
            return entries;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"faq[{i}]";
            var item = reader.ItemMapping(sequence.Children[i], path);
            var id = reader.RequiredString(item, "id", $"{path}.id", "ziekmelden");
            if (!seen.Add(id))
            {
                throw reader.Error(SchoolYamlReader.Find(item, "id")!, $"{path}.id '{id}' is used by an earlier faq entry; give every entry its own id");
            }

            entries.Add(new FaqEntry(
                id,
                reader.RequiredString(item, "question", $"{path}.question", "\"Hoe meld ik mijn kind ziek?\""),
                reader.RequiredString(item, "answer", $"{path}.answer", "\"Bel voor 8:15 uur naar school.\""))
            {
                Alternates = reader.OptionalStringList(item, "alternates", $"{path}.alternates") ?? [],
                AnswerEn = reader.OptionalString(item, "answer_en", $"{path}.answer_en"),
                Source = reader.OptionalString(item, "source", $"{path}.source"),
            });
        }

        return entries;
    }

    // An alert list usually repeats a name from school.contacts; the e-mail and Discord account written
    // there count here too, so a school does not have to write them twice.
    private static AlertRecipient WithContactDetails(AlertRecipient alert, ClassGroup group)
    {
        var contact = group.Teachers.Append(group.ClassParent)
            .FirstOrDefault(c => c is not null && string.Equals(c.Name.Trim(), alert.Name.Trim(), StringComparison.OrdinalIgnoreCase));
        return contact is null ? alert : alert with { Email = alert.Email ?? contact.Email, Discord = alert.Discord ?? contact.Discord };
    }

    // A Discord user id (a snowflake) or a username (2–32 of a–z, 0–9, '_' and '.').
    private static string? ReadDiscordAccount(SchoolYamlReader reader, YamlMappingNode mapping, string path)
    {
        if (reader.OptionalString(mapping, "discord", $"{path}.discord") is not { } account)
        {
            return null;
        }

        var value = account.Trim().TrimStart('@');
        var isId = DiscordSnowflake.IsSnowflake(value);
        var isUsername = value.Length is >= 2 and <= 32 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.');
        return isId || isUsername
            ? value
            : throw reader.Error(
                SchoolYamlReader.Find(mapping, "discord")!,
                $"{path}.discord '{account}' is not a Discord user id or username; write the number from 'Copy User ID' or the lower-case username");
    }

    // synonyms: a list of groups, each a list of two or more words or phrases that mean the same.
    private static List<IReadOnlyList<string>> ReadSynonyms(SchoolYamlReader reader, YamlMappingNode root)
    {
        var groups = new List<IReadOnlyList<string>>();
        if (reader.OptionalSequence(root, "synonyms", "synonyms") is not { } sequence)
        {
            return groups;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"synonyms[{i}]";
            var group = reader.StringList(sequence.Children[i], path);
            if (group.Count(g => g.Trim().Length > 0) < 2)
            {
                throw reader.Error(sequence.Children[i], $"{path} needs at least two words that mean the same, e.g. [ziekmelden, afmelden]");
            }

            groups.Add(group);
        }

        return groups;
    }

    private static Faq.FaqOptions ReadFaqSettings(SchoolYamlReader reader, YamlMappingNode root)
    {
        var defaults = new Faq.FaqOptions();
        if (reader.OptionalMapping(root, "faq_settings", "faq_settings") is not { } settings)
        {
            return defaults;
        }

        var threshold = reader.OptionalFraction(settings, "threshold", "faq_settings.threshold", 0, 1) ?? defaults.Threshold;
        var autoThreshold = reader.OptionalFraction(settings, "auto_answer_threshold", "faq_settings.auto_answer_threshold", 0, 1) ?? Math.Max(defaults.AutoAnswerThreshold, threshold);
        if (autoThreshold < threshold)
        {
            throw reader.Error(SchoolYamlReader.Find(settings, "auto_answer_threshold")!, "faq_settings.auto_answer_threshold must not be below faq_settings.threshold: unasked answers need more certainty, not less");
        }

        return new Faq.FaqOptions
        {
            Threshold = threshold,
            AutoAnswerThreshold = autoThreshold,
            AutoAnswerInGroups = reader.OptionalBool(settings, "auto_answer_in_groups", "faq_settings.auto_answer_in_groups") ?? defaults.AutoAnswerInGroups,
        };
    }
}
