using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// The blocks (pairs and record) of the documents whose record passes a test. Filter values and ingest times are indexed
/// on the document record alone (<see cref="SchemaField.DocumentOnly"/>), and a pair belongs to one document anyway, so a
/// block passes or fails whole. Queries on such fields that score go through <see cref="RecordQuery"/>.
/// </summary>
internal sealed class RecordFilter : Filter
{
    private readonly object _identity;
    private readonly Func<AtomicReaderContext, FixedBitSet, IEnumerable<int>> _passing;

    private RecordFilter(object identity, Func<AtomicReaderContext, FixedBitSet, IEnumerable<int>> passing) =>
        (_identity, _passing) = (identity, passing);

    /// <summary>The documents (re)indexed after a moment.</summary>
    public static Filter IngestedAfter(DateTimeOffset after)
    {
        var ticks = after.UtcTicks;
        return new RecordFilter((Fields.IngestedAt, ticks), (context, records) => Later(context.AtomicReader, records, ticks));
    }

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var records = ParentBits.For(context.AtomicReader);
        return BitsFilteredDocIdSet.Wrap(Blocks(records, _passing(context, records)), acceptDocs);
    }

    /// <summary>The blocks of the given docs that are records (an index written before the fields left the pairs finds the pairs too).</summary>
    public static FixedBitSet Blocks(FixedBitSet records, IEnumerable<int> docs)
    {
        var blocks = new FixedBitSet(records.Length);
        foreach (var record in docs.Where(records.Get))
        {
            var first = record == 0 ? 0 : records.PrevSetBit(record - 1) + 1;
            blocks.Set(first, record + 1);
        }

        return blocks;
    }

    /// <summary>The docs of a set, in order.</summary>
    public static IEnumerable<int> Docs(DocIdSetIterator? docs)
    {
        for (var doc = docs?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs!.NextDoc())
        {
            yield return doc;
        }
    }

    private static IEnumerable<int> Later(AtomicReader reader, FixedBitSet records, long ticks) =>
        reader.GetNumericDocValues(Fields.IngestedAt) is { } times
            ? Docs(records.GetIterator()).Where(record => times.Get(record) > ticks)
            : [];

    public override bool Equals(object? obj) => obj is RecordFilter other && Equals(other._identity, _identity);

    public override int GetHashCode() => _identity.GetHashCode();

    public override string ToString() => $"records({_identity})";
}
