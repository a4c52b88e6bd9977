namespace SearchKamer.Search;

/// <summary>The matching pairs of one document, best first.</summary>
internal sealed record HitGroup(int Parent, float Score, IReadOnlyList<PairHit> Pairs);

/// <summary>
/// The best <c>keep</c> documents of a search in result order, chosen while collecting: a broad search
/// matches a hundred thousand pairs, and keeping them all to group and sort afterwards cost more than
/// finding them. A document's pairs are copied only when it enters the selection.
/// </summary>
/// <param name="shared">The threshold shared with the selections of the same search in other stretches, if any.</param>
internal sealed class TopGroups(SortOrder sort, int keep, SharedThreshold? shared = null)
{
    private float _own = float.NegativeInfinity;

    private readonly IComparer<Candidate> _order = Order(sort);
    private readonly PriorityQueue<Candidate, Candidate> _worstFirst = new(Reversed(Order(sort)));

    /// <summary>Documents offered, whether kept or not.</summary>
    public int Offered { get; private set; }

    /// <summary>
    /// The score a document must reach to be kept whatever its date, once the selection is full and ordered by
    /// relevance (else negative infinity): a pair scored lower than this cannot bring its document in.
    /// </summary>
    public float Threshold => shared is null ? _own : Math.Max(_own, shared.Value);

    /// <param name="Parent">Global doc id of the document record; ties end on it, so every order is total and stable.</param>
    private readonly record struct Candidate(int Parent, float Score, int Date, PairHit[]? Pairs);

    /// <param name="pairs">A pair's score may be NaN: it was below <see cref="Threshold"/> when it was collected.</param>
    /// <param name="score">The best of the pairs' scores, NaN ones aside (negative infinity when all are NaN: a document
    /// with some known scores is kept only if they reach the threshold, which its unknown ones did not).</param>
    /// <param name="dates">Where the document's date is read (by <paramref name="record"/>), only when the order or the
    /// selection needs it: most documents of a search lose on their score alone, and each date read is a cache miss.</param>
    public void Offer(int parent, List<PairHit> pairs, float score, FacetTable dates, int record)
    {
        Offered++;
        if (Loses(score))
        {
            return;
        }

        var candidate = new Candidate(parent, score, dates.DateOf(record), null);
        if (_worstFirst.Count >= keep && (keep == 0 || _order.Compare(candidate, _worstFirst.Peek()) >= 0))
        {
            return;
        }

        _worstFirst.Enqueue(candidate with { Pairs = [.. pairs] }, candidate);
        if (_worstFirst.Count > keep)
        {
            _worstFirst.Dequeue();
        }

        UpdateThreshold();
    }

    /// <summary>
    /// Whether a document whose best pair scores <paramref name="score"/> would not be kept whatever its date: by
    /// relevance, a score below the worst kept loses once the selection is full (most documents of a broad search).
    /// </summary>
    private bool Loses(float score) => sort == SortOrder.Relevance && _worstFirst.Count >= keep && (keep == 0 || score < _worstFirst.Peek().Score);

    /// <summary>Takes over the selection of a collector that searched another segment.</summary>
    public void Absorb(TopGroups other)
    {
        Offered += other.Offered;
        foreach (var (candidate, _) in other._worstFirst.UnorderedItems)
        {
            _worstFirst.Enqueue(candidate, candidate);
            if (_worstFirst.Count > keep)
            {
                _worstFirst.Dequeue();
            }
        }

        UpdateThreshold();
    }

    /// <summary>The kept documents in result order from <paramref name="skip"/> on, each with its pairs best first.</summary>
    /// <param name="scoreOf">Scores the pairs passed over while collecting (NaN), given their doc ids in order.</param>
    public List<HitGroup> Ordered(int skip, Func<IReadOnlyList<int>, IReadOnlyDictionary<int, float>> scoreOf)
    {
        var all = _worstFirst.UnorderedItems.Select(x => x.Element).ToList();
        all.Sort(_order);
        var shown = all.Skip(skip).ToList();
        var unscored = shown.SelectMany(c => c.Pairs!).Where(p => float.IsNaN(p.Score)).Select(p => p.Doc).Order().ToList();
        var scores = unscored.Count == 0 ? null : scoreOf(unscored);
        return [.. shown.Select(c => new HitGroup(c.Parent, c.Score,
            c.Pairs!.Select(p => scores is not null && float.IsNaN(p.Score) ? p with { Score = scores[p.Doc] } : p)
                .OrderByDescending(h => h.Score).ThenBy(h => h.Doc).ToList()))];
    }

    private void UpdateThreshold()
    {
        _own = sort == SortOrder.Relevance && keep > 0 && _worstFirst.Count >= keep ? _worstFirst.Peek().Score : float.NegativeInfinity;
        shared?.Raise(_own);
    }

    private static IComparer<Candidate> Order(SortOrder sort) => sort switch
    {
        SortOrder.Newest => Comparer<Candidate>.Create((a, b) =>
            b.Date != a.Date ? b.Date.CompareTo(a.Date) : b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Parent.CompareTo(b.Parent)),
        SortOrder.Oldest => Comparer<Candidate>.Create((a, b) =>
            OldestKey(a) != OldestKey(b) ? OldestKey(a).CompareTo(OldestKey(b)) : b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Parent.CompareTo(b.Parent)),
        _ => Comparer<Candidate>.Create((a, b) =>
            b.Score != a.Score ? b.Score.CompareTo(a.Score) : b.Date != a.Date ? b.Date.CompareTo(a.Date) : a.Parent.CompareTo(b.Parent)),
    };

    private static IComparer<Candidate> Reversed(IComparer<Candidate> order) => Comparer<Candidate>.Create((a, b) => order.Compare(b, a));

    // Undated documents go last when sorting oldest first.
    private static long OldestKey(Candidate c) => c.Date == 0 ? long.MaxValue : c.Date;
}
