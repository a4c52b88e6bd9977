using System.IO.Hashing;
using Lucene.Net.Store;

namespace SearchKamer.Indexing;

/// <summary>
/// An index file being written, with the CRC-32 that Lucene puts in each file's footer (the same checksum as
/// Java's and Lucene.Net's: IEEE polynomial). Lucene.Net's own output ran its managed CRC table over every byte and
/// passed single bytes to a FileStream one call each; this one fills a buffer of its own and checksums it a block at a
/// time with System.IO.Hashing's vectorised CRC. The two together were 3 % of a bulk load's CPU (docs/benchmarks.md).
/// </summary>
internal sealed class ChecksumFileOutput : IndexOutput
{
    private const int BufferSize = 1 << 16;

    private readonly FileStream _file;
    private readonly Crc32 _crc = new();
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly Action _closed;
    private int _used;
    private long _written;
    private bool _disposed;

    /// <param name="closed">Called once the file is closed: the directory then knows it has to be synced at the next commit.</param>
    public ChecksumFileOutput(string path, Action closed)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
        _closed = closed;
    }

    public override long Position => _written + _used;

    public override long Length => Position;

    public override long Checksum
    {
        get
        {
            WriteBuffer();
            return _crc.GetCurrentHashAsUInt32();
        }
    }

    public override void WriteByte(byte b)
    {
        if (_used == BufferSize)
        {
            WriteBuffer();
        }

        _buffer[_used++] = b;
    }

    public override void WriteBytes(byte[] b, int offset, int length)
    {
        if (length > BufferSize - _used)
        {
            WriteBuffer();
            if (length >= BufferSize)
            {
                // A large block goes straight to the file, checksummed where it lies.
                _crc.Append(b.AsSpan(offset, length));
                _file.Write(b, offset, length);
                _written += length;
                return;
            }
        }

        Buffer.BlockCopy(b, offset, _buffer, _used, length);
        _used += length;
    }

    public override void Flush() => WriteBuffer();

    [Obsolete("Lucene writes index files front to back; only 3.x formats, which this product never writes, seek.")]
    public override void Seek(long pos) => throw new NotSupportedException("index files are written front to back");

    protected override void Dispose(bool disposing)
    {
        if (!disposing || _disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            WriteBuffer();
        }
        finally
        {
            _file.Dispose();
            _closed();
        }
    }

    private void WriteBuffer()
    {
        if (_used > 0)
        {
            _crc.Append(_buffer.AsSpan(0, _used));
            _file.Write(_buffer, 0, _used);
            _written += _used;
            _used = 0;
        }
    }
}
