namespace KlassenouderBot.Outbox;

/// <summary>
/// Every <see cref="OutboxOptions.PollInterval"/>, sends what the outbox has due: held alerts whose quiet
/// hours are over, failed sends whose back-off has passed, and deliveries an instance left unfinished.
/// </summary>
/// <remarks>The outbox is asked for when the service starts running, not when it is made: it needs the chat senders, which a host with storage alone has not (then there is none, and nothing to send).</remarks>
internal sealed class OutboxSender(Func<InterventionOutbox?> outbox, OutboxOptions options, TimeProvider time, ILogger<OutboxSender> logger) : BackgroundService
{
    private InterventionOutbox? _sink;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _sink = outbox();
        if (_sink is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // A full batch means more are waiting (after an outage): take them now, not a round later.
                    while (await _sink.SendDueAsync(stoppingToken) >= options.BatchSize)
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

    /// <summary>
    /// Graceful shutdown: nothing new is taken (new deliveries stay in the database for another instance or the
    /// restart), and the sends under way finish within the host's shutdown timeout.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The one resolved at start: by now the host may be disposing its services.
        var sink = _sink;
        sink?.StopTakingWork();
        await base.StopAsync(cancellationToken);
        if (sink is null)
        {
            return;
        }

        try
        {
            await sink.WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time: what is still sending keeps its lease and is judged by the next owner.
        }
    }
}
