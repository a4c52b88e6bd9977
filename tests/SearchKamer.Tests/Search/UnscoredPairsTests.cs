using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// A broad search leaves the pairs that cannot reach the page unscored, and scores those of the shown documents
/// afterwards: its pages must be exactly those of a search that scores every pair.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class UnscoredPairsTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("minister", 1, 1)]
    [InlineData("minister", 10, 1)]
    [InlineData("minister", 5, 3)]
    [InlineData("gemeente", 3, 1)]
    [InlineData("gemeente NOT belasting", 4, 2)]
    [InlineData("vraag:minister", 2, 2)]
    public void A_page_is_the_same_as_when_every_pair_is_scored(string query, int size, int page)
    {
        var request = new SearchRequest { Query = query, Size = size, Page = page };
        var expected = new SearchEngine(corpus.Index, SearchLimits.Default with { ScoreEveryPair = true }).Search(request);
        Assert.True(expected.Total > size * page, $"{query}: {expected.Total} pairs");

        // Every search of the small corpus is bounded here (above 0 postings), as only broad ones are: split over the
        // cores (above 0 postings too) and on one thread.
        foreach (var splitAbove in new[] { 0, long.MaxValue })
        {
            var bounded = new SearchEngine(corpus.Index, SearchLimits.Default with { SplitAbove = splitAbove, BoundAbove = 0 });

            var actual = bounded.Search(request);

            Assert.DoesNotContain(actual.Documents.SelectMany(d => d.Questions), q => float.IsNaN(q.Score));
            Assert.Equal(Json(expected), Json(actual));
        }
    }

    private static string Json(SearchResponse r) => System.Text.Json.JsonSerializer.Serialize(r with { TookMs = 0 });
}
