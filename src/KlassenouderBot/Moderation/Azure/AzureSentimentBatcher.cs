using System.Globalization;
using System.Threading.Channels;

namespace KlassenouderBot.Moderation.Azure;

/// <summary>
/// Gathers messages into calls of up to ten documents: the first message waits a short window for others,
/// then the batch goes out while the next one gathers. Each message gets its own opinion, or null when its
/// document or the whole call failed; the caller decides how long to wait.
/// </summary>
internal sealed class AzureSentimentBatcher : IAsyncDisposable
{
    /// <summary>Azure refuses a synchronous document longer than this many text elements.</summary>
    public const int MaxTextElements = 5_120;

    /// <summary>Messages waiting beyond this are not queued: they keep the local verdict at once.</summary>
    private const int MaxQueued = 1_000;

    private const int MaxCallsInFlight = 4;

    private readonly AzureSentimentClient _client;
    private readonly AzureLanguageOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(MaxQueued) { SingleReader = true });
    private readonly SemaphoreSlim _callsInFlight = new(MaxCallsInFlight);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public AzureSentimentBatcher(AzureSentimentClient client, AzureLanguageOptions options, TimeProvider time)
    {
        _client = client;
        _options = options;
        _time = time;
        _loop = Task.Run(GatherAsync);
    }

    /// <summary>Azure's opinion of one (already redacted) message, or null when there is none.</summary>
    public Task<AzureOpinion?> AnalyzeAsync(string text, string language)
    {
        var pending = new Pending(Cut(text), language, new TaskCompletionSource<AzureOpinion?>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending) ? pending.Opinion.Task : Task.FromResult<AzureOpinion?>(null);
    }

    /// <summary>At most 5,120 text elements (what a reader sees as one character), as Azure counts them.</summary>
    public static string Cut(string text)
    {
        if (text.Length <= MaxTextElements)
        {
            return text;
        }

        var elements = new StringInfo(text);
        return elements.LengthInTextElements <= MaxTextElements ? text : elements.SubstringByTextElements(0, MaxTextElements);
    }

    private async Task GatherAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                var batch = new List<Pending>(AzureSentimentClient.MaxDocumentsPerCall);
                using (var window = new CancellationTokenSource(_options.BatchWindow, _time))
                using (var either = CancellationTokenSource.CreateLinkedTokenSource(window.Token, _stopping.Token))
                {
                    while (batch.Count < AzureSentimentClient.MaxDocumentsPerCall)
                    {
                        if (reader.TryRead(out var next))
                        {
                            batch.Add(next);
                            continue;
                        }

                        try
                        {
                            if (!await reader.WaitToReadAsync(either.Token))
                            {
                                break;
                            }
                        }
                        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
                        {
                            break;
                        }
                    }
                }

                await _callsInFlight.WaitAsync(_stopping.Token);
                _ = SendAsync(batch);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }

        while (reader.TryRead(out var left))
        {
            left.Opinion.TrySetResult(null);
        }
    }

    private async Task SendAsync(List<Pending> batch)
    {
        try
        {
            var documents = batch.Select((p, i) => new InputDocument((i + 1).ToString(CultureInfo.InvariantCulture), p.Language, p.Text)).ToList();
            var opinions = await _client.AnalyzeAsync(documents, _stopping.Token);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Opinion.TrySetResult(opinions.GetValueOrDefault(documents[i].Id));
            }
        }
        catch (Exception)
        {
            // The client has counted and logged the failure; every message keeps its local verdict.
            foreach (var pending in batch)
            {
                pending.Opinion.TrySetResult(null);
            }
        }
        finally
        {
            _callsInFlight.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop;
        // Calls still in flight end on the cancelled token; the semaphore holds no handle and is left to them.
        _stopping.Dispose();
    }

    private sealed record Pending(string Text, string Language, TaskCompletionSource<AzureOpinion?> Opinion);
}
