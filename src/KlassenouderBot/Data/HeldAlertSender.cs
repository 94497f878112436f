namespace KlassenouderBot.Data;

/// <summary>Once a minute, sends the alerts held through the school's quiet hours whose time has come.</summary>
/// <remarks>The sink is asked for at the first round, not at start-up: it needs the chat senders, which a host with storage alone has not.</remarks>
internal sealed class HeldAlertSender(Func<PersistingInterventionSink> sink, TimeProvider time, ILogger<HeldAlertSender> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await sink().SendHeldAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database is away for a moment: the alerts stay held, and the next round tries again.
                    logger.HeldAlertsFailed(exception.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
