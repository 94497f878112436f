using System.Text.Json;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Data;

/// <summary>
/// The server's <see cref="IInterventionSink"/>: records that the bot intervenes, then sends, then
/// records the outcome. Writing first means an alert exists (and can be claimed by its id) before the
/// class parent sees it, and a crash mid-send leaves a record with one attempt and no outcome.
/// </summary>
/// <remarks>
/// Lives in Data/ rather than a feature of its own because everything it adds over
/// <see cref="ChatSenderInterventionSink"/> is what gets stored, and what must never be.
/// </remarks>
public sealed class PersistingInterventionSink(
    IDbContextFactory<BotDbContext> contextFactory,
    ChatSenderInterventionSink sender,
    TimeProvider timeProvider,
    ILogger<PersistingInterventionSink> logger,
    SchoolSource? school = null) : IInterventionSink
{
    /// <summary>How many held alerts one round sends at most; the next round takes the rest.</summary>
    private const int HeldBatch = 100;

    /// <summary>
    /// Stored instead of the parent's name for private nudges: a table of who was nudged about what
    /// would be the per-parent behaviour record the privacy design rules out.
    /// </summary>
    public const string NudgeRecipientLabel = "author";

    public async Task DeliverAsync(ChatMessage trigger, Intervention intervention, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var isAlert = intervention.Kind == InterventionKind.Alert && intervention.Alert is not null;

        // An alert in the school's quiet hours waits in the database (the admin app's inbox has it now);
        // if it cannot be stored it goes at once, because a lost alert is worse than a late-night one.
        if (isAlert && HoldUntil(trigger, intervention, now) is { } sendAfter)
        {
            try
            {
                await StoreAsync(id, now, trigger, intervention, cancellationToken, sendAfter);
                logger.AlertHeld(id, sendAfter);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.InterventionStoreFailed(exception, intervention.Kind, id);
            }
        }

        // A database hiccup must not silence an alert: the class parent hearing about it matters more
        // than the record of it.
        var stored = false;
        try
        {
            await StoreAsync(id, now, trigger, intervention, cancellationToken);
            stored = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.InterventionStoreFailed(exception, intervention.Kind, id);
        }

        SendResult result;
        try
        {
            result = await SendAsync(trigger, intervention, id, isAlert ? id.ToString() : null, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (stored)
            {
                await TryRecordOutcomeAsync(id, intervention.Kind, isAlert, SendResult.Failed("cancelled"), CancellationToken.None);
            }

            throw;
        }

        if (stored)
        {
            await TryRecordOutcomeAsync(id, intervention.Kind, isAlert, result, cancellationToken);
        }
    }

    /// <summary>
    /// Sends the held alerts whose quiet hours are over. Each is claimed first (its delivery cleared in one
    /// conditional update), so with several instances every held alert goes out once.
    /// </summary>
    /// <returns>How many were sent or tried.</returns>
    public async Task<int> SendHeldAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Interventions.AsNoTracking()
            .Where(i => i.HeldDelivery != null && i.SendAfter <= now)
            .OrderBy(i => i.SendAfter)
            .Take(HeldBatch)
            .Select(i => new { i.Id, i.Kind, i.HeldDelivery })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var held in due)
        {
            var claimed = await db.Interventions
                .Where(i => i.Id == held.Id && i.HeldDelivery != null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.HeldDelivery, (string?)null), cancellationToken);
            if (claimed == 0 || JsonSerializer.Deserialize<HeldAlert>(held.HeldDelivery!) is not { } alert)
            {
                continue;
            }

            var trigger = new ChatMessage
            {
                Id = held.Id.ToString(),
                Conversation = alert.Conversation,
                Author = new ChatUser("held", ""),
                Text = "",
                Timestamp = now,
            };
            var result = await SendAsync(trigger, alert.Intervention, held.Id, held.Id.ToString(), cancellationToken);
            await TryRecordOutcomeAsync(held.Id, held.Kind, isAlert: true, result, cancellationToken);
            sent++;
        }

        return sent;
    }

    /// <summary>Sends one intervention and says what happened; a sender that throws is a failed send, named by the exception's type.</summary>
    private async Task<SendResult> SendAsync(ChatMessage trigger, Intervention intervention, Guid id, string? alertId, CancellationToken cancellationToken)
    {
        SendResult result;
        try
        {
            result = await sender.SendAsync(trigger, intervention, alertId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
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

    private async Task StoreAsync(Guid id, DateTimeOffset now, ChatMessage trigger, Intervention intervention, CancellationToken cancellationToken, DateTimeOffset? sendAfter = null)
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
            Attempts = sendAfter is null ? 1 : 0,
            SendAfter = sendAfter,
            HeldDelivery = sendAfter is null ? null : JsonSerializer.Serialize(new HeldAlert(trigger.Conversation, intervention)),
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

    private async Task TryRecordOutcomeAsync(Guid id, InterventionKind kind, bool isAlert, SendResult result, CancellationToken cancellationToken)
    {
        DateTimeOffset? deliveredAt = result.Delivered ? timeProvider.GetUtcNow() : null;
        var failureReason = result.Delivered ? null : Truncate(result.FailureReason ?? "not delivered");
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await db.Interventions
                .Where(i => i.Id == id)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(i => i.DeliveredAt, deliveredAt).SetProperty(i => i.FailureReason, failureReason),
                    cancellationToken);
            if (isAlert)
            {
                await db.Alerts
                    .Where(a => a.Id == id)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(a => a.DeliveredAt, deliveredAt).SetProperty(a => a.FailureReason, failureReason),
                        cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.InterventionOutcomeStoreFailed(exception, kind, id);
        }
    }

    private static string Truncate(string reason) => reason.Length <= 500 ? reason : reason[..500];
}

/// <summary>What a held alert needs to be sent later: where, and the alert itself (never a parent's message).</summary>
internal sealed record HeldAlert(ConversationRef Conversation, Intervention Intervention);
