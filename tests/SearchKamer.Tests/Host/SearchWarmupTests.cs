using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchKamer.Host.Services;
using SearchKamer.Indexing;
using SearchKamer.Search;
using SearchKamer.Tests.Search;

namespace SearchKamer.Tests.Host;

/// <summary>The start-up warm-up asks every kind of search, built from the index's own words, and stops at its bound.</summary>
[Collection(CorpusIndexCollection.Name)]
public class SearchWarmupTests(CorpusIndexFixture corpus)
{
    [Fact]
    public void Warmup_asks_every_kind_of_search_with_words_of_the_corpus()
    {
        var requests = Warmup(corpus.Index, corpus.Engine).Requests();

        Assert.Contains(requests, r => r.Query.StartsWith('"'));
        Assert.Contains(requests, r => r.Query.EndsWith('*'));
        Assert.Contains(requests, r => r.Query.StartsWith("vraag:", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Parties.Count > 0 && r.Years.Count > 0);
        Assert.Contains(requests, r => r.From is not null);
        Assert.Contains(requests, r => r.Page == 2);
        // The words come from the corpus: the plain-word searches find questions.
        Assert.All(requests.Where(r => !r.Query.Contains(' ') && !r.Query.Contains(':') && !r.Query.EndsWith('*') && r.Parties.Count == 0 && r.From is null && r.Page == 1),
            r => Assert.True(corpus.Engine.Search(r).Total > 0, r.Query));
    }

    [Fact]
    public void Warmup_stops_at_its_bound_without_errors()
    {
        Assert.Equal(300, Warmup(corpus.Index, corpus.Engine).Run(300, CancellationToken.None));
    }

    [Fact]
    public void An_empty_index_is_not_warmed()
    {
        var dir = Directory.CreateTempSubdirectory("searchkamer-warmup-");
        try
        {
            using var index = SearchIndex.OpenForWriting(Path.Combine(dir.FullName, "index"));
            var warmup = Warmup(index, new SearchEngine(index));
            Assert.Empty(warmup.Requests());
            Assert.Equal(0, warmup.Run(100, CancellationToken.None));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static SearchWarmup Warmup(SearchIndex index, SearchEngine engine) =>
        new(index, engine, Options.Create(new SearchKamerOptions()), NullLogger<SearchWarmup>.Instance);
}
