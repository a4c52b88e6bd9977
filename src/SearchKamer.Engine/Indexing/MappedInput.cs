using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace SearchKamer.Indexing;

/// <summary>
/// An index file mapped into memory, read with plain loads: no system call and no copy into a buffer per refill.
/// The map is never unmapped by a reader's close. Lucene closes a file's first input when its segment closes but
/// never the clones its searches made, so a close cannot tell whether a clone still reads; unmapping then would turn
/// that read into a crash (Lucene.Net's own MMapDirectory has reported such crashes, lucene-notes). Every input holds
/// the map; the runtime unmaps it once no input is reachable.
/// </summary>
internal sealed unsafe class MappedFile
{
    // Holds the map: its handle unmaps when the runtime collects it, once no input (and so no pointer) is left.
    private readonly MemoryMappedViewAccessor? _view;

    public MappedFile(SafeFileHandle handle)
    {
        Length = RandomAccess.GetLength(handle);
        if (Length == 0)
        {
            // An empty file cannot be mapped; nothing is ever read from it.
            handle.Dispose();
            return;
        }

        // The file itself is closed at once: the view stays mapped without it, and a descriptor per file of every
        // segment ever read would otherwise stay open until the runtime collects the map.
        using (var map = MemoryMappedFile.CreateFromFile(new FileStream(handle, FileAccess.Read, 1), null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false))
        {
            _view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        }

        Start = (byte*)_view.SafeMemoryMappedViewHandle.DangerousGetHandle() + _view.PointerOffset;
    }

    public long Length { get; }

    /// <summary>The file's first byte; valid while this object is reachable.</summary>
    public byte* Start { get; }
}

/// <summary>A stretch of a <see cref="MappedFile"/> (the whole file, or one file of a compound file) with its own position.</summary>
internal sealed unsafe class MappedInput(string description, MappedFile file, long offset, long length) : IndexInput(description)
{
    private long _position;

    public override long Length => length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > length)
        {
            throw new EndOfStreamException($"seek past EOF: {this} (to {pos}, length {length})");
        }

        _position = pos;
    }

    public override byte ReadByte()
    {
        var at = Take(1);
        var b = file.Start[at];
        GC.KeepAlive(file);
        return b;
    }

    public override void ReadBytes(byte[] b, int offset1, int len)
    {
        var at = Take(len);
        new ReadOnlySpan<byte>(file.Start + at, len).CopyTo(b.AsSpan(offset1, len));
        GC.KeepAlive(file);
    }

    public override short ReadInt16()
    {
        var at = Take(2);
        var v = BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(file.Start + at, 2));
        GC.KeepAlive(file);
        return v;
    }

    public override int ReadInt32()
    {
        var at = Take(4);
        var v = BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(file.Start + at, 4));
        GC.KeepAlive(file);
        return v;
    }

    public override long ReadInt64()
    {
        var at = Take(8);
        var v = BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(file.Start + at, 8));
        GC.KeepAlive(file);
        return v;
    }

    public override int ReadVInt32() => (int)ReadVarInt(5, "vInt");

    public override long ReadVInt64() => ReadVarInt(9, "vLong");

    /// <summary>A clone reads on from the same position on its own; it shares the map.</summary>
    public override object Clone() => MemberwiseClone();

    // Nothing to release: the map goes when no input is reachable (see MappedFile).
    protected override void Dispose(bool disposing)
    {
    }

    /// <summary>Up to <paramref name="maxBytes"/> bytes, seven bits each, low first; a set high bit means another byte follows.</summary>
    private long ReadVarInt(int maxBytes, string kind)
    {
        var p = file.Start + offset;
        long value = 0;
        for (var shift = 0; shift < maxBytes * 7; shift += 7)
        {
            long b = p[CheckedNext()];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                GC.KeepAlive(file);
                return value;
            }
        }

        throw new IOException($"invalid {kind} in {this} at {_position}");
    }

    /// <summary>The offset in the file of the next <paramref name="count"/> bytes, which are then read.</summary>
    private long Take(int count)
    {
        if (count < 0 || _position + count > length)
        {
            throw new EndOfStreamException($"read past EOF: {this} (at {_position}, {count} bytes, length {length})");
        }

        var at = offset + _position;
        _position += count;
        return at;
    }

    private long CheckedNext()
    {
        if (_position >= length)
        {
            throw new EndOfStreamException($"read past EOF: {this} (at {_position}, length {length})");
        }

        return _position++;
    }
}
