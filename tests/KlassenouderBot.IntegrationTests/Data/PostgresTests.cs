using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Outbox;
using KlassenouderBot.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.IntegrationTests.Data;

/// <summary>The storage round trip against a real PostgreSQL (see <see cref="PostgresFactAttribute"/>).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTests : PostgresSchemaTest
{
    [PostgresFact]
    public async Task MigrateAsync_FreshSchema_AppliesOnceAndIsIdempotent()
    {
        var sut = Database.CreateMigrator();

        var first = await sut.MigrateAsync(CancellationToken.None);
        var second = await sut.MigrateAsync(CancellationToken.None);

        var scripts = MigrationScripts.For(StorageProvider.Postgres);
        first.Should().Be(scripts.Count);
        second.Should().Be(0);
        var versions = await Database.QueryAsync(r => r.GetInt32(0), "SELECT version FROM schema_migrations ORDER BY version");
        versions.Should().Equal(scripts.Select(s => s.Version));
    }

    [PostgresFact]
    public async Task ProcessedMessages_TwoInstancesClaimTheSameMessage_OnlyOneWins()
    {
        await Database.CreateMigrator().MigrateAsync(CancellationToken.None);
        var message = new ChatMessage
        {
            Id = "a-1",
            Conversation = new ConversationRef(Platform.Teams, "19:groep5"),
            Author = new ChatUser("u-1", "Sanne"),
            Text = "Die juf is waardeloos",
            Timestamp = TimeProvider.System.GetUtcNow(),
        };

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            new DatabaseProcessedMessages(Database, TimeProvider.System, NullLogger<DatabaseProcessedMessages>.Instance).TryClaimAsync(message, CancellationToken.None).AsTask()));

        claims.Count(c => c).Should().Be(1);
    }

    [PostgresFact]
    public async Task MigrateAsync_TwoInstancesAtOnce_ApplyEachScriptOnce()
    {
        var results = await Task.WhenAll(
            Task.Run(() => Database.CreateMigrator().MigrateAsync(CancellationToken.None)),
            Task.Run(() => Database.CreateMigrator().MigrateAsync(CancellationToken.None)));

        results.Sum().Should().Be(MigrationScripts.For(StorageProvider.Postgres).Count);
    }

    [PostgresFact]
    public async Task Scripts_AfterMigration_MatchTheModelsColumnsAndNullability()
    {
        await Database.CreateMigrator().MigrateAsync(CancellationToken.None);
        await using var db = Database.CreateDbContext();

        var columns = await Database.QueryAsync(
            r => (Table: r.GetString(0), Column: r.GetString(1), Nullable: r.GetString(2) == "YES"),
            $"SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = '{Database.Schema}' AND table_name <> 'schema_migrations'");

        var expected = db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.Columns.Select(c => (Table: t.Name, Column: c.Name, Nullable: c.IsNullable)));
        columns.Should().BeEquivalentTo(expected);
    }

    [PostgresFact]
    public async Task EveryEntity_InsertedThroughEf_ReadsBackAsTheSameInstant()
    {
        await Database.CreateMigrator().MigrateAsync(CancellationToken.None);
        var at = new DateTimeOffset(2025, 3, 10, 9, 30, 15, TimeSpan.FromHours(1)).AddTicks(1230); // timestamptz keeps microseconds
        var alert = NewAlert(at, AlertStatus.FalseAlarm);
        await using (var db = Database.CreateDbContext())
        {
            db.AddRange(
                new ConversationLink { Platform = Platform.Teams, ConversationId = "19:x", Groep = "5", LinkedAt = at },
                new InterventionRecord
                {
                    Id = Guid.NewGuid(), Kind = InterventionKind.GroupMessage, ConversationKey = "Teams:19:x", RecipientLabel = "groep",
                    Topic = "t", CreatedAt = at, Attempts = 1,
                },
                alert,
                new AuditEntry { Id = Guid.NewGuid(), Actor = "a", Action = "alert.claimed", TargetType = "alert", TargetId = "1", OccurredAt = at });
            await db.SaveChangesAsync();
        }

        await using (var db = Database.CreateDbContext())
        {
            (await db.ConversationLinks.SingleAsync()).LinkedAt.Should().Be(at);
            (await db.Interventions.SingleAsync()).CreatedAt.Should().Be(at);
            (await db.Alerts.SingleAsync()).Should().BeEquivalentTo(alert);
            (await db.AuditEntries.SingleAsync()).OccurredAt.Should().Be(at);
        }
    }

    [PostgresFact]
    public async Task PersistingSink_AlertDelivered_StoredWithOutcome()
    {
        await Database.CreateMigrator().MigrateAsync(CancellationToken.None);
        var links = new EfConversationLinks(Database, TimeProvider.System);
        var conversation = new ConversationRef(Platform.Discord, "555");
        await links.LinkAsync(conversation, "6", CancellationToken.None);
        var sender = new OkChatSender();
        var sut = new InterventionOutbox(
            Database, new ChatSenderInterventionSink([sender]), TimeProvider.System, NullLogger<InterventionOutbox>.Instance);

        await sut.DeliverAsync(Trigger(conversation), Alert(), CancellationToken.None);
        await sut.WhenIdleAsync();

        (await links.GetGroepAsync(conversation, CancellationToken.None)).Should().Be("6");
        await using var db = Database.CreateDbContext();
        var stored = await db.Alerts.SingleAsync();
        stored.Groep.Should().Be("6");
        stored.DeliveredAt.Should().NotBeNull();
        stored.Excerpts.Should().BeNull();
        sender.AlertIds.Should().Equal(stored.Id.ToString());
        (await db.Interventions.SingleAsync()).DeliveredAt.Should().Be(stored.DeliveredAt);
    }

    [PostgresFact]
    public async Task Retention_OldHandledAlertsAndInterventions_Deleted()
    {
        await Database.CreateMigrator().MigrateAsync(CancellationToken.None);
        var now = TimeProvider.System.GetUtcNow();
        await using (var db = Database.CreateDbContext())
        {
            db.Alerts.AddRange(NewAlert(now.AddDays(-40), AlertStatus.Resolved), NewAlert(now.AddDays(-40), AlertStatus.Open), NewAlert(now, AlertStatus.Resolved));
            await db.SaveChangesAsync();
        }

        var sut = new RetentionService(Database, Options.Create(new PrivacyOptions()), TimeProvider.System, NullLogger<RetentionService>.Instance);

        var result = await sut.DeleteExpiredAsync(CancellationToken.None);

        result.Alerts.Should().Be(1);
        await using var check = Database.CreateDbContext();
        (await check.Alerts.CountAsync()).Should().Be(2);
    }

    private static AlertRecord NewAlert(DateTimeOffset createdAt, AlertStatus status) => new()
    {
        Id = Guid.NewGuid(),
        ConversationKey = "Teams:19:x",
        Groep = "5",
        Level = EscalationLevel.Heated,
        Severe = true,
        ParentCount = 2,
        Topic = "schoolreis",
        WindowStart = createdAt.AddMinutes(-10),
        WindowEnd = createdAt,
        Summary = "Twee ouders reageren fel.",
        SuggestedStep = "Bel.",
        Signals = "threat",
        Excerpts = """["citaat"]""",
        RecipientLabel = "klassenouder",
        Status = status,
        HandledBy = "Marieke",
        HandledAt = createdAt.AddHours(1),
        CreatedAt = createdAt,
    };

    private static ChatMessage Trigger(ConversationRef conversation) => new()
    {
        Id = "m1",
        Conversation = conversation,
        Author = new ChatUser("u1", "Ouder"),
        Text = "tekst die niet bewaard wordt",
        Timestamp = DateTimeOffset.UnixEpoch,
    };

    private static Intervention Alert() => new(InterventionKind.Alert, "Er loopt iets op.")
    {
        RecipientLabel = "klassenouder",
        Topic = "schoolreis",
        Alert = new AlertDetails
        {
            Level = EscalationLevel.Escalated,
            Severe = false,
            ParentCount = 3,
            Topic = "schoolreis",
            WindowStart = DateTimeOffset.UnixEpoch,
            WindowEnd = DateTimeOffset.UnixEpoch.AddMinutes(5),
            Summary = "Drie ouders.",
            SuggestedStep = "Bel.",
            Signals = [SignalKind.Insult],
        },
    };

    private sealed class OkChatSender : IChatSender
    {
        public List<string?> AlertIds { get; } = [];

        public Platform Platform => Platform.Discord;

        public Task<SendResult> SendToConversationAsync(ConversationRef conversation, OutboundMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(SendResult.Ok());

        public Task<SendResult> SendPrivateAsync(ConversationRef conversation, ChatUser recipient, OutboundMessage message, CancellationToken cancellationToken)
        {
            AlertIds.Add(message.AlertId);
            return Task.FromResult(SendResult.Ok());
        }
    }
}
