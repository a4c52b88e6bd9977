using Microsoft.Extensions.Options;
using SearchKamer.Indexing;

namespace SearchKamer.Host.Services;

/// <summary>
/// Ingests files dropped into the inbox folder while the host runs: each goes to done/ or to
/// failed/ with a .reason.txt beside it. Polling rather than FileSystemWatcher, which misses
/// events on some file systems; a file is taken only once its size has stopped changing.
/// A file is moved to done/ before it is indexed (its stored path must stay valid), so a host killed
/// in between leaves files there that the index lacks: the first pass after start indexes them.
/// </summary>
public sealed class InboxWatcher(SearchIndex index, IngestNotifier notifier, IOptions<SearchKamerOptions> options, ILogger<InboxWatcher> log) : BackgroundService
{
    private readonly Dictionary<string, long> _seenSizes = [];

    // A thread of its own at background priority: parsing and indexing a file must not take the cores
    // from the searches being served meanwhile (README "Reliability", load while ingesting).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Watch(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Watch(CancellationToken stoppingToken)
    {
        BackgroundPriority.LowerCurrentThread();
        var inbox = options.Value.Inbox;
        Directory.CreateDirectory(inbox);
        log.LogInformation("Inbox {Inbox} wordt gevolgd", inbox);
        var recovered = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!recovered)
                {
                    RecoverInterrupted(inbox);
                    recovered = true;
                }

                ProcessOnce(inbox);
            }
            catch (IOException e)
            {
                log.LogWarning("Inbox niet te lezen: {Message}", e.Message);
            }

            stoppingToken.WaitHandle.WaitOne(options.Value.InboxInterval);
        }
    }

    /// <summary>Indexes what an interrupted run left in done/; files the index holds with the same bytes are skipped.</summary>
    private void RecoverInterrupted(string inbox)
    {
        var done = Path.Combine(inbox, "done");
        if (!Directory.Exists(done))
        {
            return;
        }

        var files = Directory.EnumerateFiles(done).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        var summary = Ingest(inbox, files, logUnchanged: false);
        if (summary.Indexed + summary.Failed > 0)
        {
            log.LogWarning("Inbox: {Count} bestanden uit een onderbroken run alsnog verwerkt", summary.Indexed + summary.Failed);
        }
    }

    public void ProcessOnce(string inbox)
    {
        var ready = new List<string>();
        foreach (var file in Directory.EnumerateFiles(inbox).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            var size = new FileInfo(file).Length;
            if (_seenSizes.TryGetValue(file, out var previous) && previous == size)
            {
                ready.Add(file);
                _seenSizes.Remove(file);
            }
            else
            {
                _seenSizes[file] = size;
            }
        }

        if (ready.Count == 0)
        {
            return;
        }

        // Moved before ingesting, so the stored source path (the "original file" link) stays valid.
        var done = Path.Combine(inbox, "done");
        Directory.CreateDirectory(done);
        var moved = ready.Select(f =>
        {
            var target = Path.Combine(done, Path.GetFileName(f));
            File.Move(f, target, overwrite: true);
            return target;
        }).ToList();

        Ingest(inbox, moved, logUnchanged: true);
    }

    private IngestSummary Ingest(string inbox, IReadOnlyList<string> files, bool logUnchanged)
    {
        var summary = IngestPipeline.Run(index, files, 1, line =>
        {
            if (line.Status != IngestStatus.Failed)
            {
                if (logUnchanged || line.Status == IngestStatus.Indexed)
                {
                    log.LogInformation("Inbox: {File} geïndexeerd", Path.GetFileName(line.Path));
                }

                return;
            }

            var failed = Path.Combine(inbox, "failed");
            Directory.CreateDirectory(failed);
            var target = Path.Combine(failed, Path.GetFileName(line.Path));
            File.Move(line.Path, target, overwrite: true);
            File.WriteAllText(target + ".reason.txt", line.Error + Environment.NewLine);
            log.LogWarning("Inbox: {File} mislukt: {Reason}", Path.GetFileName(line.Path), line.Error);
        });
        if (summary.Indexed > 0)
        {
            notifier.Ingested();
        }

        return summary;
    }
}
