using KlassenouderBot.Data.Entities;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Data;

/// <summary>What one retention run deleted.</summary>
public readonly record struct RetentionResult(int Interventions, int Alerts, int FaqAnswers = 0);

/// <summary>
/// Once a day, deletes intervention and FAQ answer records older than <see cref="PrivacyOptions.RetentionDays"/>,
/// and alerts that old unless still open: an open alert is work a class parent has not done yet.
/// </summary>
public sealed class RetentionService(
    IDbContextFactory<BotDbContext> contextFactory,
    IOptions<PrivacyOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionService> logger,
    SchoolSource? school = null) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public async Task<RetentionResult> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        // The school's own choice in the admin app wins over the server's default.
        var cutoff = timeProvider.GetUtcNow().AddDays(-(school?.Current.Settings.RetentionDays ?? options.Value.RetentionDays));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var interventions = await db.Interventions
            .Where(i => i.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        var alerts = await db.Alerts
            .Where(a => a.CreatedAt < cutoff && a.Status != AlertStatus.Open)
            .ExecuteDeleteAsync(cancellationToken);
        var faqAnswers = await db.FaqAnswers
            .Where(a => a.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);

        // Claims of handled messages only matter while a platform may still redeliver.
        var claimCutoff = timeProvider.GetUtcNow() - DatabaseProcessedMessages.Lifetime;
        await db.ProcessedMessages.Where(p => p.ClaimedAt < claimCutoff).ExecuteDeleteAsync(cancellationToken);

        // A conversation's shared escalation state is of no use once its heat has decayed.
        var stateCutoff = timeProvider.GetUtcNow() - DatabaseConversationStates.Lifetime;
        await db.ConversationStates.Where(c => c.UpdatedAt < stateCutoff).ExecuteDeleteAsync(cancellationToken);

        // A guide uploaded for a preview and never used is of no use after a day.
        var uploadCutoff = timeProvider.GetUtcNow().AddDays(-1);
        await db.SchoolGuides
            .Where(g => g.CreatedAt < uploadCutoff && !db.SchoolDocuments.Any(d => d.GuideId == g.Id))
            .ExecuteDeleteAsync(cancellationToken);
        logger.RetentionDeleted(interventions, alerts, faqAnswers, cutoff);
        return new RetentionResult(interventions, alerts, faqAnswers);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            try
            {
                await DeleteExpiredAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.RetentionFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
