using Lucene.Net.Store;

namespace SearchKamer.Indexing;

/// <summary>
/// An index directory whose files are read from memory maps (<see cref="MappedInput"/>). Lucene.Net's
/// NIOFSDirectory reads through a FileStream under a lock, asking the file's length and seeking on every
/// refill; positional reads (<c>pread</c>) on a shared handle, which replaced it, still cost a system call and a
/// copy per buffer: a tenth of a search's CPU at a million pairs. Lucene.Net's own MMapDirectory is no way out
/// (slower, and it unmaps under searches still reading: see lucene-notes). Files are written through
/// <see cref="ChecksumFileOutput"/>; deleting, listing, locking and syncing at commit are FSDirectory's own.
/// </summary>
public sealed class MappedDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        EnsureOpen();
        EnsureCanWrite(name);
        // FSDirectory syncs at commit only the files it saw closed.
        return new ChecksumFileOutput(Path.Combine(Directory.FullName, name), () =>
        {
            lock (m_syncLock)
            {
                m_staleFiles.Add(name);
            }
        });
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = Map(name);
        return new MappedInput($"MappedInput({name})", file, 0, file.Length);
    }

    /// <summary>Slices of a compound file share one map.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(name, Map(name));
    }

    private MappedFile Map(string name) =>
        new(File.OpenHandle(Path.Combine(Directory.FullName, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));

    private sealed class Slicer(string name, MappedFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new MappedInput($"MappedInput({sliceDescription} in {name})", file, offset, length);

        [Obsolete("Only for reading compound files of 3.x indexes, which this product never wrote.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full", 0, file.Length);

        // The map goes when no slice is reachable (see MappedFile).
        protected override void Dispose(bool disposing)
        {
        }
    }
}
