using Lucene.Net.Search;

namespace SearchKamer.Search;

/// <summary>The filter applied inside the query, before counting and paging.</summary>
internal static class Filters
{
    /// <summary>
    /// The query restricted to the request's ingest time. The schema's filter fields and the period are checked in
    /// the collector instead (<see cref="HitCollector"/>), once per matching document at its first pair: a facet
    /// can count what fails only its own selection there, and a filter wrapped around the query asked every matching
    /// pair again and hid the scorer's bound on pairs that cannot reach the page (a period search cost more than the
    /// same words without one).
    /// </summary>
    public static Query Apply(Query query, SearchRequest r) =>
        r.IngestedAfter is { } after ? new FilteredQuery(query, new IngestedAfterFilter(after)) : query;
}
