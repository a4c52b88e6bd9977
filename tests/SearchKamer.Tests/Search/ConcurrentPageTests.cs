using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// A search that runs alone loads and highlights its page on every core; one among others does it on its own
/// thread. Oracle: the page of the search asked alone; the same search asked many times at once shows it too.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public sealed class ConcurrentPageTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("minister")]
    [InlineData("\"externe inhuur\" OR gemeente")]
    public void A_page_is_the_same_whether_its_search_runs_alone_or_beside_others(string query)
    {
        var request = new SearchRequest { Query = query, Size = 20 };
        var alone = Shown(corpus.Engine.Search(request));

        var together = new string[16][];
        Parallel.For(0, together.Length, new ParallelOptions { MaxDegreeOfParallelism = together.Length },
            i => together[i] = Shown(corpus.Engine.Search(request)));

        Assert.True(alone.Length > 10, $"{query}: a page of {alone.Length} pairs");
        Assert.All(together, page => Assert.Equal(alone, page));
    }

    private static string[] Shown(SearchResponse response) =>
        [.. response.Documents.SelectMany(d => d.Questions.Select(q => $"{d.Id} {q.Number} {q.Question} {q.Answer}"))];
}
