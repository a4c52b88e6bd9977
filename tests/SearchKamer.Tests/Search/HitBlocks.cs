using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Indexing;

namespace SearchKamer.Tests.Search;

/// <summary>Where a doc of the index stands in its document's block: the pairs first, the record last.</summary>
internal static class HitBlocks
{
    /// <summary>The block's record and first doc (index-wide ids), and whether the doc is the record itself.</summary>
    public static (int Record, int First, bool IsRecord) Of(IndexSearcher searcher, int doc)
    {
        var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(doc, searcher.IndexReader.Leaves)];
        var records = ParentBits.For(leaf.AtomicReader);
        var record = records.NextSetBit(doc - leaf.DocBase);
        var first = record == 0 ? 0 : records.PrevSetBit(record - 1) + 1;
        return (leaf.DocBase + record, leaf.DocBase + first, record == doc - leaf.DocBase);
    }
}
