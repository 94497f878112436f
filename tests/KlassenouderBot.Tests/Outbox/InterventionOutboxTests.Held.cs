using KlassenouderBot.Moderation;
using KlassenouderBot.Outbox;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using KlassenouderBot.Tests.Data;
using KlassenouderBot.Tests.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Outbox;

/// <summary>Alerts held through the school's quiet hours: stored at once, sent once when the hours end.</summary>
public sealed partial class InterventionOutboxTests
{
    private static readonly DateTimeOffset HalfPastElevenInAmsterdam = new(2025, 3, 10, 22, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task DeliverAsync_AlertInQuietHoursWithHolding_StoredNowSentOnceAtSix()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sender = new ScriptedChatSender(() => Task.FromResult(SendResult.Ok("m1")));
        _clock.SetUtcNow(HalfPastElevenInAmsterdam);
        var sut = CreateHoldingSut(database, sender, hold: true);

        await sut.DeliverAndSettleAsync(Trigger(), NotSevere());

        sender.Sent.Should().BeEmpty("the class parent's phone stays quiet till six");
        await using (var db = database.CreateDbContext())
        {
            var record = await db.Interventions.SingleAsync();
            record.SendAfter.Should().Be(new DateTimeOffset(2025, 3, 11, 5, 0, 0, TimeSpan.Zero), "06:00 in Amsterdam");
            record.PendingDelivery.Should().NotContain(ParentText);
            (await db.Alerts.SingleAsync()).Status.Should().Be(KlassenouderBot.Data.Entities.AlertStatus.Open, "the admin app's inbox has it at once");
        }

        _clock.SetUtcNow(new DateTimeOffset(2025, 3, 11, 4, 59, 0, TimeSpan.Zero));
        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(0);
        _clock.SetUtcNow(new DateTimeOffset(2025, 3, 11, 5, 0, 30, TimeSpan.Zero));
        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(1);
        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(0, "a held alert goes out once");

        sender.Sent.Should().ContainSingle().Which.AlertId.Should().NotBeNull();
        await using var after = database.CreateDbContext();
        var sent = await after.Interventions.SingleAsync();
        sent.DeliveredAt.Should().NotBeNull();
        sent.PendingDelivery.Should().BeNull("what was needed to send it is gone once sent");
        (await after.Alerts.SingleAsync()).DeliveredAt.Should().NotBeNull();
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task DeliverAsync_SevereOrNotHolding_SentAtOnceAtNight(bool hold, bool severe)
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sender = new ScriptedChatSender(() => Task.FromResult(SendResult.Ok("m1")));
        _clock.SetUtcNow(HalfPastElevenInAmsterdam);
        var sut = CreateHoldingSut(database, sender, hold);

        await sut.DeliverAndSettleAsync(Trigger(), severe ? Alert(excerpts: []) : NotSevere());

        sender.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task DeliverAsync_AlertInTheDaytimeWithHolding_SentAtOnce()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sender = new ScriptedChatSender(() => Task.FromResult(SendResult.Ok("m1")));
        var sut = CreateHoldingSut(database, sender, hold: true);

        await sut.DeliverAndSettleAsync(Trigger(), NotSevere());

        sender.Sent.Should().ContainSingle();
    }

    private static Intervention NotSevere()
    {
        var alert = Alert(excerpts: []);
        return alert with { Alert = alert.Alert! with { Severe = false } };
    }

    private InterventionOutbox CreateHoldingSut(SqliteTestDatabase database, ScriptedChatSender sender, bool hold)
    {
        _ = CreateSut(database, sender);
        var school = ConversationScript.Sample with { Settings = new SchoolSettings { HoldAlertsInQuietHours = hold } };
        return new InterventionOutbox(
            database, new ChatSenderInterventionSink([sender]), _clock, NullLogger<InterventionOutbox>.Instance, SchoolSource.Fixed(school));
    }
}
