namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>
/// A gateway session: its id, the last sequence number dispatched in it, and the recent dispatches a Resume replays.
/// Only touched under <see cref="FakeDiscord"/>'s lock.
/// </summary>
internal sealed class GatewaySession(string id)
{
    /// <summary>Discord keeps a limited backlog too; a Resume from further back is refused (op 9 false).</summary>
    public const int BufferLimit = 1000;

    private readonly Queue<BufferedDispatch> _buffer = new();

    public string Id { get; } = id;

    public long Sequence { get; private set; }

    /// <summary>Set by op 9 <c>false</c>, a close that ends the session, or a client close with 1000/1001: a Resume now fails.</summary>
    public bool Forgotten { get; set; }

    public IEnumerable<BufferedDispatch> After(long sequence) => _buffer.Where(d => d.Sequence > sequence);

    /// <summary>Whether every dispatch after <paramref name="sequence"/> is still buffered.</summary>
    public bool CanReplayFrom(long sequence) => _buffer.Count == 0 || _buffer.Peek().Sequence <= sequence + 1;

    /// <summary>Assigns the next sequence number, builds the payload for it and keeps it for replay.</summary>
    public BufferedDispatch Append(Func<long, string> build, int frameSize)
    {
        Sequence++;
        var dispatch = new BufferedDispatch(Sequence, build(Sequence), frameSize);
        _buffer.Enqueue(dispatch);
        while (_buffer.Count > BufferLimit)
        {
            _buffer.Dequeue();
        }

        return dispatch;
    }
}

/// <summary>A dispatch as it went (or would have gone) over the wire; <paramref name="FrameSize"/> &gt; 0 splits it into frames.</summary>
internal sealed record BufferedDispatch(long Sequence, string Json, int FrameSize);
