using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using SearchKamer.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.SavedSearches;

/// <summary>What the alert evaluator needs to know of a (re)indexed document before it knows whether anyone wants it.</summary>
/// <param name="Change">Set when an indexed document came again with news (<see cref="DocumentChange"/>); null for a first version.</param>
public sealed record IngestedDocument(string Key, DateTimeOffset IngestedAt, string Kind, IReadOnlyList<string> ZaakNumbers, string? Change = null);

/// <summary>
/// The documents (re)indexed after a moment, read from the index itself, so nothing depends on who ingested
/// them. Only their keys, times, kinds and zaken are read: after a first start on a large index every
/// document is new, and reading each whole one held gigabytes for alerts that nobody had asked for.
/// </summary>
public static class NewDocuments
{
    private static readonly HashSet<string> HeaderFields = [Fields.DocId, Fields.IngestedAt, Fields.Kind, Fields.Zaak, Fields.Change];

    public static IReadOnlyList<IngestedDocument> Since(SearchIndex index, DateTimeOffset after)
    {
        return index.Read(searcher =>
        {
            var query = new FilteredQuery(new TermQuery(new Term(Fields.Level, Fields.LevelDoc)),
                FieldCacheRangeFilter.NewInt64Range(Fields.IngestedAt, after.UtcTicks, null, false, true));
            var count = new TotalHitCountCollector();
            searcher.Search(query, count);
            var hits = searcher.Search(query, Math.Max(1, count.TotalHits));
            return hits.ScoreDocs.Select(h =>
            {
                var stored = searcher.Doc(h.Doc, HeaderFields);
                var ticks = stored.GetField(Fields.IngestedAt).GetInt64Value() ?? 0;
                return new IngestedDocument(stored.Get(Fields.DocId), new DateTimeOffset(ticks, TimeSpan.Zero), stored.Get(Fields.Kind) ?? "",
                    stored.GetValues(Fields.Zaak), stored.Get(Fields.Change));
            }).OrderBy(d => d.IngestedAt).ToList();
        });
    }

    /// <summary>The whole documents behind some keys (those an alert will be made for).</summary>
    public static Dictionary<string, KamervraagDocument> Load(SearchIndex index, IEnumerable<string> keys)
    {
        return index.Read(searcher =>
        {
            var documents = new Dictionary<string, KamervraagDocument>(StringComparer.Ordinal);
            foreach (var key in keys.Distinct())
            {
                var query = new BooleanQuery
                {
                    { new TermQuery(new Term(Fields.DocId, key)), Occur.MUST },
                    { new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), Occur.MUST },
                };
                if (searcher.Search(query, 1).ScoreDocs is [var hit])
                {
                    documents[key] = Documents.Load(searcher, hit.Doc).Document;
                }
            }

            return documents;
        });
    }
}
