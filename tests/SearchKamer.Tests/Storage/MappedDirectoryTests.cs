using Lucene.Net.Store;
using SearchKamer.Indexing;

namespace SearchKamer.Tests.Storage;

/// <summary>
/// Index files read from memory maps give back what Lucene's own writer put in them: whole files, slices of a
/// compound file, clones reading on their own, and a clear error naming the file past its end.
/// </summary>
public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("searchkamer-mapped-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_mapped_file_reads_back_every_value_lucenes_writer_wrote_in_its_encoding()
    {
        var random = new Random(21);
        var ints = Enumerable.Range(0, 2000).Select(_ => random.Next(int.MinValue, int.MaxValue)).Append(0).Append(int.MaxValue).Append(-1).ToArray();
        var longs = ints.Select(i => ((long)i << 20) ^ random.NextInt64()).Append(long.MaxValue).Append(0L).ToArray();
        var bytes = new byte[70_000];
        random.NextBytes(bytes);
        using (var fs = FSDirectory.Open(_dir))
        using (var output = fs.CreateOutput("values", IOContext.DEFAULT))
        {
            foreach (var i in ints)
            {
                output.WriteVInt32(i & int.MaxValue);
                output.WriteInt32(i);
                output.WriteInt16((short)i);
            }

            foreach (var l in longs)
            {
                output.WriteVInt64(l & long.MaxValue);
                output.WriteInt64(l);
            }

            output.WriteBytes(bytes, bytes.Length);
            output.WriteString("ministerie van Financiën");
        }

        using var mapped = new MappedDirectory(new DirectoryInfo(_dir));
        using var input = mapped.OpenInput("values", IOContext.DEFAULT);
        foreach (var i in ints)
        {
            Assert.Equal(i & int.MaxValue, input.ReadVInt32());
            Assert.Equal(i, input.ReadInt32());
            Assert.Equal((short)i, input.ReadInt16());
        }

        foreach (var l in longs)
        {
            Assert.Equal(l & long.MaxValue, input.ReadVInt64());
            Assert.Equal(l, input.ReadInt64());
        }

        var read = new byte[bytes.Length];
        input.ReadBytes(read, 0, read.Length);
        Assert.Equal(bytes, read);
        Assert.Equal("ministerie van Financiën", input.ReadString());
        Assert.Equal(input.Length, input.Position);
        var past = Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Contains("values", past.Message);
    }

    [Fact]
    public void Clones_and_slices_read_on_their_own_positions_of_one_map()
    {
        var content = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(Path.Combine(_dir, "compound"), content);

        using var mapped = new MappedDirectory(new DirectoryInfo(_dir));
        using var slicer = mapped.CreateSlicer("compound", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("part", 1000, 300);
        Assert.Equal(300, slice.Length);
        Assert.Equal(content[1000], slice.ReadByte());
        slice.Seek(299);
        Assert.Equal(content[1299], slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());

        slice.Seek(10);
        var clone = (IndexInput)slice.Clone();
        Assert.Equal(content[1010], clone.ReadByte());
        Assert.Equal(content[1011], clone.ReadByte());
        Assert.Equal(10, slice.Position);
        Assert.Equal(content[1010], slice.ReadByte());
    }

    [Fact]
    public void An_empty_file_opens_and_has_nothing_to_read()
    {
        File.WriteAllBytes(Path.Combine(_dir, "empty"), []);

        using var mapped = new MappedDirectory(new DirectoryInfo(_dir));
        using var input = mapped.OpenInput("empty", IOContext.DEFAULT);
        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }
}
