using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// With two or more facet selections the search may skip the pairs that fail two of them: its answer (hits, pages,
/// scores and every facet's counts without its own selection) must be the one of a search that visits every pair.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class AllButOneSelectionTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("minister", new[] { Fields.Minister, Fields.Party })]
    [InlineData("gemeente", new[] { Fields.Ministry, Fields.Year })]
    [InlineData("minister", new[] { Fields.Minister, Fields.Party, Fields.Year })]
    [InlineData("", new[] { Fields.Party, Fields.Kind })]
    public void A_search_with_several_selections_answers_as_one_that_visits_every_pair(string query, string[] fields)
    {
        // In each facet the value most documents of the unselected search hold: many documents pass one selection only.
        var plain = corpus.Engine.Search(new SearchRequest { Query = query, Size = 1 });
        var selections = fields.ToDictionary(f => f, f => (IReadOnlyList<string>)[plain.Facets[f].OrderByDescending(v => v.Count).First().Value]);
        var request = new SearchRequest { Query = query, Selections = selections, Size = 5 };
        var expected = new SearchEngine(corpus.Index, SearchLimits.Default with { SkipFactor = int.MaxValue }).Search(request);
        Assert.True(expected.Total > 0, $"{query}: no pair passes {string.Join(", ", selections.Values.Select(v => v[0]))}");
        // A selected facet counts more than its selected value: documents that fail only that selection.
        Assert.Contains(fields, f => expected.Facets[f].Count > 1);

        // Skipping always (as where the query reads far more postings than the selection), split and on one thread.
        foreach (var splitAbove in new[] { 0, long.MaxValue })
        {
            var actual = new SearchEngine(corpus.Index, SearchLimits.Default with { SkipFactor = 0, SplitAbove = splitAbove }).Search(request);

            Assert.Equal(Json(expected), Json(actual));
        }
    }

    private static string Json(SearchResponse r) => System.Text.Json.JsonSerializer.Serialize(r with { TookMs = 0 });
}
