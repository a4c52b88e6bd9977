using SearchKamer.Indexing;

namespace SearchKamer.Tests.Search;

/// <summary>SearchIndex.Read, the one place that pairs acquiring a searcher with releasing it.</summary>
public sealed class SearcherReleaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("searchkamer-release-").FullName;

    [Fact]
    public void A_searcher_is_released_after_a_read_and_after_a_read_that_throws()
    {
        using var index = SearchIndex.OpenForWriting(Path.Combine(_dir, "index"));
        var before = References(index);

        var leaves = index.Read(searcher => searcher.IndexReader.Leaves.Count);
        Assert.Throws<InvalidOperationException>(() => index.Read<int>(_ => throw new InvalidOperationException("kapot")));

        Assert.True(leaves >= 0);
        Assert.Equal(before, References(index));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The reader's reference count while one more searcher is held (that one released again at once).
    private static int References(SearchIndex index)
    {
        var searcher = index.Searchers.Acquire();
        var count = searcher.IndexReader.RefCount;
        index.Searchers.Release(searcher);
        return count;
    }
}
