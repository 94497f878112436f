namespace KlassenouderBot.Faq;

/// <summary>
/// Okapi BM25 over a fixed set of documents (term → weighted count), with postings so a question touches
/// only the documents that share a term with it. k1 = 1.2; b is lower than the usual 0.75 for the short
/// FAQ wordings, where length says little.
/// </summary>
internal sealed class Bm25
{
    private readonly Dictionary<string, (int Document, double Count)[]> _postings;
    private readonly double[] _lengthNorm;
    private readonly Dictionary<string, double> _idf;
    private readonly double _k1;

    public Bm25(IReadOnlyList<IReadOnlyDictionary<string, double>> documents, double k1 = 1.2, double b = 0.75)
    {
        _k1 = k1;
        Count = documents.Count;
        var averageLength = documents.Count == 0 ? 1 : Math.Max(1e-9, documents.Average(d => d.Values.Sum()));
        _lengthNorm = [.. documents.Select(d => k1 * (1 - b + (b * d.Values.Sum() / averageLength)))];
        var postings = new Dictionary<string, List<(int, double)>>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            foreach (var (term, count) in documents[i])
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    list = [];
                    postings[term] = list;
                }

                list.Add((i, count));
            }
        }

        _postings = postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _idf = postings.ToDictionary(p => p.Key, p => Math.Log(1 + ((Count - p.Value.Count + 0.5) / (p.Value.Count + 0.5))), StringComparer.Ordinal);
    }

    public int Count { get; }

    /// <summary>Every document's score for the (weighted) query terms.</summary>
    public double[] Score(IReadOnlyDictionary<string, double> query)
    {
        var scores = new double[Count];
        foreach (var (term, weight) in query)
        {
            if (!_postings.TryGetValue(term, out var postings))
            {
                continue;
            }

            var idf = _idf[term];
            foreach (var (document, count) in postings)
            {
                scores[document] += weight * idf * (count * (_k1 + 1)) / (count + _lengthNorm[document]);
            }
        }

        return scores;
    }
}
