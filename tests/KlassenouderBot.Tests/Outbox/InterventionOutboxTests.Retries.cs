using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Outbox;
using KlassenouderBot.Platforms;
using KlassenouderBot.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KlassenouderBot.Tests.Outbox;

/// <summary>Failed sends tried again with back-off, dead letters, and what a crash leaves behind.</summary>
public sealed partial class InterventionOutboxTests
{
    private static OutboxOptions ThreeAttempts => Attempts(3);

    private static OutboxOptions Attempts(int maxAttempts) => new()
    {
        BaseDelay = TimeSpan.FromSeconds(10),
        MaxDelay = TimeSpan.FromSeconds(30),
        MaxAttempts = maxAttempts,
        Lease = TimeSpan.FromSeconds(90),
    };

    [Fact]
    public async Task SendDueAsync_AfterAFailedSend_TriesAgainWhenTheBackOffHasPassedAndOnlyThen()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var responses = new Queue<SendResult>([SendResult.Failed("connector 500"), SendResult.Ok("m1")]);
        var sender = new ScriptedChatSender(() => Task.FromResult(responses.Dequeue()));
        var sut = CreateSut(database, sender, ThreeAttempts);

        await sut.DeliverAndSettleAsync(Trigger(), Alert(excerpts: []));
        _clock.Advance(TimeSpan.FromSeconds(9));
        var early = await sut.SendDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var due = await sut.SendDueAsync(CancellationToken.None);
        var again = await sut.SendDueAsync(CancellationToken.None);

