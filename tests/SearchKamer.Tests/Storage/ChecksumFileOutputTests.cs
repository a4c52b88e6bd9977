using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;
using SearchKamer.Indexing;

namespace SearchKamer.Tests.Storage;

/// <summary>
/// Index files written through <see cref="MappedDirectory"/> (its own output, with a vectorised CRC-32). Oracles:
/// Lucene.Net's own FSDirectory output writing the same values, and Lucene's CheckIndex, which reads every file's
/// footer checksum back against its bytes.
/// </summary>
public sealed class ChecksumFileOutputTests : IDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("searchkamer-output-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_file_holds_the_bytes_and_checksum_that_lucenes_own_output_writes_for_the_same_values()
    {
        var ours = System.IO.Directory.CreateDirectory(Path.Combine(_dir, "ours")).FullName;
        var lucenes = System.IO.Directory.CreateDirectory(Path.Combine(_dir, "lucene")).FullName;
        List<long> oursAlong, lucenesAlong;
        using (var mapped = new MappedDirectory(new DirectoryInfo(ours)))
        {
            oursAlong = Write(mapped);
        }

        using (var fs = new SimpleFSDirectory(new DirectoryInfo(lucenes)))
        {
            lucenesAlong = Write(fs);
        }

        var written = File.ReadAllBytes(Path.Combine(ours, "values"));
        Assert.Equal(lucenesAlong, oursAlong);
        Assert.Equal(File.ReadAllBytes(Path.Combine(lucenes, "values")), written);
        // Lucene reads the file back, computes the checksum of its bytes and compares it with the footer's (it throws if they differ).
        using var check = new MappedDirectory(new DirectoryInfo(ours));
        using var input = check.OpenInput("values", IOContext.DEFAULT);
        Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(written.AsSpan(^8)), CodecUtil.ChecksumEntireFile(input));
    }

    [Fact]
    public void An_index_of_the_bundled_corpus_passes_lucenes_check_of_every_files_checksum()
    {
        var path = Path.Combine(_dir, "index");
        using (var index = SearchIndex.OpenForWriting(path))
        {
            IngestPipeline.Run(index, SearchKamer.Ingestion.FileWalker.Expand([RepoPaths.Corpus], new List<string>()), Environment.ProcessorCount, _ => { });
        }

        using var directory = new MappedDirectory(new DirectoryInfo(path));
        var status = new CheckIndex(directory).DoCheckIndex();

        Assert.True(status.Clean, "CheckIndex found a damaged segment");
        Assert.True(status.SegmentInfos.Sum(s => s.DocCount) > 500, "the corpus's pairs and records were written");
    }

    [Fact]
    public void A_closed_file_is_among_those_fsdirectory_syncs_at_the_next_commit()
    {
        using var mapped = new MappedDirectory(new DirectoryInfo(_dir));
        using (var output = mapped.CreateOutput("values", IOContext.DEFAULT))
        {
            output.WriteByte(1);
            Assert.DoesNotContain("values", StaleFiles(mapped));
        }

        Assert.Contains("values", StaleFiles(mapped));
        mapped.Sync(["values"]);
        Assert.DoesNotContain("values", StaleFiles(mapped));
    }

    // FSDirectory's own list of files written since they were last synced (protected, so read by reflection).
    private static ISet<string> StaleFiles(FSDirectory directory) =>
        (ISet<string>)typeof(FSDirectory).GetField("m_staleFiles", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(directory)!;

    /// <summary>
    /// Single bytes across the buffer's edge, numbers of every width, a block larger than the buffer and a string,
    /// then Lucene's footer; the running checksum is noted along the way.
    /// </summary>
    private static List<long> Write(Lucene.Net.Store.Directory directory)
    {
        var random = new Random(21);
        var along = new List<long>();
        using var output = directory.CreateOutput("values", IOContext.DEFAULT);
        for (var i = 0; i < 70_000; i++)
        {
            output.WriteByte((byte)random.Next(256));
        }

        along.Add(output.Checksum);
        for (var i = 0; i < 5_000; i++)
        {
            output.WriteVInt32(random.Next() >> random.Next(31));
            output.WriteInt64(random.NextInt64());
            output.WriteInt16((short)random.Next());
        }

        along.Add(output.Checksum);
        var block = new byte[200_000];
        random.NextBytes(block);
        output.WriteBytes(block, 3, block.Length - 3);
        output.WriteBytes(block, 0, 100);
        output.WriteString("ministerie van Financiën");
        along.Add(output.Checksum);
        along.Add(output.Position);
        CodecUtil.WriteFooter(output);
        along.Add(output.Checksum);
        return along;
    }
}
