using K4os.Compression.LZ4;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace SearchKamer.Indexing;

/// <summary>
/// LZ4 blocks by K4os for <see cref="IndexCodec"/>'s stored fields: the compressed length, then the block.
/// One instance, because Lucene merges stored fields chunk by chunk only between segments whose mode is the same object.
/// </summary>
internal sealed class Lz4Compression : CompressionMode
{
    public static readonly Lz4Compression Mode = new();

    private Lz4Compression()
    {
    }

    public override Compressor NewCompressor() => new Lz4Compressor();

    public override Decompressor NewDecompressor() => new Lz4Decompressor();

    public override string ToString() => "K4os LZ4 (fast)";

    private sealed class Lz4Compressor : Compressor
    {
        private byte[] _block = [];

        public override void Compress(byte[] bytes, int off, int len, DataOutput output)
        {
            var bound = LZ4Codec.MaximumOutputSize(len);
            if (_block.Length < bound)
            {
                _block = new byte[ArrayUtil.Oversize(bound, 1)];
            }

            var written = LZ4Codec.Encode(bytes.AsSpan(off, len), _block.AsSpan(0, bound), LZ4Level.L00_FAST);
            if (written < 0 || (written == 0 && len > 0))
            {
                throw new InvalidOperationException($"LZ4 could not compress a chunk of {len} bytes");
            }

            output.WriteVInt32(written);
            output.WriteBytes(_block, 0, written);
        }
    }

    private sealed class Lz4Decompressor : Decompressor
    {
        private byte[] _block = [];

        public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
        {
            var compressed = input.ReadVInt32();
            if (compressed < 0 || offset < 0 || length < 0 || offset + length > originalLength)
            {
                throw new CorruptIndexException($"stored fields chunk: {compressed} compressed bytes, {offset}+{length} of {originalLength} asked ({input})");
            }

            if (_block.Length < compressed)
            {
                _block = new byte[ArrayUtil.Oversize(compressed, 1)];
            }

            input.ReadBytes(_block, 0, compressed);
            if (bytes.Bytes.Length < originalLength)
            {
                bytes.Bytes = new byte[ArrayUtil.Oversize(originalLength, 1)];
            }

            // The whole chunk even for a record early in it: K4os' partial decoder took 30 us a chunk, its full one 7.
            var decoded = LZ4Codec.Decode(_block.AsSpan(0, compressed), bytes.Bytes.AsSpan(0, originalLength));
            if (decoded != originalLength)
            {
                throw new CorruptIndexException($"stored fields chunk: {decoded} bytes decompressed, {originalLength} expected ({input})");
            }

            bytes.Offset = offset;
            bytes.Length = length;
        }

        public override object Clone() => new Lz4Decompressor();
    }
}
