using Microsoft.Extensions.Options;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;

namespace SearchKamer.Host.Services;

/// <summary>
/// On first start, with an empty index, builds it from the bundled corpus before the host serves
/// requests; later starts just open what is there. Commits on shutdown.
/// </summary>
public sealed class IndexBootstrap(SearchIndex index, Sync.SyncState sync, IngestNotifier notifier, IOptions<SearchKamerOptions> options, ILogger<IndexBootstrap> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var corpus = options.Value.ResolvedCorpus;
        var files = FileWalker.Expand([corpus], new List<string>());
        if (index.DocumentCount() > 0)
        {
            if (index.CommittedSchema() == SearchIndex.SchemaVersion)
            {
                log.LogInformation("Index {Path} geopend met {Documents} documenten", index.Path, index.DocumentCount());
                return Task.CompletedTask;
            }

            files = SourcesToRebuild(files);
        }
        else
        {
            log.LogInformation("Geen index: {Count} bestanden uit {Corpus} indexeren", files.Count, corpus);
        }

        Build(files);
        return Task.CompletedTask;
    }

    /// <summary>
    /// An index written by a version with other analysis would answer with the old tokens (and ingest skips
    /// unchanged files), so it is built again: from the corpus and every other file it holds that still exists.
    /// Synced documents are left to the sync, which indexes them again with the API's metadata, without downloads.
    /// </summary>
    private IReadOnlyList<string> SourcesToRebuild(IReadOnlyList<string> corpus)
    {
        var synced = Path.GetFullPath(Sync.SyncSetup.FilesDirectory(options.Value.ResolvedData));
        var held = new SearchKamer.Search.SearchEngine(index).All().Select(d => d.Source.Path)
            .Where(p => File.Exists(p) && !Path.GetFullPath(p).StartsWith(synced, StringComparison.Ordinal));
        var files = corpus.Concat(held).Distinct(StringComparer.Ordinal).ToList();
        log.LogWarning("Index {Path} is gebouwd met schema {Old}, deze versie gebruikt {New}: {Count} bestanden opnieuw indexeren",
            index.Path, index.CommittedSchema() ?? "onbekend", SearchIndex.SchemaVersion, files.Count);
        // Committed empty at once: ingest skips files whose bytes the visible index already holds. A kill
        // after this leaves an empty index, which the next start builds again (and the inbox re-adds done/).
        index.DeleteAll();
        index.Commit();
        sync.RequeueIndexed();
        return files;
    }

    private void Build(IReadOnlyList<string> files)
    {
        var done = 0;
        var summary = IngestPipeline.Run(index, files, Environment.ProcessorCount, line =>
        {
            if (++done % 25 == 0 || done == files.Count)
            {
                log.LogInformation("Indexeren: {Done}/{Count}", done, files.Count);
            }

            if (line.Status == IngestStatus.Failed)
            {
                log.LogWarning("Niet geïndexeerd: {Path}: {Reason}", line.Path, line.Error);
            }
        });
        index.MergeAfterBulkLoad(summary.Indexed);
        log.LogInformation("Index gebouwd: {Indexed} verwerkt, {Failed} mislukt", summary.Indexed, summary.Failed);
        notifier.Ingested();
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            index.Commit();
            log.LogInformation("Index vastgelegd bij afsluiten");
        }
        catch (ObjectDisposedException)
        {
            // Under WebApplicationFactory the entry point's RunAsync disposes the container while the
            // factory is still stopping the host; disposing the index writer commits it anyway.
            log.LogInformation("Index was al gesloten (en daarbij vastgelegd)");
        }

        return Task.CompletedTask;
    }
}
