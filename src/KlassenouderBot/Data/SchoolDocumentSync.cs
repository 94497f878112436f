using KlassenouderBot.School;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Data;

/// <summary>
/// Puts the admin app's newest saved school in use at start-up (after the migrations, which start first), and
/// then looks now and then whether another instance saved a newer one. Warns when the school file on disk
/// changed since the admin app took it over: the saved version wins, so an edit to the file would go unnoticed.
/// </summary>
internal sealed class SchoolDocumentSync(
    SchoolDocuments documents,
    SchoolSource source,
    IOptions<SchoolOptions> options,
    TimeProvider time,
    ILogger<SchoolDocumentSync> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await documents.RefreshAsync(cancellationToken))
        {
            var snapshot = source.Snapshot;
            logger.SchoolVersionLoaded(snapshot.Version, "saved", "the admin app");
            await WarnWhenTheFileChangedAsync(cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await documents.RefreshAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
                {
                    // The database is away for a moment; the school in use stays, and the next tick tries again.
                    logger.SchoolVersionUnusable(source.Snapshot.Version, exception.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WarnWhenTheFileChangedAsync(CancellationToken cancellationToken)
    {
        var snapshot = source.Snapshot;
        var path = snapshot.School.SourcePath;
        var recorded = await documents.SourceSha256Async(snapshot.Version, cancellationToken);
        var now = SchoolDocuments.FileSha256(path);
        if (path is not null && recorded.Length > 0 && now.Length > 0 && recorded != now)
        {
            logger.SchoolFileChangedSince(path, snapshot.Version);
        }
    }
}
