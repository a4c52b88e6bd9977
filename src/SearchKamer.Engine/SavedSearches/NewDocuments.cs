using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.SavedSearches;

public sealed record IngestedDocument(string Key, DateTimeOffset IngestedAt, KamervraagDocument Document);

/// <summary>The documents (re)indexed after a moment, read from the index itself, so nothing depends on who ingested them.</summary>
public static class NewDocuments
{
    public static IReadOnlyList<IngestedDocument> Since(SearchIndex index, DateTimeOffset after)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var query = new FilteredQuery(new TermQuery(new Term(Fields.Level, Fields.LevelDoc)),
                FieldCacheRangeFilter.NewInt64Range(Fields.IngestedAt, after.UtcTicks, null, false, true));
            var count = new TotalHitCountCollector();
            searcher.Search(query, count);
            var hits = searcher.Search(query, Math.Max(1, count.TotalHits));
            return hits.ScoreDocs.Select(h =>
            {
                var stored = searcher.Doc(h.Doc);
                var document = JsonSerializer.Deserialize<KamervraagDocument>(stored.Get(Fields.DocumentJson), StoredJson.Options)!;
                var ticks = stored.GetField(Fields.IngestedAt).GetInt64Value() ?? 0;
                return new IngestedDocument(stored.Get(Fields.DocId), new DateTimeOffset(ticks, TimeSpan.Zero), document);
            }).OrderBy(d => d.IngestedAt).ToList();
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }
}
