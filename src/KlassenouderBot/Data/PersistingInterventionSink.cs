using System.Text.Json;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;
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
    ILogger<PersistingInterventionSink> logger) : IInterventionSink
{
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
            result = await sender.SendAsync(trigger, intervention, isAlert ? id.ToString() : null, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (stored)
            {
                await TryRecordOutcomeAsync(id, intervention.Kind, isAlert, SendResult.Failed("cancelled"), CancellationToken.None);
            }

            throw;
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

        if (stored)
        {
            await TryRecordOutcomeAsync(id, intervention.Kind, isAlert, result, cancellationToken);
        }
    }

    private async Task StoreAsync(Guid id, DateTimeOffset now, ChatMessage trigger, Intervention intervention, CancellationToken cancellationToken)
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
            Attempts = 1,
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
