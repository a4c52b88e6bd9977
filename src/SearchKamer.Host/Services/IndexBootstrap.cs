using Microsoft.Extensions.Options;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;

namespace SearchKamer.Host.Services;

/// <summary>
/// On first start, with an empty index, builds it from the bundled corpus before the host serves
/// requests; later starts just open what is there. Commits on shutdown.
/// </summary>
public sealed class IndexBootstrap(SearchIndex index, IngestNotifier notifier, IOptions<SearchKamerOptions> options, ILogger<IndexBootstrap> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (index.DocumentCount() > 0)
        {
            log.LogInformation("Index {Path} geopend met {Documents} documenten", index.Path, index.DocumentCount());
            return Task.CompletedTask;
        }

        var corpus = options.Value.ResolvedCorpus;
        var files = FileWalker.Expand([corpus], new List<string>());
        log.LogInformation("Geen index: {Count} bestanden uit {Corpus} indexeren", files.Count, corpus);
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
        return Task.CompletedTask;
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
