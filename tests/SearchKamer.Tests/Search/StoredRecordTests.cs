using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>A document record reads back whole, whether its JSON was stored as UTF-8 bytes or, before, as text.</summary>
public sealed class StoredRecordTests
{
    private static readonly KamervraagDocument Parsed =
        DocumentReader.Read(RepoPaths.CorpusFile("pdf", "00fe7edd-24c8-4857-98da-774ed3b06836.pdf")).Document!;

    [Fact]
    public void A_record_reads_back_its_document_key_and_renditions()
    {
        Rendition[] renditions = [new("/a/een.pdf", "aa"), new("/b/twee.html", "bb")];
        var block = DocumentMapper.ToBlock(Parsed, DateTimeOffset.UnixEpoch, renditions);

        var read = ReadBack(block, renditions: true);

        Assert.Equal(Json(Parsed), Json(read.Document));
        Assert.Equal(DocumentMapper.KeyOf(Parsed), read.Key);
        Assert.Equal(renditions, read.Renditions);
        Assert.NotNull(block[^1].GetField(Fields.DocumentJson).GetBinaryValue());
    }

    [Fact]
    public void A_record_whose_json_an_earlier_version_stored_as_text_still_reads()
    {
        var block = DocumentMapper.ToBlock(Parsed, DateTimeOffset.UnixEpoch);
        var record = block[^1];
        record.RemoveField(Fields.DocumentJson);
        record.Add(new StoredField(Fields.DocumentJson, JsonSerializer.Serialize(Parsed, StoredJson.Options)));

        var read = ReadBack(block, renditions: false);

        Assert.Equal(Json(Parsed), Json(read.Document));
        Assert.Equal(DocumentMapper.KeyOf(Parsed), read.Key);
        Assert.Empty(read.Renditions);
    }

    private static StoredRecord.Read ReadBack(List<Document> block, bool renditions)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, FieldAnalyzers.Index)))
        {
            writer.AddDocuments(block);
        }

        using var reader = DirectoryReader.Open(directory);
        return StoredRecord.Load(new IndexSearcher(reader), block.Count - 1, renditions);
    }

    private static string Json(KamervraagDocument d) => JsonSerializer.Serialize(d, StoredJson.Options);
}
