using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchKamer.Host.Services;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Tests.Host;

/// <summary>An index written with an older analysis is built again on start, from the corpus and the other files it held.</summary>
public sealed class SchemaRebuildTests : IDisposable
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("searchkamer-schema-").FullName;

    [Fact]
    public async Task An_index_of_an_older_schema_is_rebuilt_from_its_files_on_start()
    {
        var corpus = System.IO.Directory.CreateDirectory(Path.Combine(_root, "corpus")).FullName;
        var done = System.IO.Directory.CreateDirectory(Path.Combine(_root, "inbox", "done")).FullName;
        File.Copy(RepoPaths.CorpusFile("pdf", "00fe7edd-24c8-4857-98da-774ed3b06836.pdf"), Path.Combine(corpus, "a.pdf"));
        File.Copy(RepoPaths.CorpusFile("pdf", "1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf"), Path.Combine(done, "b.pdf"));
        var indexPath = Path.Combine(_root, "index");
        IReadOnlyList<string> keys;
        using (var old = SearchIndex.OpenForWriting(indexPath))
        {
            IngestPipeline.Run(old, [Path.Combine(corpus, "a.pdf"), Path.Combine(done, "b.pdf")], 1, _ => { });
            keys = [.. new SearchEngine(old).All().Select(DocumentMapper.KeyOf).Order(StringComparer.Ordinal)];
        }

        StampSchema(indexPath, "2");

        using var index = SearchIndex.OpenForWriting(indexPath);
        Assert.Equal("2", index.CommittedSchema());
        var options = Options.Create(new SearchKamerOptions { DataDirectory = _root, CorpusDirectory = corpus });
        await new IndexBootstrap(index, new SearchKamer.Sync.SyncState(Store.Open(_root)), new IngestNotifier(), options, NullLogger<IndexBootstrap>.Instance).StartAsync(CancellationToken.None);

        Assert.Equal(SearchIndex.SchemaVersion, index.CommittedSchema());
        Assert.Equal(keys, new SearchEngine(index).All().Select(DocumentMapper.KeyOf).Order(StringComparer.Ordinal));
    }

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);

    /// <summary>What an earlier version left: the same index, its last commit saying another schema.</summary>
    private static void StampSchema(string path, string schema)
    {
        using var directory = FSDirectory.Open(path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer()) { OpenMode = OpenMode.APPEND });
        writer.SetCommitData(new Dictionary<string, string> { ["schema"] = schema, ["committed"] = DateTimeOffset.UtcNow.ToString("O") });
        writer.Commit();
    }
}
