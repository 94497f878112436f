using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Outbox;
using KlassenouderBot.Platforms;
using KlassenouderBot.Tests.Data;
using KlassenouderBot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Outbox;

public sealed partial class InterventionOutboxTests
{
    private const string ParentText = "Wat een waardeloze juf, echt belachelijk";

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task DeliverAsync_Nudge_IsStoredBeforeItIsSent()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        List<InterventionRecord>? seenDuringSend = null;
        var sender = new ScriptedChatSender(async () =>
        {
            await using var db = database.CreateDbContext();
            seenDuringSend = await db.Interventions.ToListAsync();
            return SendResult.Ok("m1");
        });
        var sut = CreateSut(database, sender);

        await sut.DeliverAndSettleAsync(Trigger(), Nudge());

        seenDuringSend.Should().ContainSingle();
        seenDuringSend![0].DeliveredAt.Should().BeNull();
        seenDuringSend[0].Attempts.Should().Be(1);
        sender.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task DeliverAsync_Delivered_MarksDeliveredAtAndStoresNoTextOrParentName()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = CreateSut(database, new ScriptedChatSender(() =>
        {
            _clock.Advance(TimeSpan.FromSeconds(2));
            return Task.FromResult(SendResult.Ok());
        }));

        await sut.DeliverAndSettleAsync(Trigger(), Nudge());

