using Lucene.Net.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>Non-facet filters, applied inside the query so they act before counting and paging.</summary>
internal static class Filters
{
    /// <summary>
    /// The query restricted to the request's period and ingest time. The schema's filter fields are selected in
    /// the collector instead, where a facet can also count what fails only its own selection; and the collector
    /// passes over document records (which share some fields with their pairs): a filter to pairs only made every
    /// posting of every term ask a bit set, where the collector asks once per hit.
    /// </summary>
    public static Query Apply(Query query, SearchRequest r)
    {
        var period = r.From is null && r.To is null
            ? query
            : new FilteredQuery(query, new PairsOfPassingRecords(Day(r.From), Day(r.To)), FilteredQuery.QUERY_FIRST_FILTER_STRATEGY);
        if (r.IngestedAfter is { } after)
        {
            // ingested_at is only NumericDocValues; the field cache reads those without an indexed copy.
            return new FilteredQuery(period, FieldCacheRangeFilter.NewInt64Range(Fields.IngestedAt, after.UtcTicks, null, false, true));
        }

        return period;
    }

    private static int? Day(DateOnly? d) => d is { } x ? (x.Year * 10000) + (x.Month * 100) + x.Day : null;
}
