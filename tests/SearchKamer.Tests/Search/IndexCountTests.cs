using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>The counts /health reports are those a search for document records gives, also after a document was replaced.</summary>
public sealed class IndexCountTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("searchkamer-counts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Documents_and_pairs_are_counted_as_a_search_for_document_records_counts_them_after_a_replacement()
    {
        using var index = SearchIndex.OpenForWriting(Path.Combine(_dir, "index"));
        var files = Directory.GetFiles(RepoPaths.CorpusFile("pdf"), "*.pdf").Order(StringComparer.Ordinal).Take(4).ToList();
        IngestPipeline.Run(index, files, 1, _ => { });
        // The same answer under another name replaces its record and pairs: the old ones stay behind as deletions.
        var copy = Path.Combine(_dir, "kopie.pdf");
        File.Copy(files[0], copy);
        IngestPipeline.Run(index, [copy], 1, _ => { });

        var searcher = index.Searchers.Acquire();
        try
        {
            Assert.True(searcher.IndexReader.HasDeletions, "the replacement left no deleted records to skip");
            var records = searcher.Search(new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), 1).TotalHits;
            Assert.Equal(files.Count, records);
            Assert.Equal(records, index.DocumentCount());
            Assert.Equal(searcher.IndexReader.NumDocs - records, index.PairCount());
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }
}
