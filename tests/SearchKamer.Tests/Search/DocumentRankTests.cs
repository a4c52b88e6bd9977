using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// A document ranks by the best of its matching pairs, whichever of them that is: the collector sees a document's
/// pairs in question order and may leave those that cannot reach the page unscored, so the best is not the first.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class DocumentRankTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("minister")]
    [InlineData("gemeente")]
    [InlineData("kabinet")]
    public void A_document_ranks_by_its_best_pair_whichever_of_its_pairs_that_is(string query)
    {
        // Bounded as a broad search is, so pairs below the page go unscored while collecting.
        var engine = new SearchEngine(corpus.Index, SearchLimits.Default with { BoundAbove = 0 });
        var whole = engine.Search(new SearchRequest { Query = query, Size = SearchRequest.MaxPageSize });
        Assert.True(whole.TotalDocuments <= SearchRequest.MaxPageSize, $"{query}: {whole.TotalDocuments} documents do not fit one page");

        // Some document's best pair comes after another of its pairs, or first and best could not be told apart.
        Assert.Contains(whole.Documents, d => d.Questions.MaxBy(q => q.Score)!.Number != d.Questions.Min(q => q.Number));

        // The oracle: each document's best pair score, from the pairs shown, in descending order.
        var best = whole.Documents.Select(d => d.Questions.Max(q => q.Score)).ToList();
        Assert.Equal(best.OrderByDescending(s => s), best);

        var firstPage = engine.Search(new SearchRequest { Query = query, Size = 5 });
        Assert.Equal(best.OrderByDescending(s => s).Take(5), firstPage.Documents.Select(d => d.Questions.Max(q => q.Score)));
    }
}
