using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>Non-facet filters, applied inside the query so they act before counting and paging.</summary>
internal static class Filters
{
    /// <summary>The query restricted to pair records and to the request's kinds, vergaderjaren and dates.</summary>
    public static Query Apply(Query query, SearchRequest r)
    {
        var pairs = new FilteredQuery(query, PairsOnly.Instance);
        var filter = new BooleanQuery();
        AddAnyOf(filter, Fields.Kind, r.Kinds.Select(k => k.Trim().ToLowerInvariant()));
        AddAnyOf(filter, Fields.Vergaderjaar, r.Vergaderjaren.Select(v => Ingestion.Parsing.Identifiers.NormaliseVergaderjaar(v) ?? v));
        if (r.From is not null || r.To is not null)
        {
            filter.Add(NumericRangeQuery.NewInt32Range(Fields.Date, Day(r.From), Day(r.To), true, true), Occur.MUST);
        }

        if (r.IngestedAfter is { } after)
        {
            // ingested_at is only NumericDocValues; the field cache reads those without an indexed copy.
            filter.Add(new ConstantScoreQuery(FieldCacheRangeFilter.NewInt64Range(Fields.IngestedAt, after.UtcTicks, null, false, true)), Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? pairs : new FilteredQuery(pairs, new QueryWrapperFilter(filter));
    }

    private static int? Day(DateOnly? d) => d is { } x ? (x.Year * 10000) + (x.Month * 100) + x.Day : null;

    private static void AddAnyOf(BooleanQuery filter, string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var v in values.Where(v => v.Length > 0).Distinct())
        {
            any.Add(new TermQuery(new Term(field, v)), Occur.SHOULD);
        }

        if (any.Clauses.Count > 0)
        {
            filter.Add(any, Occur.MUST);
        }
    }

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
