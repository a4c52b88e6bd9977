namespace SearchKamer.Ingestion;

/// <summary>Expands the paths given to ingest into the files to read, in a stable order.</summary>
public static class FileWalker
{
    /// <summary>Provenance notes beside the documents, not documents themselves.</summary>
    private static readonly string[] Skipped = ["README.md", "SOURCES.md", ".gitkeep"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, ICollection<string> missing)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Skipped.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase))
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                missing.Add(path);
            }
        }

        return files;
    }

    /// <summary>Reads every file, using up to <paramref name="parallelism"/> cores; results keep the input order.</summary>
    public static IReadOnlyList<ReadResult> ReadAll(IReadOnlyList<string> files, int parallelism, Action<ReadResult>? progress = null)
    {
        var results = new ReadResult[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            results[i] = DocumentReader.Read(files[i]);
            progress?.Invoke(results[i]);
        });
        return results;
    }
}
