using SearchKamer.Indexing;
using SearchKamer.Ingestion;
using SearchKamer.Search;

namespace SearchKamer.Tests.Ingestion;

/// <summary>A bulk load ends as one segment; a file added later does not rewrite the index.</summary>
public sealed class BulkLoadMergeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("searchkamer-merge-").FullName;

    [Fact]
    public void A_bulk_load_is_merged_into_one_segment_that_finds_the_same_and_keeps_the_watermark()
    {
        using var index = SearchIndex.OpenForWriting(Path.Combine(_dir, "index"));
        var files = FileWalker.Expand([RepoPaths.Corpus], new List<string>());
        var summary = IngestPipeline.Run(index, files, 1, _ => { }, batchSize: 12);
        var before = new SearchEngine(index).Search(new SearchRequest { Query = "gemeente", Size = 100 });
        var watermark = index.LastCommitData()["watermark.file"];
        Assert.True(index.SegmentCount() >= 3, $"only {index.SegmentCount()} segments");

        Assert.True(index.MergeAfterBulkLoad(summary.Indexed));

        Assert.Equal(1, index.SegmentCount());
        AssertOneSegmentIsCutInTwo(index);
        Assert.Equal(watermark, index.LastCommitData()["watermark.file"]);
        var after = new SearchEngine(index).Search(new SearchRequest { Query = "gemeente", Size = 100 });
        Assert.Equal((before.Total, before.TotalDocuments), (after.Total, after.TotalDocuments));
        Assert.Equal(before.Documents.Select(d => d.Id), after.Documents.Select(d => d.Id));
    }

    [Fact]
    public void One_file_added_to_a_loaded_index_is_not_a_bulk_load()
    {
        using var index = SearchIndex.OpenForWriting(Path.Combine(_dir, "index"));
        var files = FileWalker.Expand([RepoPaths.Corpus], new List<string>());
        var summary = IngestPipeline.Run(index, files.Skip(1).ToList(), 1, _ => { });
        index.MergeAfterBulkLoad(summary.Indexed);
        var added = IngestPipeline.Run(index, files.Take(1).ToList(), 1, _ => { });

        Assert.Equal(1, added.Indexed);
        Assert.False(index.MergeAfterBulkLoad(added.Indexed));
        Assert.Equal(2, index.SegmentCount());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Both cores still get work on one segment: the cut falls inside it, just after a document record.</summary>
    private static void AssertOneSegmentIsCutInTwo(SearchIndex index)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var runs = DocumentStretches.Of(searcher.IndexReader.Leaves, 2);
            var cut = Assert.Single(runs[0]);
            Assert.Equal(2, runs.Count);
            Assert.InRange(cut.End, 1, cut.Leaf.AtomicReader.MaxDoc - 1);
            Assert.True(ParentBits.For(cut.Leaf.AtomicReader).Get(cut.End - 1));
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }
}
