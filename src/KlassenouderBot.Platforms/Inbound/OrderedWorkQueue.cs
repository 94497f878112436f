using System.Threading.Channels;

namespace KlassenouderBot.Platforms.Inbound;

/// <summary>
/// Runs platform work (assessing a message, sending a welcome) after the platform's request has been
/// answered: Teams gives up on a request after 10–15 seconds and delivers again, so a slow connector must
/// not hold the answer. Work for one conversation runs in arrival order (the escalation state depends on
/// it); different conversations run side by side on a fixed number of lanes.
/// </summary>
internal sealed class OrderedWorkQueue : BackgroundService
{
    private const int LaneCapacity = 1_000;

    private readonly Channel<WorkItem>[] _lanes;
    private readonly ILogger<OrderedWorkQueue> _logger;

    public OrderedWorkQueue(ILogger<OrderedWorkQueue> logger, int laneCount = 8)
    {
        _logger = logger;
        _lanes = new Channel<WorkItem>[laneCount];
        for (var i = 0; i < laneCount; i++)
        {
            _lanes[i] = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(LaneCapacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }
    }

    /// <summary>Queues work for a conversation; waits only when that lane is full (back-pressure, not loss).</summary>
    public ValueTask EnqueueAsync(string conversationKey, string description, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var lane = _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationKey) % (uint)_lanes.Length)];
        return lane.Writer.WriteAsync(new WorkItem(description, work), cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => RunLaneAsync(lane.Reader, stoppingToken)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Finish what was accepted: a parent's message acknowledged to Teams should still be assessed.
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        if (ExecuteTask is { } running)
        {
            try
            {
                await running.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ran out; what is left is cancelled below.
            }
        }

        await base.StopAsync(cancellationToken);
    }

    private async Task RunLaneAsync(ChannelReader<WorkItem> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in reader.ReadAllAsync(CancellationToken.None))
            {
                try
                {
                    await item.Work(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    // Only the type: an exception message could carry what a parent wrote.
                    _logger.WorkFailed(item.Description, exception.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private sealed record WorkItem(string Description, Func<CancellationToken, Task> Work);
}
