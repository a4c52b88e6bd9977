using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Indexing;

/// <summary>
/// Which docs of a segment are document records. Pairs are written in a block ending with their
/// document record, so a pair's document is the next set bit: grouping without any lookup.
/// Cached per segment core, which never changes once written.
/// </summary>
internal static class ParentBits
{
    private static readonly ConditionalWeakTable<object, FixedBitSet> Cache = new();

    public static FixedBitSet For(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => Build(reader));

    /// <summary>
    /// The blocks of the given records, each record with the pairs before it: what a query or filter on fields only
    /// the records carry (<see cref="SchemaField.DocumentOnly"/>) lets through.
    /// </summary>
    /// <param name="found">
    /// Records of the segment, in order. A pair among them (an index written before such fields left the pairs) adds
    /// nothing: its record brings the whole block.
    /// </param>
    public static FixedBitSet Blocks(FixedBitSet records, IEnumerable<int> found)
    {
        var blocks = new FixedBitSet(records.Length);
        foreach (var record in found)
        {
            var first = record == 0 ? 0 : records.PrevSetBit(record - 1) + 1;
            blocks.Set(first, record + 1);
        }

        return blocks;
    }

    /// <summary>The set docs of a bit set, in order.</summary>
    public static IEnumerable<int> Each(FixedBitSet bits)
    {
        for (var doc = bits.Length == 0 ? -1 : bits.NextSetBit(0); doc >= 0; doc = doc + 1 < bits.Length ? bits.NextSetBit(doc + 1) : -1)
        {
            yield return doc;
        }
    }

    private static FixedBitSet Build(AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        var terms = reader.GetTerms(Fields.Level);
        var termsEnum = terms?.GetEnumerator();
        if (termsEnum is null || !termsEnum.SeekExact(new BytesRef(Fields.LevelDoc)))
        {
            return bits;
        }

        var docs = termsEnum.Docs(null, null, DocsFlags.NONE);
        int doc;
        while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            bits.Set(doc);
        }

        return bits;
    }
}
