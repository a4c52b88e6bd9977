using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace SearchKamer.Indexing;

/// <summary>
/// The codec new segments are written with: Lucene 4.6's, except that stored fields (the document records a
/// results page reads, ten per page) are compressed with K4os' LZ4 instead of Lucene.Net's own. Lucene.Net
/// decompresses about 400 MB/s on this machine, K4os about 2 GB/s on the same records with the same ratio, and
/// decompressing a record's chunk was most of reading it (docs/benchmarks.md). Segments written before keep
/// their own codec and still read.
/// </summary>
[CodecName("SearchKamer46")]
public sealed class IndexCodec : FilterCodec
{
    // Lucene's own chunk size: a record of 6–10 KB shares its chunk with about one other.
    private const int ChunkSize = 1 << 14;

    private static readonly Lazy<bool> Registration = new(() =>
    {
        Codec.SetCodecFactory(new Factory());
        return true;
    });

    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("SearchKamerStoredFields", Lz4Compression.Mode, ChunkSize);

    public IndexCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    /// <summary>Makes the codec's name known to Lucene, so segments written with it can be opened; once per process.</summary>
    public static void Register() => _ = Registration.Value;

    private sealed class Factory : DefaultCodecFactory
    {
        protected override void Initialize()
        {
            base.Initialize();
            PutCodecType(typeof(IndexCodec));
        }
    }
}
