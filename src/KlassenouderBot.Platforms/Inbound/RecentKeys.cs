namespace KlassenouderBot.Platforms.Inbound;

/// <summary>
/// A bounded memory of keys seen recently, oldest forgotten first: enough to recognise a platform
/// delivering the same thing twice (a retry after a timeout) without growing with every message.
/// </summary>
public sealed class RecentKeys<TKey>(int capacity)
    where TKey : notnull
{
    private readonly HashSet<TKey> _seen = [];
    private readonly Queue<TKey> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time a key is offered; false while it is still remembered.</summary>
    public bool TryAdd(TKey key)
    {
        lock (_gate)
        {
            if (!_seen.Add(key))
            {
                return false;
            }

            _order.Enqueue(key);
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