        await using var db = database.CreateDbContext();
        var record = await db.Interventions.SingleAsync();
        record.Kind.Should().Be(InterventionKind.PrivateNudge);
        record.ConversationKey.Should().Be("Teams:19:groep5");
        record.Groep.Should().Be("5", "the conversation is linked to groep 5");
        record.RecipientLabel.Should().Be(InterventionOutbox.NudgeRecipientLabel);
        record.Topic.Should().Be("leerkracht");
        record.CreatedAt.Should().Be(new DateTimeOffset(2025, 3, 10, 8, 0, 0, TimeSpan.Zero));
        record.DeliveredAt.Should().Be(record.CreatedAt.AddSeconds(2));
        record.FailureReason.Should().BeNull();
        var dump = await DumpAllTextAsync(database);
        dump.Should().NotContain("waardeloze").And.NotContain("Sanne").And.NotContain("Hoi Sanne");
    }

    [Fact]
    public async Task DeliverAsync_SenderThrows_RecordsFailureAndDoesNotThrow()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = CreateSut(database, new ScriptedChatSender(() => throw new HttpRequestException("500 from " + ParentText)));

        var act = () => sut.DeliverAndSettleAsync(Trigger(), Nudge());

        await act.Should().NotThrowAsync();
        await using var db = database.CreateDbContext();
        var record = await db.Interventions.SingleAsync();
        record.DeliveredAt.Should().BeNull();
        record.FailureReason.Should().Be("exception: HttpRequestException");
    }

    [Fact]
    public async Task DeliverAsync_PlatformRefuses_RecordsItsReason()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = CreateSut(database, new ScriptedChatSender(() => Task.FromResult(SendResult.Failed("direct messages closed"))));

        await sut.DeliverAndSettleAsync(Trigger(), Alert(excerpts: []));

        await using var db = database.CreateDbContext();
        (await db.Interventions.SingleAsync()).FailureReason.Should().Be("direct messages closed");
        var alert = await db.Alerts.SingleAsync();
        alert.FailureReason.Should().Be("direct messages closed");
        alert.DeliveredAt.Should().BeNull();
    }

    [Fact]
    public async Task DeliverAsync_Alert_StoresAlertWithTheIdItSends()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sender = new ScriptedChatSender(() => Task.FromResult(SendResult.Ok()));
        var sut = CreateSut(database, sender);

        await sut.DeliverAndSettleAsync(Trigger(), Alert(excerpts: []));

        await using var db = database.CreateDbContext();
        var alert = await db.Alerts.SingleAsync();
        sender.Sent.Single().AlertId.Should().Be(alert.Id.ToString());
        (await db.Interventions.SingleAsync()).Id.Should().Be(alert.Id);
        alert.Should().BeEquivalentTo(new
        {
            ConversationKey = "Teams:19:groep5",
            Groep = "5",
            Level = EscalationLevel.Escalated,
            Severe = true,
            ParentCount = 3,
            Topic = "schoolreis",
            Signals = "insult,gang_up",
            Excerpts = (string?)null,
            RecipientLabel = "Marieke (klassenouder)",
            Status = AlertStatus.Open,
            DeliveredAt = _clock.GetUtcNow(),
        });
    }

    [Fact]
    public async Task DeliverAsync_AlertWithExcerpts_StoresThemAsJson()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = CreateSut(database, new ScriptedChatSender(() => Task.FromResult(SendResult.Ok())));

        await sut.DeliverAndSettleAsync(Trigger(), Alert(excerpts: ["eerste, met komma", "tweede\nregel"]));

        await using var db = database.CreateDbContext();
        (await db.Alerts.SingleAsync()).Excerpts.Should().Be("""["eerste, met komma","tweede\nregel"]""");
    }

    [Fact]
    public async Task DeliverAsync_DatabaseMissing_StillSends()
    {
        await using var database = SqliteTestDatabase.CreateEmpty();
        var sender = new ScriptedChatSender(() => Task.FromResult(SendResult.Ok()));
        var sut = CreateSut(database, sender);

        var act = () => sut.DeliverAndSettleAsync(Trigger(), Alert(excerpts: []));

        await act.Should().NotThrowAsync();
        sender.Sent.Should().ContainSingle();
    }

    private InterventionOutbox CreateSut(SqliteTestDatabase database, ScriptedChatSender sender, OutboxOptions? options = null)
    {
        using (var db = database.CreateDbContext())
        {
            if (TableExists(database))
            {
                db.ConversationLinks.Add(new ConversationLink
                {
                    Platform = Platform.Teams, ConversationId = "19:groep5", Groep = "5", LinkedAt = _clock.GetUtcNow(),
                });
                db.SaveChanges();
            }
        }

        return new InterventionOutbox(
            database, new ChatSenderInterventionSink([sender]), _clock, NullLogger<InterventionOutbox>.Instance, options: options);
    }

    private static bool TableExists(SqliteTestDatabase database)
    {
        using var command = database.Connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'conversation_links'";
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    private static async Task<string> DumpAllTextAsync(SqliteTestDatabase database)
    {
        var parts = new List<string>();
        foreach (var table in new[] { "interventions", "alerts", "conversation_links", "audit_entries" })
        {
            parts.AddRange(await database.QueryAsync(
                r => string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : r.GetValue(i).ToString())),
                $"SELECT * FROM {table}"));
        }

        return string.Join('\n', parts);
    }

    private static ChatMessage Trigger(Platform platform = Platform.Teams) => new()
    {
        Id = "m-17",
        Conversation = new ConversationRef(platform, "19:groep5"),
        Author = new ChatUser("u-sanne", "Sanne"),
        Text = ParentText,
        Timestamp = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(1)),
    };

    private static Intervention Nudge() => new(InterventionKind.PrivateNudge, "Hoi Sanne, misschien fijn om dit met de juf zelf te bespreken?")
    {
        Recipient = new ChatUser("u-sanne", "Sanne"),
        RecipientLabel = "Sanne",
        Topic = "leerkracht",
    };

    private static Intervention Alert(IReadOnlyList<string> excerpts) => new(InterventionKind.Alert, "Er loopt een gesprek op in groep 5.")
    {
        RecipientLabel = "Marieke (klassenouder)",
        Topic = "schoolreis",
        Alert = new AlertDetails
        {
            Level = EscalationLevel.Escalated,
            Severe = true,
            ParentCount = 3,
            Topic = "schoolreis",
            WindowStart = new DateTimeOffset(2025, 3, 10, 8, 40, 0, TimeSpan.FromHours(1)),
            WindowEnd = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(1)),
            Summary = "Drie ouders reageren fel op elkaar.",
            SuggestedStep = "Bel de betrokken ouders.",
            Signals = [SignalKind.Insult, SignalKind.GangUp, SignalKind.Insult],
            Excerpts = excerpts,
        },
    };

    /// <summary>Answers every send with the given function and remembers what was sent.</summary>
    private sealed class ScriptedChatSender(Func<Task<SendResult>> respond, Platform platform = Platform.Teams) : IChatSender
    {
        public List<OutboundMessage> Sent { get; } = [];

        public Platform Platform => platform;

        /// <summary>Like Discord's nonce: this fake claims what the real Discord sender does.</summary>
        public bool DeduplicatesResends => platform == Platform.Discord;

        public Task<SendResult> SendToConversationAsync(ConversationRef conversation, OutboundMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return respond();
        }

        public Task<SendResult> SendPrivateAsync(ConversationRef conversation, ChatUser recipient, OutboundMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return respond();
        }
    }
}
