using SearchKamer.Domain;
using SearchKamer.Ingestion;

namespace SearchKamer.Indexing;

public enum IngestStatus
{
    Indexed,
    Unchanged,
    Failed,
}

public sealed record IngestLine(string Path, IngestStatus Status, string? Error, KamervraagDocument? Document);

public sealed record IngestSummary(int Indexed, int Unchanged, int Failed)
{
    public int Total => Indexed + Unchanged + Failed;
}

/// <summary>
/// Reads files and writes them into the index in batches, committing after each batch with a
/// watermark. A file whose bytes are already indexed from the same path is skipped, so an
/// interrupted ingest resumes where its last commit ended and a re-run is cheap.
/// </summary>
public static class IngestPipeline
{
    public const int DefaultBatchSize = 100;

    public static IngestSummary Run(SearchIndex index, IReadOnlyList<string> files, int parallelism, Action<IngestLine> report, int batchSize = DefaultBatchSize)
    {
        int indexed = 0, unchanged = 0, failed = 0;
        foreach (var batch in files.Select(Path.GetFullPath).Chunk(Math.Max(1, batchSize)))
        {
            var lines = new IngestLine[batch.Length];
            if (parallelism <= 1)
            {
                // On the caller's own thread, so a reader at background priority (the host's inbox) reads at it.
                for (var i = 0; i < batch.Length; i++)
                {
                    lines[i] = ReadOne(index, batch[i]);
                }
            }
            else
            {
                Parallel.For(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
                    lines[i] = ReadOne(index, batch[i]));
            }

            var now = DateTimeOffset.UtcNow;
            var upserted = 0;
            foreach (var line in lines)
            {
                if (line is { Status: IngestStatus.Indexed, Document: { } doc })
                {
                    index.Upsert(doc, now);
                    upserted++;
                }
            }

            // A batch that changed nothing commits nothing (a rerun, or the inbox's start-up recovery
            // over done/, must not fsync and reopen per batch); only the very first commit is always
            // made, so an ingest of failures still leaves an index behind.
            if (upserted > 0 || !index.HasCommitted)
            {
                index.Commit(new Dictionary<string, string> { ["watermark.file"] = batch[^1] });
            }
            foreach (var line in lines)
            {
                report(line);
                _ = line.Status switch
                {
                    IngestStatus.Indexed => indexed++,
                    IngestStatus.Unchanged => unchanged++,
                    _ => failed++,
                };
            }
        }

        return new IngestSummary(indexed, unchanged, failed);
    }

    private static IngestLine ReadOne(SearchIndex index, string path)
    {
        try
        {
            if (File.Exists(path) && index.StoredSha(path) is { } stored && stored == FileHash.Sha256(path))
            {
                return new IngestLine(path, IngestStatus.Unchanged, null, null);
            }
        }
        catch (IOException e)
        {
            return new IngestLine(path, IngestStatus.Failed, $"kan bestand niet lezen: {e.Message}", null);
        }

        var result = DocumentReader.Read(path);
        return result.Document is { } doc
            ? new IngestLine(path, IngestStatus.Indexed, null, doc)
            : new IngestLine(path, IngestStatus.Failed, result.Error, null);
    }

}
