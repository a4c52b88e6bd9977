namespace SearchKamer.Search;

/// <summary>The matching pairs of one document, best first.</summary>
internal sealed record HitGroup(int Parent, float Score, IReadOnlyList<PairHit> Pairs);

/// <summary>
/// The best <c>keep</c> documents of a search in result order, chosen while collecting: a broad search
/// matches a hundred thousand pairs, and keeping them all to group and sort afterwards cost more than
/// finding them. A document's pairs are copied only when it enters the selection.
/// </summary>
internal sealed class TopGroups(SortOrder sort, int keep)
{
    private readonly IComparer<Candidate> _order = Order(sort);
    private readonly PriorityQueue<Candidate, Candidate> _worstFirst = new(Reversed(Order(sort)));

    /// <summary>Documents offered, whether kept or not.</summary>
    public int Offered { get; private set; }

    /// <param name="Parent">Global doc id of the document record; ties end on it, so every order is total and stable.</param>
    private readonly record struct Candidate(int Parent, float Score, int Date, PairHit[]? Pairs);

    public void Offer(int parent, int date, List<PairHit> pairs)
    {
        Offered++;
        var score = float.NegativeInfinity;
        foreach (var p in pairs)
        {
            score = Math.Max(score, p.Score);
        }

        // By relevance, a lower score than the worst kept loses whatever the date: most documents of a broad search end here.
        if (sort == SortOrder.Relevance && _worstFirst.Count >= keep && (keep == 0 || score < _worstFirst.Peek().Score))
        {
            return;
        }

        var candidate = new Candidate(parent, score, date, null);
        if (_worstFirst.Count >= keep && (keep == 0 || _order.Compare(candidate, _worstFirst.Peek()) >= 0))
        {
            return;
        }

        _worstFirst.Enqueue(candidate with { Pairs = [.. pairs] }, candidate);
        if (_worstFirst.Count > keep)
        {
            _worstFirst.Dequeue();
        }
    }

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
    }

    /// <summary>The kept documents in result order from <paramref name="skip"/> on, each with its pairs best first.</summary>
    public List<HitGroup> Ordered(int skip)
    {
        var all = _worstFirst.UnorderedItems.Select(x => x.Element).ToList();
        all.Sort(_order);
        return [.. all.Skip(skip).Select(c => new HitGroup(c.Parent, c.Score,
            c.Pairs!.OrderByDescending(h => h.Score).ThenBy(h => h.Doc).ToList()))];
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
