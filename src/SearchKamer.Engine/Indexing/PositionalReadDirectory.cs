using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace SearchKamer.Indexing;

/// <summary>
/// An index directory that reads with positional reads (<c>pread</c>) on a shared file handle.
/// Lucene.Net's NIOFSDirectory reads through a FileStream under a lock, asking the file's length
/// (an <c>fstat</c>) and seeking on every buffer refill: at a million pairs that was a sixth of all
/// search CPU, and its lock made concurrent searches queue on the same file. MMapDirectory is no way
/// out here (slower and crash-prone in this Lucene.Net version, see lucene-notes). Writing is
/// FSDirectory's own.
/// </summary>
public sealed class PositionalReadDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    // Lucene's default of 1 KiB costs a system call per kilobyte read. Postings lists are read front to
    // back, so a large buffer saves calls; elsewhere (term dictionary, stored fields) reads jump about
    // and a large buffer only copies bytes nobody reads.
    private const int PostingsBuffer = 16384;
    private const int OtherBuffer = 4096;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var handle = OpenHandle(name);
        return new PositionalInput($"PositionalInput({name})", handle, 0, RandomAccess.GetLength(handle), BufferFor(name), owner: true);
    }

    /// <summary>Slices of a compound file share one handle, which the slicer owns.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(name, OpenHandle(name));
    }

    private static int BufferFor(string name) =>
        name.EndsWith(".doc", StringComparison.Ordinal) || name.EndsWith(".pos", StringComparison.Ordinal) ? PostingsBuffer : OtherBuffer;

    private SafeFileHandle OpenHandle(string name) =>
        File.OpenHandle(Path.Combine(Directory.FullName, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    private sealed class Slicer(string name, SafeFileHandle handle) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalInput($"PositionalInput({sliceDescription} in {name})", handle, offset, length, BufferFor(sliceDescription), owner: false);

        [Obsolete("Only for reading compound files of 3.x indexes, which this product never wrote.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                handle.Dispose();
            }
        }
    }

    /// <summary>Reads <paramref name="length"/> bytes from <paramref name="offset"/> of the file; clones share the handle and never close it.</summary>
    private sealed class PositionalInput(string description, SafeFileHandle handle, long offset, long length, int bufferSize, bool owner)
        : BufferedIndexInput(description, bufferSize)
    {
        private bool _owner = owner;

        public override long Length => length;

        public override object Clone()
        {
            var clone = (PositionalInput)base.Clone();
            clone._owner = false;
            return clone;
        }

        protected override void ReadInternal(byte[] b, int offset1, int len)
        {
            var position = Position;
            if (position + len > length)
            {
                throw new EndOfStreamException($"read past EOF: {this} (at {position}, {len} bytes, length {length})");
            }

            var target = b.AsSpan(offset1, len);
            while (target.Length > 0)
            {
                var read = RandomAccess.Read(handle, target, offset + position);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"read past EOF: {this} (file shrank at {position})");
                }

                position += read;
                target = target[read..];
            }
        }

        protected override void SeekInternal(long pos)
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _owner)
            {
                _owner = false;
                handle.Dispose();
            }
        }
    }
}