        (early, due, again).Should().Be((0, 1, 0));
        sender.Sent.Should().HaveCount(2);
        sender.Sent.Select(m => m.IdempotencyKey).Distinct().Should().ContainSingle("every attempt at one delivery carries the same key");
        await using var db = database.CreateDbContext();
        var record = await db.Interventions.SingleAsync();
        record.Should().BeEquivalentTo(new { Attempts = 2, FailureReason = (string?)null, PendingDelivery = (string?)null, LeaseUntil = (DateTimeOffset?)null, AttemptStartedAt = (DateTimeOffset?)null });
        record.DeliveredAt.Should().Be(_clock.GetUtcNow());
        (await db.Alerts.SingleAsync()).DeliveredAt.Should().Be(_clock.GetUtcNow(), "the inbox shows the alert arrived");
    }

    [Fact]
    public async Task SendDueAsync_EveryAttemptFails_BacksOffDoublingUpToTheMaximumThenDeadLetters()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sender = new ScriptedChatSender(() => Task.FromResult(SendResult.Failed("connector 503")));
        var sut = CreateSut(database, sender, Attempts(4));

        await sut.DeliverAndSettleAsync(Trigger(), Alert(excerpts: []));
        var waits = new List<TimeSpan>();
        for (var round = 0; round < 3; round++)
        {
            await using var db = database.CreateDbContext();
            var next = (await db.Interventions.SingleAsync()).SendAfter!.Value;
            waits.Add(next - _clock.GetUtcNow());
            _clock.SetUtcNow(next);
            (await sut.SendDueAsync(CancellationToken.None)).Should().Be(1);
        }

        _clock.Advance(TimeSpan.FromHours(1));
        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(0, "a dead letter is not tried again by itself");

        waits.Should().Equal(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
        sender.Sent.Should().HaveCount(4);
        await using var after = database.CreateDbContext();
        var record = await after.Interventions.SingleAsync();
        record.DeadLetteredAt.Should().NotBeNull();
        record.FailureReason.Should().Be("connector 503");
        record.PendingDelivery.Should().NotBeNull("an alert can still be sent again from the admin app");
    }

    [Fact]
    public async Task DeliverAsync_RecipientNotInTheChat_IsADeadLetterAtOnceWithItsReason()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sender = new ScriptedChatSender(() => Task.FromResult(SendResult.Undeliverable("recipient not found")));
        var sut = CreateSut(database, sender, Attempts(12));

        await sut.DeliverAndSettleAsync(Trigger(), Alert(excerpts: []));
        _clock.Advance(TimeSpan.FromHours(2));
        var retried = await sut.SendDueAsync(CancellationToken.None);

        retried.Should().Be(0, "no retry can put the class parent in the chat");
        sender.Sent.Should().ContainSingle();
        await using var db = database.CreateDbContext();
        var record = await db.Interventions.SingleAsync();
        record.Should().BeEquivalentTo(new { Attempts = 1, FailureReason = "recipient not found", LeaseUntil = (DateTimeOffset?)null });
        record.DeadLetteredAt.Should().NotBeNull("the school sees it under Bezorging straight away");
        record.PendingDelivery.Should().NotBeNull("once the class parent is in the chat, the school can send it again");
        (await db.Alerts.SingleAsync()).FailureReason.Should().Be("recipient not found");
    }

    [Fact]
    public async Task RetryAsync_AfterARecipientWasMissing_SendsOnceMore()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var responses = new Queue<SendResult>([SendResult.Undeliverable("recipient not found"), SendResult.Ok("m1")]);
        var sender = new ScriptedChatSender(() => Task.FromResult(responses.Dequeue()));
        var sut = CreateSut(database, sender, Attempts(12));
        await sut.DeliverAndSettleAsync(Trigger(), Alert(excerpts: []));
        await using (var db = database.CreateDbContext())
        {
            (await sut.RetryAsync((await db.Interventions.SingleAsync()).Id, CancellationToken.None)).Should().BeTrue();
        }

        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(1);

        await using var after = database.CreateDbContext();
        (await after.Interventions.SingleAsync()).DeliveredAt.Should().NotBeNull();
        sender.Sent.Should().HaveCount(2);
    }

    [Fact]
    public async Task RetryAsync_DeadLetter_IsDueAgainWithFreshAttempts()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var responses = new Queue<SendResult>([SendResult.Failed("connector 503"), SendResult.Ok()]);
        var sender = new ScriptedChatSender(() => Task.FromResult(responses.Dequeue()));
        var sut = CreateSut(database, sender, Attempts(1));
        await sut.DeliverAndSettleAsync(Trigger(), Alert(excerpts: []));
        var id = await SingleIdAsync(database);

        (await sut.RetryAsync(id, CancellationToken.None)).Should().BeTrue();
        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(1);
        (await sut.RetryAsync(id, CancellationToken.None)).Should().BeFalse("it was delivered");

        sender.Sent.Should().HaveCount(2);
        await using var db = database.CreateDbContext();
        (await db.Interventions.SingleAsync()).Should().BeEquivalentTo(new { DeadLetteredAt = (DateTimeOffset?)null, Attempts = 1 });
    }

    [Fact]
    public async Task DismissAsync_DeadLetter_DropsWhatWasKeptAndCannotBeRetried()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = CreateSut(database, new ScriptedChatSender(() => Task.FromResult(SendResult.Failed("connector 503"))), Attempts(1));
        await sut.DeliverAndSettleAsync(Trigger(), Alert(excerpts: []));
        var id = await SingleIdAsync(database);

        (await sut.DismissAsync(id, CancellationToken.None)).Should().BeTrue();
        (await sut.DismissAsync(id, CancellationToken.None)).Should().BeFalse("already dismissed");
        (await sut.RetryAsync(id, CancellationToken.None)).Should().BeFalse();

        await using var db = database.CreateDbContext();
        var record = await db.Interventions.SingleAsync();
        record.DismissedAt.Should().Be(_clock.GetUtcNow());
        record.PendingDelivery.Should().BeNull();
    }

    [Fact]
    public async Task DeadLetter_PrivateNudge_KeepsNoAddressOfTheParent()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = CreateSut(database, new ScriptedChatSender(() => Task.FromResult(SendResult.Failed("dm closed"))), Attempts(1));

        await sut.DeliverAndSettleAsync(Trigger(), Nudge());

        await using var db = database.CreateDbContext();
        var record = await db.Interventions.SingleAsync();
        record.DeadLetteredAt.Should().NotBeNull();
        record.PendingDelivery.Should().BeNull("a late nudge helps nobody, and its address is a parent's account");
        (await DumpAllTextAsync(database)).Should().NotContain("u-sanne").And.NotContain("Sanne,");
    }

    [Fact]
    public async Task PendingNudge_StoredForRetry_KeepsTheRecipientButNotTheParentsMessage()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sut = CreateSut(database, new ScriptedChatSender(() => Task.FromResult(SendResult.Failed("connector 500"))), ThreeAttempts);

        await sut.DeliverAndSettleAsync(Trigger(), Nudge() with { Recipient = null });

        await using var db = database.CreateDbContext();
        var pending = (await db.Interventions.SingleAsync()).PendingDelivery;
        pending.Should().Contain("u-sanne", "the retry must reach the author").And.NotContain("waardeloze");
    }

    [Fact]
    public async Task SendDueAsync_InstanceKilledAfterStoringBeforeSending_SendsOnceWhenTheLeaseRunsOut()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sender = new ScriptedChatSender(() => Task.FromResult(SendResult.Ok()));
        var sut = CreateSut(database, sender, ThreeAttempts);
        await StoreAsIfKilledAsync(database, attemptStarted: false);

        _clock.Advance(TimeSpan.FromSeconds(89));
        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(0, "its owner may still be sending");
        _clock.Advance(TimeSpan.FromSeconds(2));
        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(1);
        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(0);

        sender.Sent.Should().ContainSingle().Which.AlertId.Should().NotBeNull();
    }

    [Fact]
    public async Task SendDueAsync_InstanceKilledDuringATeamsSend_DeadLettersInDoubtInsteadOfSendingTwice()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sender = new ScriptedChatSender(() => Task.FromResult(SendResult.Ok()));
        var sut = CreateSut(database, sender, ThreeAttempts);
        await StoreAsIfKilledAsync(database, attemptStarted: true);

        _clock.Advance(TimeSpan.FromSeconds(91));
        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(1);

        sender.Sent.Should().BeEmpty("Teams cannot tell a resend from a new message");
        await using var db = database.CreateDbContext();
        var record = await db.Interventions.SingleAsync();
        record.DeadLetteredAt.Should().NotBeNull();
        record.FailureReason.Should().Be(InterventionOutbox.InDoubtReason);
        record.PendingDelivery.Should().NotBeNull("the school admin can still choose to send it");
    }

    [Fact]
    public async Task SendDueAsync_InstanceKilledDuringADiscordSend_ResendsWithTheSameNonce()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sender = new ScriptedChatSender(() => Task.FromResult(SendResult.Ok()), Platform.Discord);
        var sut = CreateSut(database, sender, ThreeAttempts);
        await sut.DeliverAndSettleAsync(Trigger(Platform.Discord), Alert(excerpts: []));
        var firstKey = sender.Sent.Single().IdempotencyKey;
        var id = await SingleIdAsync(database);
        await using (var db = database.CreateDbContext())
        {
            // What a kill during the send leaves: the attempt started, the lease held, no outcome.
            await db.Interventions.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.DeliveredAt, (DateTimeOffset?)null)
                .SetProperty(i => i.PendingDelivery, PendingDelivery.For(Trigger(Platform.Discord), Alert(excerpts: [])).Write())
                .SetProperty(i => i.AttemptStartedAt, _clock.GetUtcNow())
                .SetProperty(i => i.LeaseUntil, _clock.GetUtcNow().AddSeconds(90)));
        }

        _clock.Advance(TimeSpan.FromSeconds(91));
        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(1);

        sender.Sent.Should().HaveCount(2);
        sender.Sent[1].IdempotencyKey.Should().Be(firstKey).And.HaveLength(22, "Discord allows nonces of up to 25 characters");
    }

    [Fact]
    public async Task SendDueAsync_TwoInstancesAtOnce_SendEveryDeliveryOnce()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedFileAsync();
        var sent = 0;
        var sender = new ScriptedChatSender(async () =>
        {
            Interlocked.Increment(ref sent);
            await Task.Yield();
            return SendResult.Ok();
        });
        var first = CreateSut(database, sender, ThreeAttempts);
        var second = new InterventionOutbox(database, new ChatSenderInterventionSink([sender]), _clock, NullLogger<InterventionOutbox>.Instance, options: ThreeAttempts);
        for (var i = 0; i < 20; i++)
        {
            await StoreAsIfKilledAsync(database, attemptStarted: false);
        }

        _clock.Advance(TimeSpan.FromSeconds(91));
        var taken = await Task.WhenAll(first.SendDueAsync(CancellationToken.None), second.SendDueAsync(CancellationToken.None));

        taken.Sum().Should().Be(20);
        sent.Should().Be(20);
    }

    [Fact]
    public async Task SendDueAsync_UnreadableDelivery_BecomesADeadLetterNotAnError()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var sender = new ScriptedChatSender(() => Task.FromResult(SendResult.Ok()));
        var sut = CreateSut(database, sender, ThreeAttempts);
        await StoreAsIfKilledAsync(database, attemptStarted: false, payload: "{not json");

        _clock.Advance(TimeSpan.FromSeconds(91));
        (await sut.SendDueAsync(CancellationToken.None)).Should().Be(1);

        sender.Sent.Should().BeEmpty();
        await using var db = database.CreateDbContext();
        (await db.Interventions.SingleAsync()).FailureReason.Should().Be("unreadable delivery");
    }

    /// <summary>A delivery as an instance killed at that moment leaves it: stored and leased, the attempt maybe started.</summary>
    private async Task StoreAsIfKilledAsync(SqliteTestDatabase database, bool attemptStarted, string? payload = null)
    {
        var now = _clock.GetUtcNow();
        await using var db = database.CreateDbContext();
        db.Interventions.Add(new InterventionRecord
        {
            Id = Guid.NewGuid(),
            Kind = InterventionKind.Alert,
            ConversationKey = "Teams:19:groep5",
            RecipientLabel = "Marieke (klassenouder)",
            Topic = "schoolreis",
            CreatedAt = now,
            Attempts = attemptStarted ? 1 : 0,
            SendAfter = now,
            LeaseUntil = now.AddSeconds(90),
            AttemptStartedAt = attemptStarted ? now : null,
            PendingDelivery = payload ?? PendingDelivery.For(Trigger(), Alert(excerpts: [])).Write(),
        });
        await db.SaveChangesAsync();
    }

    private static async Task<Guid> SingleIdAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await db.Interventions.SingleAsync()).Id;
    }
}
