using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;

namespace KlassenouderBot.Playground;

/// <summary>Turns a room into what the page shows: the group chat, and each person's private chat with the bot.</summary>
internal static class PlaygroundStateFactory
{
    public static async Task<PlaygroundState> CreateAsync(
        PlaygroundRooms rooms,
        PlaygroundRoom room,
        ConversationEngine engine,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var groep = await rooms.GetGroepAsync(room, cancellationToken);
        var snapshot = room.Snapshot();
        var participants = rooms.Participants(groep);
        var classParent = rooms.School?.FindClass(groep)?.ClassParent?.Name;

        var privateLines = snapshot.PrivateMessages.Select(ToPrivateLine).ToList();

        // Every participant gets a panel, even an empty one; anyone else the bot wrote to (a teacher,
        // the director) gets one as well, so no private message is ever invisible.
        var inboxes = participants
            .Select(p => new PlaygroundInbox(p.Name, p.Role, [.. privateLines.Where(l => PlaygroundRooms.SameName(l.To, p.Name))]))
            .ToList();
        foreach (var name in privateLines.Select(l => l.To).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!participants.Any(p => PlaygroundRooms.SameName(p.Name, name)))
            {
                inboxes.Add(new PlaygroundInbox(name, rooms.RoleOf(name, groep), [.. privateLines.Where(l => PlaygroundRooms.SameName(l.To, name))]));
            }
        }

        // The klassenouder's inbox; without a school (so no known klassenouder) every alert is shown.
        var alerts = privateLines
            .Where(l => l.Kind == KindName(OutboundKind.Alert) && (classParent is null || PlaygroundRooms.SameName(l.To, classParent)))
            .ToList();

        return new PlaygroundState(
            Room: room.Id,
            Rooms: rooms.RoomIds,
            Groep: groep,
            Groepen: rooms.School?.Classes.Select(c => c.Groep).ToList() ?? [],
            School: rooms.School?.Name,
            ClassParent: classParent,
            Participants: participants,
            Messages: [.. snapshot.Chat.Select(c => new PlaygroundChatLine(c.Sequence, c.MessageId, c.Author, c.Text, c.Time))],
            BotMessages: [.. snapshot.GroupMessages.Select(b => new PlaygroundBotLine(b.Sequence, KindName(b.Kind), b.Text, b.Time))],
            PrivateMessages: inboxes,
            Alerts: alerts,
            EscalationLevel: LevelName(engine.LevelOf(room.Conversation, Now(snapshot, timeProvider))));
    }

    /// <summary>The names the page's <c>levels</c> table knows (rustig, warm, verhit, geëscaleerd).</summary>
    public static string LevelName(EscalationLevel level) => level switch
    {
        EscalationLevel.Calm => "calm",
        EscalationLevel.Warming => "warming",
        EscalationLevel.Heated => "heated",
        EscalationLevel.Escalated => "escalated",
        _ => "unknown",
    };

    public static string KindName(OutboundKind kind) => kind switch
    {
        OutboundKind.PrivateNudge => "nudge",
        OutboundKind.GroupMessage => "group",
        OutboundKind.Alert => "alert",
        OutboundKind.FaqAnswer => "faq",
        OutboundKind.Notice => "notice",
        _ => "message",
    };

    // A parent may "send at 23:30" in the afternoon; the level is then read at that message's time, as the
    // bot's replies are, instead of before the message happened. Never earlier than the last message, so
    // the engine's heat is not asked to run backwards.
    private static DateTimeOffset Now(PlaygroundRoomSnapshot snapshot, TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        return snapshot.Chat.Count > 0 && snapshot.Chat[^1].Time > now ? snapshot.Chat[^1].Time : now;
    }

    private static PlaygroundPrivateLine ToPrivateLine(PlaygroundBotEntry entry) =>
        new(entry.Sequence, KindName(entry.Kind), entry.Recipient ?? "", entry.Text, entry.Time, entry.AlertId);
}
