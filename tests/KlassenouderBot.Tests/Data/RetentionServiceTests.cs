using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Tests.Data;

public sealed class RetentionServiceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task DeleteExpiredAsync_OldAndNewRecords_DeletesOnlyOldInterventionsAndOldHandledAlerts()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var now = _clock.GetUtcNow();
        var old = now.AddDays(-31);
        var recent = now.AddDays(-29);
        await using (var db = database.CreateDbContext())
        {
            db.Interventions.AddRange(Intervention(old, "old"), Intervention(recent, "recent"));
            db.Alerts.AddRange(
                Alert(old, AlertStatus.Resolved, "old-resolved"),
                Alert(old, AlertStatus.FalseAlarm, "old-false-alarm"),
                Alert(old, AlertStatus.Claimed, "old-claimed"),
                Alert(old, AlertStatus.Open, "old-open"),
                Alert(recent, AlertStatus.Resolved, "recent-resolved"));
            await db.SaveChangesAsync();
        }

        var result = await CreateSut(database, retentionDays: 30).DeleteExpiredAsync(CancellationToken.None);

        result.Should().Be(new RetentionResult(Interventions: 1, Alerts: 3));
        await using var check = database.CreateDbContext();
        (await check.Interventions.Select(i => i.Topic).ToListAsync()).Should().Equal("recent");
        (await check.Alerts.Select(a => a.Topic).ToListAsync()).Should().BeEquivalentTo("old-open", "recent-resolved");
    }

    [Fact]
    public async Task DeleteExpiredAsync_ClockMovesOn_DeletesWhatHasBecomeOld()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateDbContext())
        {
            db.Interventions.Add(Intervention(_clock.GetUtcNow(), "today"));
            await db.SaveChangesAsync();
        }

        var sut = CreateSut(database, retentionDays: 7);
        (await sut.DeleteExpiredAsync(CancellationToken.None)).Interventions.Should().Be(0);
        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        var result = await sut.DeleteExpiredAsync(CancellationToken.None);

        result.Interventions.Should().Be(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3651)]
    public void Validate_RetentionDaysOutOfRange_Fails(int days)
    {
        var result = new PrivacyOptionsValidator().Validate(null, new PrivacyOptions { RetentionDays = days });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("RetentionDays");
    }

    private RetentionService CreateSut(SqliteTestDatabase database, int retentionDays) =>
        new(database, Options.Create(new PrivacyOptions { RetentionDays = retentionDays }), _clock, NullLogger<RetentionService>.Instance);

    private static InterventionRecord Intervention(DateTimeOffset createdAt, string topic) => new()
    {
        Id = Guid.NewGuid(),
        Kind = InterventionKind.GroupMessage,
        ConversationKey = "Discord:1",
        RecipientLabel = "groep",
        Topic = topic,
        CreatedAt = createdAt,
        Attempts = 1,
    };

    private static AlertRecord Alert(DateTimeOffset createdAt, AlertStatus status, string topic)
    {
        var alert = SchemaAgreementTests.NewAlert(createdAt, topic);
        alert.Status = status;
        return alert;
    }
}
