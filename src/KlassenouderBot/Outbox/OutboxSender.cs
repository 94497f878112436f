namespace KlassenouderBot.Outbox;

/// <summary>
/// Every <see cref="OutboxOptions.PollInterval"/>, sends what the outbox has due: held alerts whose quiet
/// hours are over, failed sends whose back-off has passed, and deliveries an instance left unfinished.
/// </summary>
/// <remarks>The outbox is asked for at the first round, not at start-up: it needs the chat senders, which a host with storage alone has not.</remarks>
internal sealed class OutboxSender(Func<InterventionOutbox> outbox, OutboxOptions options, TimeProvider time, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // A full batch means more are waiting (after an outage): take them now, not a round later.
                    while (await outbox().SendDueAsync(stoppingToken) >= options.BatchSize)
                    {
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database is away for a moment: the deliveries stay stored, and the next round tries again.
                    logger.OutboxRoundFailed(exception.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
