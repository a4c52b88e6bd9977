using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// The blocks (pairs and record) of the documents whose record passes. Names, ids, filter values and ingest times are
/// indexed on the document record alone (<see cref="SchemaField.DocumentOnly"/>): on every pair they were a tenth of a
/// bulk load's CPU, and a pair belongs to one document anyway, so a block passes or fails whole.
/// </summary>
internal sealed class RecordFilter : Filter
{
    private readonly object _identity;
    private readonly Func<AtomicReaderContext, FixedBitSet, IEnumerable<int>> _passing;

    private RecordFilter(object identity, Func<AtomicReaderContext, FixedBitSet, IEnumerable<int>> passing) =>
        (_identity, _passing) = (identity, passing);

    /// <summary>The pairs of the documents a query on their records finds (<c>minister:rutte</c>, a zaak number); scored as one.</summary>
    public static Query Matching(Query recordQuery) =>
        new ConstantScoreQuery(new RecordFilter(recordQuery, (context, _) => Matches(recordQuery, context)));

    /// <summary>The documents (re)indexed after a moment.</summary>
    public static Filter IngestedAfter(DateTimeOffset after)
    {
        var ticks = after.UtcTicks;
        return new RecordFilter((Fields.IngestedAt, ticks), (context, records) => Later(context.AtomicReader, records, ticks));
    }

    /// <summary>A query on one field as pairs find it: through their records where the field lives on those alone.</summary>
    public static Query ForPairs(string field, Query query) => IndexSchema.IsDocumentOnly(field) ? Matching(query) : query;

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

    private static IEnumerable<int> Matches(Query query, AtomicReaderContext context) =>
        Docs(new QueryWrapperFilter(query).GetDocIdSet(context, null)?.GetIterator());

    private static IEnumerable<int> Later(AtomicReader reader, FixedBitSet records, long ticks) =>
        reader.GetNumericDocValues(Fields.IngestedAt) is { } times
            ? Docs(records.GetIterator()).Where(record => times.Get(record) > ticks)
            : [];

    public override bool Equals(object? obj) => obj is RecordFilter other && Equals(other._identity, _identity);

    public override int GetHashCode() => _identity.GetHashCode();

    public override string ToString() => $"records({_identity})";
}
