using KlassenouderBot.Data;
using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;
using KlassenouderBot.Tests.Fakes;
using KlassenouderBot.Tests.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Data;

/// <summary>Two instances taking a conversation's messages in turns decide as one instance would.</summary>
public sealed class DatabaseConversationStatesTests
{
    /// <summary>A heated stretch with repeats: nudge cooldowns, joining in and the alert all depend on what came before.</summary>
    private static readonly (string Author, string Text, int Minute)[] Thread =
    [
        ("Mark", "Ik maak me zorgen dat mijn zoon al weken gepest wordt op het plein", 0),
        ("Mark", "Echt, de juf doet er niks aan, ik ben er klaar mee", 2),
        ("Aylin", "die kankerjuf heeft weer niks geregeld", 4),
        ("Kees", "Eens, wat een kutschool is dit zeg", 5),
        ("Mark", "ik zet dit op facebook, die hele school is één grote puinhoop van incompetente sukkels", 7),
        ("Sanne", "Zullen we het rustig houden en morgen met de juf praten?", 9),
        ("Aylin", "wat een kutschool is dit zeg", 11),
    ];

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task TwoEngines_TakingTurnsOnOneDatabase_DecideExactlyAsOneEngine()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var alone = await RunAsync(_ => new InMemoryConversationStates(), engines: 1);
        var shared = await RunAsync(_ => new DatabaseConversationStates(database, _clock, NullLogger<DatabaseConversationStates>.Instance), engines: 2);

        shared.Should().Equal(alone);
        alone.Should().Contain(d => d.Contains("Alert"), "the thread escalates");
    }

    [Fact]
    public async Task TwoEngines_EachWithItsOwnMemory_DisagreeWithOneEngine()
    {
        // The control: without the shared state, taking turns changes what the bot does.
        var alone = await RunAsync(_ => new InMemoryConversationStates(), engines: 1);
        var split = await RunAsync(_ => new InMemoryConversationStates(), engines: 2);

        split.Should().NotEqual(alone);
    }

    [Fact]
    public async Task StoredState_HoldsNoMessageTextAndNoAuthorIds()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await RunAsync(_ => new DatabaseConversationStates(database, _clock, NullLogger<DatabaseConversationStates>.Instance), engines: 2);

        await using var db = database.CreateDbContext();
        var state = (await db.ConversationStates.SingleAsync()).State;
        state.Should().NotContain("kutschool").And.NotContain("juf").And.NotContain("\"mark\"").And.NotContain("aylin");
        state.Should().Contain("\"Heat\"");
    }

    [Fact]
    public async Task ForgetAsync_DeletesTheSharedRow()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var states = new DatabaseConversationStates(database, _clock, NullLogger<DatabaseConversationStates>.Instance);
        var script = await ConversationScript.Groep5Async();
        var engine = new ConversationEngine(new LocalToneAnalyzer(), KlassenouderBot.School.SchoolSource.Fixed(ConversationScript.Sample), script.Links, states);
        await engine.ProcessAsync(Message(script.Conversation, 0, Thread[2]), CancellationToken.None);

        await engine.ForgetAsync(script.Conversation, CancellationToken.None);

        await using var db = database.CreateDbContext();
        (await db.ConversationStates.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task UpdateAsync_DatabaseGone_DecidesOnTheLocalCopy()
    {
        var database = await SqliteTestDatabase.CreateMigratedAsync();
        await database.DisposeAsync();
        var states = new DatabaseConversationStates(database, _clock, NullLogger<DatabaseConversationStates>.Instance);
        var script = await ConversationScript.Groep5Async();
        var engine = new ConversationEngine(new LocalToneAnalyzer(), KlassenouderBot.School.SchoolSource.Fixed(ConversationScript.Sample), script.Links, states);

        var outcome = await engine.ProcessAsync(Message(script.Conversation, 0, Thread[2]), CancellationToken.None);

        outcome.Assessment.Label.Should().Be(ToneLabel.Hurtful, "a database restart must not let a hurtful message through unassessed");
    }

    [Fact]
    public async Task RetentionService_DeletesStatesQuietForADay()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync(_clock);
        await RunAsync(_ => new DatabaseConversationStates(database, _clock, NullLogger<DatabaseConversationStates>.Instance), engines: 1);
        var retention = new RetentionService(database, Microsoft.Extensions.Options.Options.Create(new PrivacyOptions()), _clock, NullLogger<RetentionService>.Instance);

        _clock.Advance(TimeSpan.FromHours(25));
        await retention.DeleteExpiredAsync(CancellationToken.None);
        var afterADay = await CountAsync(database);
        _clock.Advance(TimeSpan.FromHours(2));
        await retention.DeleteExpiredAsync(CancellationToken.None);

        (afterADay, await CountAsync(database)).Should().Be((1, 0));
    }

    private static async Task<int> CountAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.ConversationStates.CountAsync();
    }

    /// <summary>Plays <see cref="Thread"/> round-robin over <paramref name="engines"/> engines; one line per message of what was decided.</summary>
    private static async Task<List<string>> RunAsync(Func<int, IConversationStates> states, int engines)
    {
        var script = await ConversationScript.Groep5Async();
        var instances = Enumerable.Range(0, engines)
            .Select(i => new ConversationEngine(new LocalToneAnalyzer(), KlassenouderBot.School.SchoolSource.Fixed(ConversationScript.Sample), script.Links, states(i)))
            .ToList();
        var decided = new List<string>();
        for (var i = 0; i < Thread.Length; i++)
        {
            var outcome = await instances[i % engines].ProcessAsync(Message(script.Conversation, i, Thread[i]), CancellationToken.None);
            decided.Add($"{outcome.Level} {outcome.Heat} {string.Join(",", outcome.Interventions.Select(x => $"{x.Kind}>{x.RecipientLabel}"))}");
        }

        return decided;
    }

    private static ChatMessage Message(ConversationRef conversation, int index, (string Author, string Text, int Minute) line) => new()
    {
        Id = $"m{index}",
        Conversation = conversation,
        Author = new ChatUser(line.Author.ToLowerInvariant(), line.Author),
        Text = line.Text,
        Timestamp = ConversationScript.Start.AddMinutes(line.Minute),
    };
}
