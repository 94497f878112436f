using System.Collections;

namespace KlassenouderBot.IntegrationTests.Discord.Fakes;

/// <summary>
/// A set a test writes while the fake's request threads read it: every member takes one lock, and enumeration
/// walks a snapshot so a concurrent <see cref="Add"/> cannot break it.
/// </summary>
internal sealed class LockedSet<T> : ISet<T>
{
    private readonly Lock _gate = new();
    private readonly HashSet<T> _items;

    public LockedSet(IEqualityComparer<T>? comparer = null) => _items = new HashSet<T>(comparer);

    public int Count { get { lock (_gate) { return _items.Count; } } }

    public bool IsReadOnly => false;

    public bool Add(T item) { lock (_gate) { return _items.Add(item); } }

    void ICollection<T>.Add(T item) => Add(item);

    public void Clear() { lock (_gate) { _items.Clear(); } }

    public bool Contains(T item) { lock (_gate) { return _items.Contains(item); } }

    public void CopyTo(T[] array, int arrayIndex) { lock (_gate) { _items.CopyTo(array, arrayIndex); } }

    public bool Remove(T item) { lock (_gate) { return _items.Remove(item); } }

    public void ExceptWith(IEnumerable<T> other) { lock (_gate) { _items.ExceptWith(other); } }

    public void IntersectWith(IEnumerable<T> other) { lock (_gate) { _items.IntersectWith(other); } }

    public void SymmetricExceptWith(IEnumerable<T> other) { lock (_gate) { _items.SymmetricExceptWith(other); } }

    public void UnionWith(IEnumerable<T> other) { lock (_gate) { _items.UnionWith(other); } }

    public bool IsProperSubsetOf(IEnumerable<T> other) { lock (_gate) { return _items.IsProperSubsetOf(other); } }

    public bool IsProperSupersetOf(IEnumerable<T> other) { lock (_gate) { return _items.IsProperSupersetOf(other); } }

    public bool IsSubsetOf(IEnumerable<T> other) { lock (_gate) { return _items.IsSubsetOf(other); } }

    public bool IsSupersetOf(IEnumerable<T> other) { lock (_gate) { return _items.IsSupersetOf(other); } }

    public bool Overlaps(IEnumerable<T> other) { lock (_gate) { return _items.Overlaps(other); } }

    public bool SetEquals(IEnumerable<T> other) { lock (_gate) { return _items.SetEquals(other); } }

    public IEnumerator<T> GetEnumerator()
    {
        List<T> snapshot;
        lock (_gate)
        {
            snapshot = [.. _items];
        }

        return snapshot.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
