using SearchKamer.Indexing;
using SearchKamer.Ingestion;

namespace SearchKamer.Tests.Reliability;

/// <summary>
/// A kill inside the very first commit (seen in the sync kill test) leaves a segments_1 cut short.
/// Before the fix every later writer failed on it with "read past EOF", so the data directory stayed broken.
/// </summary>
public sealed class TornCommitTests
{
    [Fact]
    public void An_index_whose_first_commit_was_cut_off_counts_as_empty_and_takes_documents_again()
    {
        var dir = Directory.CreateTempSubdirectory("searchkamer-torn-").FullName;
        try
        {
            var doc = DocumentReader.Read(RepoPaths.CorpusFile("markup", "ah-tk-20242025-2932.xml")).Document!;
            using (var index = SearchIndex.OpenForWriting(dir))
            {
                index.Upsert(doc, DateTimeOffset.UtcNow);
                index.Commit();
            }

            Assert.Equal(["segments_1"], Directory.EnumerateFiles(dir, "segments_*").Select(Path.GetFileName));
            var segments = Path.Combine(dir, "segments_1");
            using (var file = new FileStream(segments, FileMode.Open))
            {
                file.SetLength(file.Length / 2);
            }

            Assert.False(SearchIndex.Exists(dir));
            Assert.Throws<DirectoryNotFoundException>(() => SearchIndex.OpenReadOnly(dir));
            using (var index = SearchIndex.OpenForWriting(dir))
            {
                Assert.Equal(0, index.DocumentCount());
                index.Upsert(doc, DateTimeOffset.UtcNow);
                index.Commit();
                Assert.Equal(1, index.DocumentCount());
            }

            Assert.True(SearchIndex.Exists(dir));
            Assert.Single(IndexSnapshot.Read(dir).PairsPerDocument);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
