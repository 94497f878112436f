using System.Globalization;
using KlassenouderBot.Benchmarks;
using KlassenouderBot.IntegrationTests.Teams;
using KlassenouderBot.IntegrationTests.Teams.Fakes;

namespace KlassenouderBot.LoadTest;

/// <summary>
/// The simulated class groups: Teams group chats <c>19:load-{n}@thread.v2</c>, each with its own parent
/// writing the benchmarks' class-chat corpus. A chat's messages are 20 seconds apart in chat time (the
/// engine benchmark's pace: a busy but real chat), however fast the generator sends them, so the
/// engine's time windows see a plausible conversation rather than hundreds of messages in one second.
/// </summary>
internal sealed class ClassChats
{
    private static readonly TimeSpan Gap = TimeSpan.FromSeconds(20);
    private static readonly string[] Surnames = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Yilmaz", "El Amrani", "Peters"];

    private readonly ActivityBodies _bodies;
    private readonly Chat[] _chats;
    private readonly byte[][] _texts;

    // 8:00 yesterday: about 2,500 messages per chat before the school's quiet hours (22:00) would change
    // what the engine decides, and never a timestamp in the future.
    private readonly DateTimeOffset _start = TeamsTestData.Afternoon(TimeSpan.FromHours(-6));

    public ClassChats(ActivityBodies bodies, int count)
    {
        _bodies = bodies;
        _chats = [.. Enumerable.Range(0, count).Select(NewChat)];
        var corpus = ChatCorpus.BuildWithKinds();
        _texts = [.. corpus.Select(m => ActivityBodies.Literal(m.Text))];

        // Everyday messages that ask nothing: no nudge is due and no FAQ answer is tempting.
        CalmTexts = [.. corpus.Select((m, i) => (m, i)).Where(x => x.m.Kind == CorpusKind.Ok && !x.m.Text.Contains('?', StringComparison.Ordinal)).Select(x => x.i)];
    }

    public int TextCount => _texts.Length;

    /// <summary>Indexes of corpus messages written as ordinary, question-free chat.</summary>
    public IReadOnlyList<int> CalmTexts { get; }

    /// <summary>Corpus message <paramref name="text"/> from the parent of chat <paramref name="chat"/>, with a new id.</summary>
    public byte[] Message(int chat, int text)
    {
        var target = _chats[chat];
        var timestamp = target.NextTimestamp(_start);
        var values = new byte[Enum.GetValues<ActivityBodies.Slot>().Length][];
        values[(int)ActivityBodies.Slot.Id] = ActivityBodies.Literal(_bodies.NewId());
        values[(int)ActivityBodies.Slot.Timestamp] = ActivityBodies.Literal(timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        values[(int)ActivityBodies.Slot.LocalTimestamp] = ActivityBodies.Literal(timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        values[(int)ActivityBodies.Slot.FromId] = target.FromId;
        values[(int)ActivityBodies.Slot.FromName] = target.FromName;
        values[(int)ActivityBodies.Slot.FromAad] = target.FromAad;
        values[(int)ActivityBodies.Slot.Conversation] = target.Conversation;
        values[(int)ActivityBodies.Slot.Text] = _texts[text];
        return _bodies.Render(values);
    }

    /// <summary>"@KlassenouderBot help" in chat <paramref name="chat"/>; <paramref name="id"/> is what the bot's reply answers to.</summary>
    public byte[] HelpCommand(int chat, out string id)
    {
        var target = _chats[chat];
        id = _bodies.NewId();
        return _bodies.HelpCommand(target.Parent, target.ConversationId, id, target.NextTimestamp(_start));
    }

    private static Chat NewChat(int number)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        var givenName = ChatCorpus.Parents[number % ChatCorpus.Parents.Count];
        var surname = Surnames[number / ChatCorpus.Parents.Count % Surnames.Length];
        var parent = new TeamsMember(
            $"29:1load-parent-{text}",
            $"{givenName} {surname}",
            givenName,
            surname,
            $"ouder{text}@ouders.example",
            Guid.NewGuid().ToString(),
            TeamsTestData.TenantId);
        return new Chat($"19:load-{text}@thread.v2", parent);
    }

    private sealed class Chat(string conversationId, TeamsMember parent)
    {
        private long _messages;

        public string ConversationId { get; } = conversationId;

        public TeamsMember Parent { get; } = parent;

        public byte[] Conversation { get; } = ActivityBodies.Literal(conversationId);

        public byte[] FromId { get; } = ActivityBodies.Literal(parent.Id);

        public byte[] FromName { get; } = ActivityBodies.Literal(parent.Name);

        public byte[] FromAad { get; } = ActivityBodies.Literal(parent.AadObjectId);

        public DateTimeOffset NextTimestamp(DateTimeOffset start) => start + (Interlocked.Increment(ref _messages) * Gap);
    }
}
