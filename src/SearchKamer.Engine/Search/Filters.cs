using Lucene.Net.Index;
using Lucene.Net.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>Non-facet filters, applied inside the query so they act before counting and paging.</summary>
internal static class Filters
{
    public static Query Build(SearchRequest r)
    {
        var filter = new BooleanQuery
        {
            { new TermQuery(new Term(Fields.Level, Fields.LevelPair)), Occur.MUST },
        };
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

        return filter;
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
}
