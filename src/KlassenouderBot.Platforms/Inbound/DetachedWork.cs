using System.Collections.Concurrent;

namespace KlassenouderBot.Platforms.Inbound;

/// <summary>
/// Runs work that must not wait in a conversation's lane, such as answering a Discord interaction
/// within its 3 seconds, and lets shutdown wait for what is still running. Failures are logged by type
/// only: an exception message could carry what a parent wrote.
/// </summary>
internal sealed class DetachedWork(ILogger<DetachedWork> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    public void Run(string description, Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                logger.WorkFailed(description, exception.GetType().Name);
            }
        });
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _), _running, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();
}
