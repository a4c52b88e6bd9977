using System.Text;
using System.Text.Json;
using Lucene.Net.Codecs;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>
/// Records written with the index codec (stored fields compressed by K4os LZ4) read back as they went in, and so
/// do records an earlier version wrote with Lucene's own codec, before and after a merge joins the two.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public sealed class IndexCodecTests(CorpusIndexFixture corpus)
{
    [Fact]
    public void The_index_writes_its_segments_with_the_index_codec()
    {
        using var written = FSDirectory.Open(corpus.Index.Path);
        Assert.NotEmpty(CodecNames(written));
        Assert.All(CodecNames(written), name => Assert.Equal("SearchKamer46", name));
    }

    [Fact]
    public void Every_record_of_the_corpus_reads_back_from_segments_of_the_index_codec()
    {
        IndexCodec.Register();
        using var directory = new RAMDirectory();
        Write(directory, new IndexCodec(), corpus.Documents);

        Assert.Equal(["SearchKamer46"], CodecNames(directory));
        // A record longer than two chunks is stored in slices: the corpus must hold one for the slices to be read.
        Assert.Contains(corpus.Documents, d => Json(d).Length > 2 * 16384);
        Assert.Equal(corpus.Documents.Select(Json), ReadAll(directory));
    }

    [Fact]
    public void Records_of_lucenes_own_codec_still_read_and_merge_with_the_index_codecs()
    {
        IndexCodec.Register();
        var half = corpus.Documents.Count / 2;
        using var directory = new RAMDirectory();
        Write(directory, Codec.Default, corpus.Documents.Take(half));
        Write(directory, new IndexCodec(), corpus.Documents.Skip(half));
        Assert.Equal([Codec.Default.Name, "SearchKamer46"], CodecNames(directory));
        Assert.Equal(corpus.Documents.Select(Json), ReadAll(directory));

        // A merge policy that joins neighbours keeps the records in the order they were written.
        var merging = Config(new IndexCodec());
        merging.MergePolicy = new LogDocMergePolicy();
        using (var writer = new IndexWriter(directory, merging))
        {
            writer.ForceMerge(1);
        }

        Assert.Equal(["SearchKamer46"], CodecNames(directory));
        Assert.Equal(corpus.Documents.Select(Json), ReadAll(directory));
    }

    [Fact]
    public void A_chunk_decompresses_to_exactly_the_bytes_asked_for_from_any_offset()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(corpus.Documents.Take(8).Select(Json)));
        var buffer = new byte[text.Length + 1024];
        var output = new ByteArrayDataOutput(buffer);
        Lz4Compression.Mode.NewCompressor().Compress(text, 0, text.Length, output);
        var compressed = output.Position;
        Assert.True(compressed < text.Length * 0.8, $"{compressed} of {text.Length} bytes: not compressed");

        var decompressor = Lz4Compression.Mode.NewDecompressor();
        foreach (var (offset, length) in new[] { (0, text.Length), (0, 10), (text.Length / 3, text.Length / 4), (text.Length - 7, 7), (100, 0) })
        {
            var bytes = new BytesRef();
            decompressor.Decompress(new ByteArrayDataInput(buffer, 0, compressed), text.Length, offset, length, bytes);
            Assert.Equal(text.AsSpan(offset, length).ToArray(), bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray());
        }
    }

    [Fact]
    public void A_damaged_chunk_or_a_slice_beyond_it_is_reported_as_a_corrupt_index()
    {
        var text = Encoding.UTF8.GetBytes(Json(corpus.Documents[0]));
        var buffer = new byte[text.Length + 1024];
        var output = new ByteArrayDataOutput(buffer);
        Lz4Compression.Mode.NewCompressor().Compress(text, 0, text.Length, output);
        var length = output.Position;
        var bytes = new BytesRef();

        // The slice asked ends past the chunk.
        Assert.Throws<CorruptIndexException>(() => Lz4Compression.Mode.NewDecompressor().Decompress(new ByteArrayDataInput(buffer, 0, length), text.Length, 0, text.Length + 1, bytes));

        // Its middle third zeroed (the length in front intact): LZ4 reads matches that point before the start.
        Array.Clear(buffer, length / 3, length / 3);
        Assert.Throws<CorruptIndexException>(() => Lz4Compression.Mode.NewDecompressor().Decompress(new ByteArrayDataInput(buffer, 0, length), text.Length, 0, text.Length, bytes));
    }

    private static void Write(Lucene.Net.Store.Directory directory, Codec codec, IEnumerable<KamervraagDocument> documents)
    {
        using var writer = new IndexWriter(directory, Config(codec));
        foreach (var doc in documents)
        {
            writer.AddDocuments(DocumentMapper.ToBlock(doc, DateTimeOffset.UnixEpoch));
        }

        writer.Commit();
    }

    private static IndexWriterConfig Config(Codec codec) =>
        new(LuceneVersion.LUCENE_48, FieldAnalyzers.Index) { Codec = codec, OpenMode = OpenMode.CREATE_OR_APPEND, MergePolicy = NoMergePolicy.COMPOUND_FILES };

    private static List<string> CodecNames(Lucene.Net.Store.Directory directory)
    {
        var infos = new SegmentInfos();
        infos.Read(directory);
        return [.. infos.Segments.Select(s => s.Info.Codec.Name)];
    }

    private static List<string> ReadAll(Lucene.Net.Store.Directory directory)
    {
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var records = new MatchingDocs();
        searcher.Search(new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), records);
        return [.. records.Docs.Select(doc => Json(StoredRecord.Load(searcher, doc).Document))];
    }

    private static string Json(KamervraagDocument d) => JsonSerializer.Serialize(d, StoredJson.Options);
}
