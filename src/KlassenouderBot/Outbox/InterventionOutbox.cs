using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text.Json;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Pipeline;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Outbox;

/// <summary>
/// The server's <see cref="IInterventionSink"/>: every nudge, group message and alert is written to the
/// database before it is sent and marked delivered after. A failed send is tried again with back-off by
/// <see cref="OutboxSender"/> until it is delivered or, after <see cref="OutboxOptions.MaxAttempts"/>, becomes
/// a dead letter the admin app shows.
/// </summary>
/// <remarks>
/// <para>
/// A delivery is owned by one instance at a time (a lease, taken with one conditional update), so with several
/// instances each is sent by one. Just before the send the attempt is marked as started; after a crash
/// (kill -9) a delivery with an expired lease and no started attempt was never sent and goes out, while one
/// whose attempt started may have arrived. Such a delivery is sent again only where the platform deduplicates
/// resends (Discord's nonce); otherwise (Teams) it becomes a dead letter "in doubt", so nobody is ever sent the
/// same thing twice, and the school admin decides.
/// </para>
/// <para>
/// What is stored to send later is the conversation's address and the intervention (for a private nudge the
/// parent's account), never a parent's message; it is cleared once delivered.
/// </para>
/// </remarks>
public sealed class InterventionOutbox(
    IDbContextFactory<BotDbContext> contextFactory,
    ChatSenderInterventionSink sender,
    TimeProvider timeProvider,
    ILogger<InterventionOutbox> logger,
    SchoolSource? school = null,
    OutboxOptions? options = null,
    BotMetrics? metrics = null) : IInterventionSink, IDisposable
{
    /// <summary>Sends at the same time at most, so that a backlog after an outage does not flood the platforms.</summary>
    private const int MaxConcurrentSends = 8;

    /// <summary>
    /// Stored instead of the parent's name for private nudges: a table of who was nudged about what
    /// would be the per-parent behaviour record the privacy design rules out.
    /// </summary>
    public const string NudgeRecipientLabel = "author";

    /// <summary>The dead letter's reason when an instance stopped while sending to a platform that cannot deduplicate.</summary>
    public const string InDoubtReason = "in doubt: the bot stopped while sending; it may have arrived";

    private readonly OutboxOptions _options = options ?? new();
    private readonly SemaphoreSlim _sendSlots = new(MaxConcurrentSends);
    private readonly ConcurrentDictionary<Guid, Task> _inFlight = new();
    private volatile bool _stopping;

    public async Task DeliverAsync(ChatMessage trigger, Intervention intervention, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var delivery = PendingDelivery.For(trigger, intervention);

        // An alert in the school's quiet hours waits in the database (the admin app's inbox has it now).
        var heldUntil = intervention.Kind == InterventionKind.Alert && intervention.Alert is not null ? HoldUntil(trigger, intervention, now) : null;

        // Owned by this instance from the start, unless it is held or the instance is stopping: then nobody owns
        // it and the next round (here or on another instance) takes it.
        DateTimeOffset? leaseUntil = heldUntil is null && !_stopping ? now + _options.Lease : null;
        try
        {
            await StoreAsync(id, now, trigger, intervention, delivery, heldUntil, leaseUntil, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A database hiccup must not silence an alert: the class parent hearing about it matters more than
            // the record of it. Without a record it is sent once, now, and not retried.
            logger.InterventionStoreFailed(exception, intervention.Kind, id);
            InBackground(id, intervention.Kind, () => SendAsync(delivery, id, CancellationToken.None));
            return;
        }

        if (heldUntil is { } sendAfter)
        {
            logger.AlertHeld(id, sendAfter);
        }
        else if (leaseUntil is { } ownLease && trigger.Conversation.Platform == Platform.Playground)
        {
            // The playground shows what the bot does in the answer to the message: its in-memory "send" goes now.
            await AttemptAsync(id, intervention.Kind, delivery, attemptsBefore: 0, ownLease);
        }
        else if (leaseUntil is { } lease)
        {
            // Stored, so the message's work is done: the send must not hold up the next message of the chat
            // (a connector that hangs would otherwise stall the conversation's lane for every retry).
            InBackground(id, intervention.Kind, () => AttemptAsync(id, intervention.Kind, delivery, attemptsBefore: 0, lease));
        }
    }

    /// <summary>Completes when the sends this instance started have finished (shutdown, tests).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (!_inFlight.IsEmpty)
        {
            await Task.WhenAll(_inFlight.Values).WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The host is stopping: new deliveries are stored without an owner (another instance or the restart sends
    /// them) and no new round starts; sends already under way finish (<see cref="WhenIdleAsync"/>).
    /// </summary>
    public void StopTakingWork() => _stopping = true;

    public void Dispose() => _sendSlots.Dispose();

    private void InBackground(Guid id, InterventionKind kind, Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (Exception exception)
            {
                // Every step logs its own failures; this is the last guard so that nothing is unobserved.
                logger.InterventionOutcomeStoreFailed(exception, kind, id);
            }
            finally
            {
                _inFlight.TryRemove(id, out _);
            }
        });
        _inFlight[id] = task;
        if (task.IsCompleted)
        {
            _inFlight.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Sends the deliveries that are due: held alerts whose quiet hours are over, failed sends whose back-off
    /// has passed, and deliveries whose owner stopped without finishing (its lease ran out).
    /// </summary>
    /// <returns>How many were taken (sent, tried or dead-lettered).</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        List<DueDelivery> due;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await Due(db.Interventions.AsNoTracking(), now)
                .OrderBy(i => i.SendAfter)
                .Take(_options.BatchSize)
                .Select(i => new DueDelivery(i.Id, i.Kind, i.PendingDelivery!, i.Attempts, i.AttemptStartedAt != null))
                .ToListAsync(cancellationToken);
        }

        var taken = 0;
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                if (_stopping || await ClaimAsync(item.Id, token) is not { } leaseUntil)
                {
                    return;
                }

                Interlocked.Increment(ref taken);
                var delivery = PendingDelivery.Read(item.Payload);
                if (delivery is null)
                {
                    await DeadLetterAsync(item.Id, item.Kind, "unreadable delivery", leaseUntil);
                    return;
                }

                if (item.AttemptStarted && !sender.DeduplicatesResends(delivery.Conversation.Platform))
                {
                    logger.DeliveryInDoubt(item.Kind, item.Id);
                    metrics?.OutboxAttempt("in_doubt");
                    await DeadLetterAsync(item.Id, item.Kind, InDoubtReason, leaseUntil);
                    return;
                }

                await AttemptAsync(item.Id, item.Kind, delivery, item.Attempts, leaseUntil);
            });

        return taken;
    }

    /// <summary>A school admin sends a dead letter again: it becomes due now, with a fresh set of attempts.</summary>
    /// <returns>False when it is not a dead letter that can be sent (already sent, dismissed, or a nudge without its address).</returns>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Interventions
            .Where(i => i.Id == id && i.DeadLetteredAt != null && i.DismissedAt == null && i.PendingDelivery != null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.DeadLetteredAt, (DateTimeOffset?)null)
                    .SetProperty(i => i.Attempts, 0)
                    .SetProperty(i => i.SendAfter, now)
                    .SetProperty(i => i.AttemptStartedAt, (DateTimeOffset?)null)
                    .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
        return updated == 1;
    }

    /// <summary>A school admin has seen a dead letter and does not want it sent: what was kept to send it goes.</summary>
    public async Task<bool> DismissAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Interventions
            .Where(i => i.Id == id && i.DeadLetteredAt != null && i.DismissedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.DismissedAt, now).SetProperty(i => i.PendingDelivery, (string?)null),
                cancellationToken);
        return updated == 1;
    }

    /// <summary>Deliveries waiting to be sent: due now or later, not owned by a live instance, not dead.</summary>
    internal static IQueryable<InterventionRecord> Due(IQueryable<InterventionRecord> interventions, DateTimeOffset now) =>
        interventions.Where(i => i.PendingDelivery != null
            && i.DeadLetteredAt == null
            && ((i.LeaseUntil == null && i.SendAfter <= now) || i.LeaseUntil < now));

    /// <summary>
    /// Takes a due delivery for this instance: the lease it now holds, or null when another took it first. The
    /// lease starts at the claim, not at the start of the round, so the last of a slow batch gets a whole one.
    /// </summary>
    private async Task<DateTimeOffset?> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var leaseUntil = now + _options.Lease;
        var claimed = await Due(db.Interventions.Where(i => i.Id == id), now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, leaseUntil), cancellationToken);
        return claimed == 1 ? leaseUntil : null;
    }

    /// <summary>
    /// One attempt at a delivery this instance owns (its lease ends at <paramref name="leaseUntil"/>): marked as
    /// started, sent, and its outcome recorded (delivered; or failed, with the next attempt's time or as a dead letter).
    /// Every write is conditional on still holding the lease, so an instance that was too slow never sends or
    /// records over another that took the delivery over.
    /// </summary>
    private async Task AttemptAsync(Guid id, InterventionKind kind, PendingDelivery delivery, int attemptsBefore, DateTimeOffset leaseUntil)
    {
        await _sendSlots.WaitAsync();
        try
        {
            // The send never outlives the lease, so no other instance takes the delivery over while it runs.
            var remaining = leaseUntil - timeProvider.GetUtcNow() - TimeSpan.FromSeconds(1);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            var attempt = attemptsBefore + 1;
            try
            {
                await using var db = await contextFactory.CreateDbContextAsync();
                var startedAt = timeProvider.GetUtcNow();
                var marked = await Owned(db, id, leaseUntil)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.AttemptStartedAt, startedAt).SetProperty(i => i.Attempts, attempt));
                if (marked == 0)
                {
                    return;
                }
            }
            catch (Exception exception)
            {
                // Without the mark a crash during the send could not be told from "never sent": do not send now. The
                // delivery is stored; when the lease runs out, the background sender takes it.
                logger.InterventionOutcomeStoreFailed(exception, kind, id);
                return;
            }

            using var leaseBound = new CancellationTokenSource(remaining, timeProvider);
            var result = await SendAsync(delivery, id, leaseBound.Token);
            await RecordOutcomeAsync(id, kind, attempt, result, leaseUntil);
        }
        finally
        {
            _sendSlots.Release();
        }
    }

    private static IQueryable<InterventionRecord> Owned(BotDbContext db, Guid id, DateTimeOffset leaseUntil) =>
        db.Interventions.Where(i => i.Id == id && i.LeaseUntil == leaseUntil);

    /// <summary>Sends one delivery and says what happened; a sender that throws is a failed send, named by the exception's type.</summary>
    private async Task<SendResult> SendAsync(PendingDelivery delivery, Guid id, CancellationToken cancellationToken)
    {
        var intervention = delivery.Intervention;
        var isAlert = intervention.Kind == InterventionKind.Alert;
        var trigger = new ChatMessage
        {
            Id = id.ToString(),
            Conversation = delivery.Conversation,
            Author = intervention.Recipient ?? new ChatUser("outbox", ""),
            Text = "",
            Timestamp = timeProvider.GetUtcNow(),
        };

        SendResult result;
        try
        {
            result = await sender.SendAsync(trigger, intervention, isAlert ? id.ToString() : null, IdempotencyKey(id), cancellationToken);
        }
        catch (Exception exception)
        {
            // Only the type: an exception message from a platform client could echo the request.
            var exceptionType = exception.GetType().Name;
            logger.InterventionSendThrew(intervention.Kind, id, exceptionType);
            result = SendResult.Failed($"exception: {exceptionType}");
        }

        if (!result.Delivered)
        {
            logger.InterventionNotDelivered(intervention.Kind, id, result.FailureReason);
        }

        return result;
    }

    /// <summary>Records what an attempt gave. The send has happened, so this is tried a few times before giving up.</summary>
    private async Task RecordOutcomeAsync(Guid id, InterventionKind kind, int attempt, SendResult result, DateTimeOffset leaseUntil)
    {
        var now = timeProvider.GetUtcNow();
        var failureReason = result.Delivered ? null : Truncate(result.FailureReason ?? "not delivered");
        // Not in the chat, or direct messages closed: retrying for an hour changes nothing and hides the problem
        // from the school, which sees the dead letter at once and can send it again after fixing the cause.
        var dead = !result.Delivered && (result.Permanent || attempt >= _options.MaxAttempts);
        metrics?.OutboxAttempt(result.Delivered ? "delivered" : dead ? "dead_lettered" : "failed");
        for (var tries = 1; ; tries++)
        {
            try
            {
                await using var db = await contextFactory.CreateDbContextAsync();
                if (result.Delivered)
                {
                    await Owned(db, id, leaseUntil).ExecuteUpdateAsync(s => s
                        .SetProperty(i => i.DeliveredAt, now)
                        .SetProperty(i => i.FailureReason, (string?)null)
                        .SetProperty(i => i.PendingDelivery, (string?)null)
                        .SetProperty(i => i.AttemptStartedAt, (DateTimeOffset?)null)
                        .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null));
                }
                else if (dead)
                {
                    await DeadLetterAsync(db, id, kind, failureReason!, now, leaseUntil);
                }
                else
                {
                    var next = now + _options.DelayAfter(attempt);
                    await Owned(db, id, leaseUntil).ExecuteUpdateAsync(s => s
                        .SetProperty(i => i.FailureReason, failureReason)
                        .SetProperty(i => i.SendAfter, next)
                        .SetProperty(i => i.AttemptStartedAt, (DateTimeOffset?)null)
                        .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null));
                }

                if (kind == InterventionKind.Alert)
                {
                    DateTimeOffset? deliveredAt = result.Delivered ? now : null;
                    await db.Alerts.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                        .SetProperty(a => a.DeliveredAt, deliveredAt)
                        .SetProperty(a => a.FailureReason, failureReason));
                }

                return;
            }
            catch (Exception exception) when (tries < 3)
            {
                logger.InterventionOutcomeStoreFailed(exception, kind, id);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * tries), timeProvider);
            }
            catch (Exception exception)
            {
                // The lease runs out and the attempt counts as interrupted: in doubt, never sent twice.
                logger.InterventionOutcomeStoreFailed(exception, kind, id);
                return;
            }
        }
    }

    private async Task DeadLetterAsync(Guid id, InterventionKind kind, string reason, DateTimeOffset leaseUntil)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            await DeadLetterAsync(db, id, kind, reason, timeProvider.GetUtcNow(), leaseUntil);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.InterventionOutcomeStoreFailed(exception, kind, id);
        }
    }

    private async Task DeadLetterAsync(BotDbContext db, Guid id, InterventionKind kind, string reason, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        // A nudge is only worth sending near the moment, and its address is a parent's account: not kept.
        var keepDelivery = kind != InterventionKind.PrivateNudge;
        await Owned(db, id, leaseUntil).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.DeadLetteredAt, now)
            .SetProperty(i => i.FailureReason, Truncate(reason))
            .SetProperty(i => i.PendingDelivery, i => keepDelivery ? i.PendingDelivery : null)
            .SetProperty(i => i.AttemptStartedAt, (DateTimeOffset?)null)
            .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null));
        logger.DeliveryDeadLettered(kind, id, reason);
    }

    /// <summary>When the school holds alerts through its quiet hours and this one may wait: the end of them, in UTC.</summary>
    private DateTimeOffset? HoldUntil(ChatMessage trigger, Intervention intervention, DateTimeOffset now)
    {
        // The playground shows what the bot does as it happens; it never holds anything back.
        if (school?.Current is not { Settings.HoldAlertsInQuietHours: true } current || intervention.Alert!.Severe || trigger.Conversation.Platform == Platform.Playground)
        {
            return null;
        }

        var zone = current.ResolveTimeZone();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (!current.Settings.IsQuiet(TimeOnly.FromDateTime(local.DateTime)))
        {
            return null;
        }

        var end = local.Date + current.Settings.QuietTo.ToTimeSpan();
        if (end <= local.DateTime)
        {
            end = end.AddDays(1);
        }

        return new DateTimeOffset(end, zone.GetUtcOffset(end)).ToUniversalTime();
    }

    /// <summary>
    /// Stores the intervention (and the alert) with what is needed to send it: owned by this instance and due
    /// now, or, for a held alert, owned by nobody until the quiet hours end.
    /// </summary>
    private async Task StoreAsync(Guid id, DateTimeOffset now, ChatMessage trigger, Intervention intervention, PendingDelivery delivery, DateTimeOffset? heldUntil, DateTimeOffset? leaseUntil, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var conversation = trigger.Conversation;
        var groep = intervention.Alert?.Groep
            ?? await db.ConversationLinks
                .Where(l => l.Platform == conversation.Platform && l.ConversationId == conversation.ConversationId)
                .Select(l => l.Groep)
                .FirstOrDefaultAsync(cancellationToken);
        var recipientLabel = intervention.Kind == InterventionKind.PrivateNudge ? NudgeRecipientLabel : intervention.RecipientLabel;

        db.Interventions.Add(new InterventionRecord
        {
            Id = id,
            Kind = intervention.Kind,
            ConversationKey = conversation.Key,
            Groep = groep,
            RecipientLabel = recipientLabel,
            Topic = intervention.Topic,
            CreatedAt = now,
            Attempts = 0,
            SendAfter = heldUntil ?? now,
            LeaseUntil = leaseUntil,
            PendingDelivery = delivery.Write(),
        });

        if (intervention is { Kind: InterventionKind.Alert, Alert: { } alert })
        {
            db.Alerts.Add(new AlertRecord
            {
                Id = id,
                ConversationKey = conversation.Key,
                Groep = groep,
                Level = alert.Level,
                Severe = alert.Severe,
                ParentCount = alert.ParentCount,
                Topic = alert.Topic,
                WindowStart = alert.WindowStart,
                WindowEnd = alert.WindowEnd,
                Summary = alert.Summary,
                SuggestedStep = alert.SuggestedStep,
                Signals = string.Join(',', alert.Signals.Select(s => SnakeCase.From(s.ToString())).Distinct()),
                Excerpts = alert.Excerpts.Count > 0
                    ? JsonSerializer.Serialize([.. alert.Excerpts], DataJsonContext.Default.StringArray)
                    : null,
                RecipientLabel = recipientLabel,
                RecipientRole = intervention.AlertRecipient?.Role ?? "",
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>22 characters (Discord allows 25), the same for every attempt at the delivery.</summary>
    private static string IdempotencyKey(Guid id) => Base64Url.EncodeToString(id.ToByteArray());

    private static string Truncate(string reason) => reason.Length <= 500 ? reason : reason[..500];

    private sealed record DueDelivery(Guid Id, InterventionKind Kind, string Payload, int Attempts, bool AttemptStarted);
}
