using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Playground;

/// <summary>A person in a playground room: a parent who can type, or the groep's klassenouder.</summary>
public sealed record PlaygroundParticipant(string Name, string Role);

/// <summary>
/// The playground's rooms. A room is the conversation <c>(Playground, roomId)</c>; its groep comes from
/// <see cref="IConversationLinks"/>, the same place the engine looks, so linking a room here changes
/// whom the engine alerts.
/// </summary>
public sealed partial class PlaygroundRooms
{
    public const string RoomIdPattern = "^[a-z0-9][a-z0-9-]{0,39}$";

    public const string ParentRole = "ouder";
    public const string ClassParentRole = "klassenouder";

    /// <summary>The bot's own account in every room, so the pipeline recognises (and skips) its posts.</summary>
    public static readonly ChatUser BotUser = new("klassenouderbot", "KlassenouderBot", IsBot: true);

    /// <summary>The parents who can type in every room.</summary>
    public static readonly IReadOnlyList<string> DefaultParents = ["Sanne", "Mark", "Ilse", "Jeroen", "Aylin", "Peter", "Kate"];

    private readonly ConcurrentDictionary<string, PlaygroundRoom> _rooms = new(StringComparer.Ordinal);

    // Used only while no IConversationLinks is registered (the storage work registers the real one).
    private readonly ConcurrentDictionary<string, string> _fallbackLinks = new(StringComparer.Ordinal);
    private readonly IConversationLinks? _links;
    private readonly PlaygroundOptions _options;
    private volatile bool _defaultLinkChecked;

    private readonly SchoolSource? _school;

    public PlaygroundRooms(IOptions<PlaygroundOptions> options, IConversationLinks? links, SchoolSource? school)
    {
        _options = options.Value;
        _links = links;
        _school = school;
        GetOrAdd(_options.DefaultRoom);
    }

    /// <summary>The school, when one is registered; without it rooms have only the default parents.</summary>
    public SchoolConfiguration? School => _school?.Current;

    public string DefaultRoom => _options.DefaultRoom;

    public IReadOnlyList<string> RoomIds => [.. _rooms.Keys.Order(StringComparer.Ordinal)];

    public static bool IsValidRoomId(string? id) => id is not null && RoomIdRegex().IsMatch(id);

    public PlaygroundRoom? Find(string? id) => id is not null && _rooms.TryGetValue(id, out var room) ? room : null;

    public PlaygroundRoom GetOrAdd(string id)
    {
        if (!IsValidRoomId(id))
        {
            throw new ArgumentException($"Room id '{id}' does not match {RoomIdPattern}.", nameof(id));
        }

        return _rooms.GetOrAdd(id, static (key, capacity) => new PlaygroundRoom(key, capacity), _options.MaxItemsPerRoom);
    }

    /// <summary>The groep the room is linked to.</summary>
    /// <remarks>
    /// The default room is linked on first use rather than at start-up: a database-backed
    /// <see cref="IConversationLinks"/> may not be migrated yet while hosted services start.
    /// </remarks>
    public async Task<string?> GetGroepAsync(PlaygroundRoom room, CancellationToken cancellationToken)
    {
        var groep = _links is null
            ? _fallbackLinks.GetValueOrDefault(room.Conversation.Key)
            : await _links.GetGroepAsync(room.Conversation, cancellationToken);

        if (groep is null && !_defaultLinkChecked && room.Id == _options.DefaultRoom)
        {
            _defaultLinkChecked = true;
            if (School is null || School.FindClass(_options.DefaultGroep) is not null)
            {
                groep = School?.FindClass(_options.DefaultGroep)?.Groep ?? _options.DefaultGroep;
                await LinkAsync(room, groep, cancellationToken);
            }
        }

        return groep;
    }

    public async Task LinkAsync(PlaygroundRoom room, string groep, CancellationToken cancellationToken)
    {
        if (_links is null)
        {
            _fallbackLinks[room.Conversation.Key] = groep;
        }
        else
        {
            await _links.LinkAsync(room.Conversation, groep, cancellationToken);
        }
    }

    /// <summary>The default parents, plus the groep's klassenouder when the school names one.</summary>
    public IReadOnlyList<PlaygroundParticipant> Participants(string? groep)
    {
        var participants = DefaultParents.Select(name => new PlaygroundParticipant(name, ParentRole)).ToList();
        if (School?.FindClass(groep)?.ClassParent is { } classParent)
        {
            var index = participants.FindIndex(p => string.Equals(p.Name, classParent.Name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                participants[index] = participants[index] with { Role = ClassParentRole };
            }
            else
            {
                participants.Add(new PlaygroundParticipant(classParent.Name, ClassParentRole));
            }
        }

        return participants;
    }

    /// <summary>What someone who is not a parent in the room is to the groep (for panels of alert recipients).</summary>
    public string RoleOf(string name, string? groep)
    {
        var group = School?.FindClass(groep);
        if (group?.Teachers.Any(t => SameName(t.Name, name)) == true)
        {
            return "leerkracht";
        }

        if (group?.ClassParent is { } classParent && SameName(classParent.Name, name))
        {
            return ClassParentRole;
        }

        return School?.Escalation.Director is { } director && SameName(director.Name, name) ? "directeur" : "contact";
    }

    public static bool SameName(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(RoomIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex RoomIdRegex();
}
