using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>The matching pairs of one document, best first.</summary>
internal sealed record HitGroup(int Parent, float Score, IReadOnlyList<PairHit> Pairs);

/// <summary>
/// Groups pair hits per document and orders the documents: by best pair (newer first on ties), or by date.
/// A search can match hundreds of thousands of pairs, so groups are compact spans over the hit list
/// and only the groups of the requested page are ordered fully and turned into <see cref="HitGroup"/>s.
/// </summary>
internal static class Grouping
{
    private static readonly ConditionalWeakTable<object, int[]> DateCache = new();

    /// <summary>All groups, ordered (export).</summary>
    public static List<HitGroup> Group(List<PairHit> hits, SortOrder sort, IndexReader reader)
    {
        var spans = Spans(hits, reader);
        Array.Sort(spans, Comparer(sort));
        return [.. spans.Select(s => Materialise(hits, s))];
    }

    /// <summary>The number of groups and the ordered groups <paramref name="skip"/> to <paramref name="skip"/>+<paramref name="take"/>.</summary>
    public static (int Total, List<HitGroup> Page) Page(List<PairHit> hits, SortOrder sort, IndexReader reader, int skip, int take)
    {
        var spans = Spans(hits, reader);
        var comparer = Comparer(sort);
        var wanted = skip + take;
        List<Span> best;
        if (wanted >= spans.Length / 4)
        {
            Array.Sort(spans, comparer);
            best = [.. spans];
        }
        else
        {
            best = new List<Span>(wanted + 1);
            foreach (var span in spans)
            {
                if (best.Count == wanted && comparer.Compare(span, best[^1]) >= 0)
                {
                    continue;
                }

                var at = best.BinarySearch(span, comparer);
                best.Insert(at < 0 ? ~at : at, span);
                if (best.Count > wanted)
                {
                    best.RemoveAt(best.Count - 1);
                }
            }
        }

        return (spans.Length, [.. best.Skip(skip).Take(take).Select(s => Materialise(hits, s))]);
    }

    /// <param name="Start">Index of the group's first hit in the hit list.</param>
    private readonly record struct Span(int Start, int Count, int Parent, float Score, long Date);

    /// <summary>
    /// The collector sees docs in order and a document's pairs directly precede its record, so the hits
    /// of one document are adjacent: one pass finds the groups, reading dates per segment, not per hit.
    /// </summary>
    private static Span[] Spans(List<PairHit> hits, IndexReader reader)
    {
        if (!InParentOrder(hits))
        {
            hits.Sort((a, b) => a.Parent != b.Parent ? a.Parent.CompareTo(b.Parent) : a.Doc.CompareTo(b.Doc));
        }

        var spans = new List<Span>();
        var leaves = reader.Leaves;
        var leaf = -1;
        int[] dates = [];
        for (var i = 0; i < hits.Count;)
        {
            var parent = hits[i].Parent;
            var start = i;
            var score = float.NegativeInfinity;
            for (; i < hits.Count && hits[i].Parent == parent; i++)
            {
                score = Math.Max(score, hits[i].Score);
            }

            if (leaf < 0 || parent >= leaves[leaf].DocBase + leaves[leaf].Reader.MaxDoc)
            {
                leaf = ReaderUtil.SubIndex(parent, leaves);
                dates = RecordDates(leaves[leaf].AtomicReader);
            }

            spans.Add(new Span(start, i - start, parent, score, dates[parent - leaves[leaf].DocBase]));
        }

        return [.. spans];
    }

    /// <summary>
    /// The date of each document record of a segment (0 for pairs and undated documents), in memory:
    /// doc values read through NIOFSDirectory cost a file read per lookup, one per matching document.
    /// </summary>
    private static int[] RecordDates(AtomicReader reader) => DateCache.GetValue(reader.CoreCacheKey, _ =>
    {
        var dates = new int[reader.MaxDoc];
        var values = reader.GetNumericDocValues(Fields.Date);
        var parents = ParentBits.For(reader);
        for (var doc = parents.NextSetBit(0); values is not null && doc >= 0; doc = doc + 1 < reader.MaxDoc ? parents.NextSetBit(doc + 1) : -1)
        {
            dates[doc] = (int)values.Get(doc);
        }

        return dates;
    });

    private static bool InParentOrder(List<PairHit> hits)
    {
        for (var i = 1; i < hits.Count; i++)
        {
            if (hits[i].Parent < hits[i - 1].Parent)
            {
                return false;
            }
        }

        return true;
    }

    private static HitGroup Materialise(List<PairHit> hits, Span s) =>
        new(s.Parent, s.Score, hits.GetRange(s.Start, s.Count).OrderByDescending(h => h.Score).ThenBy(h => h.Doc).ToList());

    /// <summary>Ties fall back to index order (the parent doc id), so every order is total and stable across runs.</summary>
    private static IComparer<Span> Comparer(SortOrder sort) => sort switch
    {
        SortOrder.Newest => Comparer<Span>.Create((a, b) =>
            b.Date != a.Date ? b.Date.CompareTo(a.Date) : b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Parent.CompareTo(b.Parent)),
        SortOrder.Oldest => Comparer<Span>.Create((a, b) =>
            OldestKey(a) != OldestKey(b) ? OldestKey(a).CompareTo(OldestKey(b)) : b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Parent.CompareTo(b.Parent)),
        _ => Comparer<Span>.Create((a, b) =>
            b.Score != a.Score ? b.Score.CompareTo(a.Score) : b.Date != a.Date ? b.Date.CompareTo(a.Date) : a.Parent.CompareTo(b.Parent)),
    };

    // Undated documents go last when sorting oldest first.
    private static long OldestKey(Span s) => s.Date == 0 ? long.MaxValue : s.Date;
}
