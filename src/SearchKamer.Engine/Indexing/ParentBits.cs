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
