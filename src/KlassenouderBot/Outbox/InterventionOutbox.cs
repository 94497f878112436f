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
    BotMetrics? metrics = null) : IInterventionSink
{
    /// <summary>
    /// Stored instead of the parent's name for private nudges: a table of who was nudged about what
    /// would be the per-parent behaviour record the privacy design rules out.
    /// </summary>
    public const string NudgeRecipientLabel = "author";

    /// <summary>The dead letter's reason when an instance stopped while sending to a platform that cannot deduplicate.</summary>
    public const string InDoubtReason = "in doubt: the bot stopped while sending; it may have arrived";

    private readonly OutboxOptions _options = options ?? new();

    public async Task DeliverAsync(ChatMessage trigger, Intervention intervention, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var delivery = PendingDelivery.For(trigger, intervention);

        // An alert in the school's quiet hours waits in the database (the admin app's inbox has it now).
        var heldUntil = intervention.Kind == InterventionKind.Alert && intervention.Alert is not null ? HoldUntil(trigger, intervention, now) : null;
        try
        {
            await StoreAsync(id, now, trigger, intervention, delivery, heldUntil, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A database hiccup must not silence an alert: the class parent hearing about it matters more than
            // the record of it. Without a record it is sent once, now, and not retried.
            logger.InterventionStoreFailed(exception, intervention.Kind, id);
            await SendAsync(delivery, id, cancellationToken);
            return;
        }

        if (heldUntil is { } sendAfter)
        {
            logger.AlertHeld(id, sendAfter);
            return;
        }

        await AttemptAsync(id, intervention.Kind, delivery, attemptsBefore: 0, cancellationToken);
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
        foreach (var item in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await ClaimAsync(item.Id, now, cancellationToken))
            {
                continue;
            }

            taken++;
            var delivery = PendingDelivery.Read(item.Payload);
            if (delivery is null)
            {
                await DeadLetterAsync(item.Id, item.Kind, "unreadable delivery", CancellationToken.None);
                continue;
            }

            if (item.AttemptStarted && !sender.DeduplicatesResends(delivery.Conversation.Platform))
            {
                logger.DeliveryInDoubt(item.Kind, item.Id);
                metrics?.OutboxAttempt("in_doubt");
                await DeadLetterAsync(item.Id, item.Kind, InDoubtReason, CancellationToken.None);
                continue;
            }

            await AttemptAsync(item.Id, item.Kind, delivery, item.Attempts, cancellationToken);
        }

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

    /// <summary>Takes a due delivery for this instance; false when another took it first.</summary>
    private async Task<bool> ClaimAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var leaseUntil = now + _options.Lease;
        var claimed = await Due(db.Interventions.Where(i => i.Id == id), now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, leaseUntil), cancellationToken);
        return claimed == 1;
    }

    /// <summary>
    /// One attempt at a delivery this instance owns: marked as started, sent, and its outcome recorded
    /// (delivered; or failed, with the next attempt's time or as a dead letter).
    /// </summary>
    private async Task AttemptAsync(Guid id, InterventionKind kind, PendingDelivery delivery, int attemptsBefore, CancellationToken cancellationToken)
    {
        var attempt = attemptsBefore + 1;
        if (cancellationToken.IsCancellationRequested)
        {
            // Shutting down before the send began: leave it for another instance or the restart.
            await ReleaseAsync(id, kind);
            return;
        }

        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
            var startedAt = timeProvider.GetUtcNow();
            await db.Interventions
                .Where(i => i.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AttemptStartedAt, startedAt).SetProperty(i => i.Attempts, attempt), CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Without the mark a crash during the send could not be told from "never sent": do not send now. The
            // delivery is stored; when the lease runs out, the background sender takes it.
            logger.InterventionOutcomeStoreFailed(exception, kind, id);
            return;
        }

        // The send is not cut short by shutdown (a message cut off mid-request may or may not have arrived),
        // but never outlives the lease, so no other instance takes the delivery over while it runs.
        using var leaseBound = new CancellationTokenSource(_options.Lease, timeProvider);
        var result = await SendAsync(delivery, id, leaseBound.Token);
        await RecordOutcomeAsync(id, kind, attempt, result);
    }

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
    private async Task RecordOutcomeAsync(Guid id, InterventionKind kind, int attempt, SendResult result)
    {
        var now = timeProvider.GetUtcNow();
        var failureReason = result.Delivered ? null : Truncate(result.FailureReason ?? "not delivered");
        var dead = !result.Delivered && attempt >= _options.MaxAttempts;
        metrics?.OutboxAttempt(result.Delivered ? "delivered" : dead ? "dead_lettered" : "failed");
        for (var tries = 1; ; tries++)
        {
            try
            {
                await using var db = await contextFactory.CreateDbContextAsync();
                if (result.Delivered)
                {
                    await db.Interventions.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
                        .SetProperty(i => i.DeliveredAt, now)
                        .SetProperty(i => i.FailureReason, (string?)null)
                        .SetProperty(i => i.PendingDelivery, (string?)null)
                        .SetProperty(i => i.AttemptStartedAt, (DateTimeOffset?)null)
                        .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null));
                }
                else if (dead)
                {
                    await DeadLetterAsync(db, id, kind, failureReason!, now);
                }
                else
                {
                    var next = now + _options.DelayAfter(attempt);
                    await db.Interventions.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
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

    private async Task DeadLetterAsync(Guid id, InterventionKind kind, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await DeadLetterAsync(db, id, kind, reason, timeProvider.GetUtcNow());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.InterventionOutcomeStoreFailed(exception, kind, id);
        }
    }

    private async Task DeadLetterAsync(BotDbContext db, Guid id, InterventionKind kind, string reason, DateTimeOffset now)
    {
        // A nudge is only worth sending near the moment, and its address is a parent's account: not kept.
        var keepDelivery = kind != InterventionKind.PrivateNudge;
        await db.Interventions.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.DeadLetteredAt, now)
            .SetProperty(i => i.FailureReason, Truncate(reason))
            .SetProperty(i => i.PendingDelivery, i => keepDelivery ? i.PendingDelivery : null)
            .SetProperty(i => i.AttemptStartedAt, (DateTimeOffset?)null)
            .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null));
        logger.DeliveryDeadLettered(kind, id, reason);
    }

    /// <summary>Gives a delivery back without an attempt, so whoever looks next may take it at once.</summary>
    private async Task ReleaseAsync(Guid id, InterventionKind kind)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            await db.Interventions.Where(i => i.Id == id && i.AttemptStartedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null));
        }
        catch (Exception exception)
        {
            // The lease runs out on its own; the delivery waits a little longer.
            logger.InterventionOutcomeStoreFailed(exception, kind, id);
        }
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
    private async Task StoreAsync(Guid id, DateTimeOffset now, ChatMessage trigger, Intervention intervention, PendingDelivery delivery, DateTimeOffset? heldUntil, CancellationToken cancellationToken)
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
            LeaseUntil = heldUntil is null ? now + _options.Lease : null,
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
    private static string IdempotencyKey(Guid id) => Convert.ToBase64String(id.ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Truncate(string reason) => reason.Length <= 500 ? reason : reason[..500];

    private sealed record DueDelivery(Guid Id, InterventionKind Kind, string Payload, int Attempts, bool AttemptStarted);
}
