using KlassenouderBot.School;
using KlassenouderBot.Alerts;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;
using KlassenouderBot.Tests.Data;
using KlassenouderBot.Tests.Fakes;
using KlassenouderBot.Tests.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Alerts;

public sealed class AlertActionsTests
{
    private static readonly ChatUser Naima = new("29:naima", "Naima Bouzid") { AadObjectId = "aad-naima" };
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task ApplyAsync_Claim_StoresWhoAndWhenWithAnAuditEntry()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var id = await StoreAlertAsync(database);

        var view = await CreateSut(database).ApplyAsync(new AlertAction(id.ToString(), AlertChoice.Claim, Naima), CancellationToken.None);

        view!.Status.Should().Be(AlertViewStatus.Claimed);
        view.HandledBy.Should().Be("Naima Bouzid");
        await using var db = database.CreateDbContext();
        var alert = await db.Alerts.SingleAsync();
        alert.Status.Should().Be(AlertStatus.Claimed);
        alert.HandledAt.Should().Be(_clock.GetUtcNow());
        var audit = await db.AuditEntries.SingleAsync();
        audit.Action.Should().Be("alert.claimed");
        audit.TargetId.Should().Be(id.ToString());
    }

    [Fact]
    public async Task ApplyAsync_FalseAlarm_IsStoredForTheFalseAlarmRate()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var id = await StoreAlertAsync(database);

        await CreateSut(database).ApplyAsync(new AlertAction(id.ToString(), AlertChoice.FalseAlarm, Naima), CancellationToken.None);

        await using var db = database.CreateDbContext();
        (await db.Alerts.SingleAsync()).Status.Should().Be(AlertStatus.FalseAlarm);
    }

    [Fact]
    public async Task ApplyAsync_SecondPress_KeepsTheFirstAnswer()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var id = await StoreAlertAsync(database);
        var sut = CreateSut(database);
        await sut.ApplyAsync(new AlertAction(id.ToString(), AlertChoice.Claim, Naima), CancellationToken.None);

        var view = await sut.ApplyAsync(new AlertAction(id.ToString(), AlertChoice.FalseAlarm, new ChatUser("29:tom", "Tom Veenstra")), CancellationToken.None);

        view!.Status.Should().Be(AlertViewStatus.Claimed);
        view.HandledBy.Should().Be("Naima Bouzid");
        await using var db = database.CreateDbContext();
        (await db.AuditEntries.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task ApplyAsync_TwoPressesAtOnce_ExactlyOneAnswerIsStored()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var id = await StoreAlertAsync(database);
        var sut = CreateSut(database);
        var tom = new ChatUser("29:tom", "Tom Veenstra");

        var views = await Task.WhenAll(
            sut.ApplyAsync(new AlertAction(id.ToString(), AlertChoice.Claim, Naima), CancellationToken.None),
            sut.ApplyAsync(new AlertAction(id.ToString(), AlertChoice.FalseAlarm, tom), CancellationToken.None));

        await using var db = database.CreateDbContext();
        (await db.AuditEntries.CountAsync()).Should().Be(1);
        var alert = await db.Alerts.SingleAsync();
        views.Should().OnlyContain(v => v!.HandledBy == alert.HandledBy, "both cards show the one answer that was stored");
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("0191a5b2-0000-7000-8000-000000000000")]
    public async Task ApplyAsync_UnknownAlert_ReturnsNull(string alertId)
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();

        var view = await CreateSut(database).ApplyAsync(new AlertAction(alertId, AlertChoice.Claim, Naima), CancellationToken.None);

        view.Should().BeNull();
    }

    [Fact]
    public async Task ApplyAsync_View_ShowsTimesInTheSchoolsZone()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var id = await StoreAlertAsync(database);

        var view = await CreateSut(database).ApplyAsync(new AlertAction(id.ToString(), AlertChoice.Claim, Naima), CancellationToken.None);

        view!.WindowStart.Offset.Should().Be(TimeSpan.FromHours(1), "Amsterdam is UTC+1 in March before the switch");
        view.LevelLabel.Should().Be("Geëscaleerd");
    }

    private AlertActions CreateSut(SqliteTestDatabase database) =>
        new(database, SchoolSource.Fixed(ConversationScript.Sample), _clock, NullLogger<AlertActions>.Instance);

    private async Task<Guid> StoreAlertAsync(SqliteTestDatabase database)
    {
        var id = Guid.CreateVersion7(_clock.GetUtcNow());
        await using var db = database.CreateDbContext();
        db.Alerts.Add(new AlertRecord
        {
            Id = id,
            ConversationKey = "Teams:19:klas5@thread.v2",
            Groep = "5",
            Level = EscalationLevel.Escalated,
            Severe = false,
            ParentCount = 3,
            Topic = "leerkracht",
            WindowStart = _clock.GetUtcNow().AddMinutes(-20),
            WindowEnd = _clock.GetUtcNow(),
            Summary = "Drie ouders reageren fel op elkaar over de leerkracht.",
            SuggestedStep = "Stuur de ouders een privébericht en verwijs naar de leerkracht.",
            Signals = "insult,gang_up",
            RecipientLabel = "Naima",
            CreatedAt = _clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return id;
    }
}
