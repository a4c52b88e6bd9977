using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Fields = SearchKamer.Indexing.Fields;
using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>Non-facet filters, applied inside the query so they act before counting and paging.</summary>
internal static class Filters
{
    /// <summary>
    /// The query restricted to pair records and to the request's period. The schema's filter fields are selected
    /// in the collector instead, where a facet can also count what fails only its own selection.
    /// </summary>
    public static Query Apply(Query query, SearchRequest r)
    {
        var pairs = r.From is null && r.To is null
            ? new FilteredQuery(query, PairsOnly.Instance)
            : new FilteredQuery(query, new PairsOfPassingRecords(Day(r.From), Day(r.To)),
                FilteredQuery.QUERY_FIRST_FILTER_STRATEGY);
        if (r.IngestedAfter is { } after)
        {
            // ingested_at is only NumericDocValues; the field cache reads those without an indexed copy.
            return new FilteredQuery(pairs, FieldCacheRangeFilter.NewInt64Range(Fields.IngestedAt, after.UtcTicks, null, false, true));
        }

        return pairs;
    }

    private static int? Day(DateOnly? d) => d is { } x ? (x.Year * 10000) + (x.Month * 100) + x.Day : null;

    /// <summary>
    /// Pair records: every doc that is not a document record. Random-access bits (cached per segment
    /// core) let FilteredQuery check a candidate with one bit test instead of leap-frogging a
    /// "level:pair" term query that matches nearly every doc.
    /// </summary>
    private sealed class PairsOnly : Filter
    {
        public static readonly PairsOnly Instance = new();
        private static readonly ConditionalWeakTable<object, FixedBitSet> Cache = new();

        public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
        {
            var reader = context.AtomicReader;
            var pairs = Cache.GetValue(reader.CoreCacheKey, _ =>
            {
                var bits = ParentBits.For(reader).Clone();
                bits.Flip(0, bits.Length);
                return bits;
            });
            return BitsFilteredDocIdSet.Wrap(pairs, acceptDocs);
        }
    }
}
