using Lucene.Net.Index;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>The matching pairs of one document, best first.</summary>
internal sealed record HitGroup(int Parent, float Score, IReadOnlyList<PairHit> Pairs);

/// <summary>Groups pair hits per document and orders the documents: by best pair, or by date.</summary>
internal static class Grouping
{
    public static List<HitGroup> Group(List<PairHit> hits, SortOrder sort, IndexReader reader)
    {
        var groups = hits.GroupBy(h => h.Parent)
            .Select(g => new HitGroup(g.Key, g.Max(h => h.Score), g.OrderByDescending(h => h.Score).ThenBy(h => h.Doc).ToList()))
            .ToList();
        if (sort == SortOrder.Relevance)
        {
            return [.. groups.OrderByDescending(g => g.Score).ThenByDescending(g => DateOf(reader, g.Parent)).ThenBy(g => g.Parent)];
        }

        var dated = groups.Select(g => (Group: g, Date: DateOf(reader, g.Parent))).ToList();
        var ordered = sort == SortOrder.Newest
            ? dated.OrderByDescending(x => x.Date).ThenByDescending(x => x.Group.Score)
            : dated.OrderBy(x => x.Date == 0 ? long.MaxValue : x.Date).ThenByDescending(x => x.Group.Score);
        return [.. ordered.Select(x => x.Group)];
    }

    private static long DateOf(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetNumericDocValues(Fields.Date);
        return values?.Get(doc - leaf.DocBase) ?? 0;
    }
}
