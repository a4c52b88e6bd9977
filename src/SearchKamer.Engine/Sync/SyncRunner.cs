using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;

namespace SearchKamer.Sync;

/// <param name="Pages">Feed pages read.</param>
/// <param name="Staged">Entries taken into the sync tables.</param>
/// <param name="Indexed">Documents written to the index (new, changed file or changed metadata).</param>
/// <param name="Deleted">Documents removed from the index.</param>
/// <param name="Unchanged">Documents looked at again with the same bytes and metadata.</param>
/// <param name="Failed">Documents that could not be fetched or read; fetch failures stay queued.</param>
/// <param name="Pending">Documents still queued after the pass.</param>
public sealed record SyncReport(int Pages, int Staged, int Indexed, int Deleted, int Unchanged, int Failed, int Pending);

/// <summary>
/// One sync pass: per category, read a page from the watermark, stage it, fetch and index what it
/// queued, commit the index, and only then move the watermark. A pass killed anywhere re-reads at
/// most the page it was on; staging and indexing are idempotent, so that costs nothing but time.
/// </summary>
public sealed class SyncRunner(SyncFeedClient client, DocumentFetcher fetcher, SyncState state, SearchIndex index, SyncOptions options, ILogger log)
{
    private int _pages, _staged, _indexed, _deleted, _unchanged, _failed;

    /// <summary>Called after each page's commit; tests use it to stop a pass between pages.</summary>
    public Action<string, long>? AfterPage { get; init; }

    public Task<SyncReport> RunAsync(CancellationToken ct) => PassAsync(() => FeedPagesAsync(ct), ct);

    /// <summary>
    /// Backfills the documents dated <paramref name="from"/> to <paramref name="to"/> through OData, page by page
    /// through the same staging and processing as the feed: metadata wins over text, each document is indexed
    /// once, and a document already indexed with the same file and metadata is left as it is. No watermark: a
    /// backfill stopped halfway is simply run again.
    /// </summary>
    public Task<SyncReport> BackfillAsync(DateOnly from, DateOnly to, CancellationToken ct) => PassAsync(() => ODataPagesAsync(from, to, ct), ct);

    private async Task<SyncReport> PassAsync(Func<Task> pages, CancellationToken ct)
    {
        _pages = _staged = _indexed = _deleted = _unchanged = _failed = 0;

        // Documents left queued by an earlier pass (a failed download, a kill) go first.
        await ProcessPendingAsync(ct);
        await pages();
        return new SyncReport(_pages, _staged, _indexed, _deleted, _unchanged, _failed, state.PendingCount());
    }

    private async Task FeedPagesAsync(CancellationToken ct)
    {
        foreach (var category in TkApiNames.Categories.InOrder)
        {
            var token = state.Watermark(category);
            while (options.MaxPagesPerRun <= 0 || _pages < options.MaxPagesPerRun)
            {
                ct.ThrowIfCancellationRequested();
                var page = await client.GetPageAsync(category, token, ct);
                _pages++;
                if (page.Entries.Count == 0)
                {
                    break;
                }

                _staged += state.Stage(page.Entries, options.Since);
                await ProcessPendingAsync(ct);
                if (page.NextSkiptoken is not { } next || next == token)
                {
                    log.LogWarning("SyncFeed {Category}: pagina zonder nieuwe skiptoken na {Token}; categorie afgebroken", category, token);
                    break;
                }

                state.SetWatermark(category, next);
                token = next;
                AfterPage?.Invoke(category, next);
                if (options.PageDelay > TimeSpan.Zero)
                {
                    await Task.Delay(options.PageDelay, ct);
                }
            }
        }
    }

    private async Task ODataPagesAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        string? url = ODataBackfill.Query(from, to);
        while (url is not null)
        {
            var page = await client.GetODataPageAsync(url, ct);
            _pages++;
            _staged += state.Stage(page.Entries, null);
            await ProcessPendingAsync(ct);
            url = page.NextLink;
            if (url is not null && options.PageDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.PageDelay, ct);
            }
        }
    }

    /// <summary>Fetches and reads queued documents (bounded in parallel), writes them, commits, then records the outcomes.</summary>
    private async Task ProcessPendingAsync(CancellationToken ct)
    {
        var pending = state.Pending();
        if (pending.Count == 0)
        {
            return;
        }

        var prepared = new Prepared[pending.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, pending.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrentDownloads), CancellationToken = ct },
            async (i, token) => prepared[i] = await PrepareAsync(pending[i], token));

        var outcomes = new List<SyncState.Outcome>();
        var changed = false;
        var now = DateTimeOffset.UtcNow;
        foreach (var p in prepared)
        {
            var doc = p.Pending;
            switch (p)
            {
                case { Error: { } error }:
                    _failed++;
                    state.Failed(doc.Id, error);
                    log.LogWarning("Document {Id} ({Nummer}) niet opgehaald (poging {Attempt}): {Error}; volgende run opnieuw",
                        doc.Id, doc.Nummer ?? "zonder nummer", doc.Attempts + 1, error);
                    break;
                case { Action: PendingAction.Delete }:
                    if (doc.IndexKey is { } key)
                    {
                        index.Delete(key);
                        changed = true;
                        _deleted++;
                    }

                    outcomes.Add(new SyncState.Outcome(doc.Id, "deleted", doc.Version, null, null, null, null, null));
                    break;
                case { Unchanged: true }:
                    _unchanged++;
                    outcomes.Add(new SyncState.Outcome(doc.Id, p.State ?? "indexed", doc.Version, p.Meta, doc.IndexKey, p.Path, p.Sha, null));
                    break;
                case { Read: { Document: { } parsed } }:
                    var newKey = DocumentMapper.KeyOf(parsed);
                    if (doc.IndexKey is { } old && old != newKey)
                    {
                        index.Delete(old);
                    }

                    index.Upsert(parsed, now);
                    changed = true;
                    _indexed++;
                    outcomes.Add(new SyncState.Outcome(doc.Id, "indexed", doc.Version, p.Meta, newKey, p.Path, p.Sha, parsed.Warnings.Count));
                    break;
                case { Read: { } unreadable }:
                    _failed++;
                    log.LogWarning("Document {Id} ({Nummer}) niet te lezen: {Error}", doc.Id, doc.Nummer ?? "zonder nummer", unreadable.Error);
                    outcomes.Add(new SyncState.Outcome(doc.Id, "unreadable", doc.Version, p.Meta, doc.IndexKey, p.Path, p.Sha, null));
                    break;
            }
        }

        if (changed)
        {
            index.Commit(new Dictionary<string, string> { ["sync.committed"] = now.ToString("O") });
        }

        // After the commit: a kill before this line leaves the documents queued and they are redone.
        state.Complete(outcomes);
        foreach (var p in prepared.Where(p => p.Action == PendingAction.Delete && p.Error is null))
        {
            fetcher.Remove(p.Pending.Id);
        }
    }

    private async Task<Prepared> PrepareAsync(PendingDocument doc, CancellationToken ct)
    {
        if (doc.Action == PendingAction.Delete)
        {
            return new Prepared(doc, PendingAction.Delete);
        }

        var path = doc.FilePath;
        try
        {
            if (doc.Action == PendingAction.Fetch || path is null || !File.Exists(path))
            {
                path = await fetcher.FetchAsync(doc.Id, doc.ContentLength, doc.ContentType, ct);
                state.Downloaded(doc.Id, path, null);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TruncatedBodyException or FileNotAvailableException or IOException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new Prepared(doc, doc.Action) { Error = $"{e.GetType().Name}: {e.Message}" };
        }

        var metadata = state.MetadataFor(doc.Id);
        var meta = Hash(string.Join("\n", metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + string.Join("\u001f", kv.Value))));
        var sha = FileHash.Sha256(path);
        var (current, _, indexedMeta, indexedSha) = state.Indexed(doc.Id);
        // Same bytes and metadata as last time: an unreadable file stays unreadable, an indexed one stays as it is.
        if (current is "indexed" or "unreadable" && indexedSha == sha && indexedMeta == meta)
        {
            return new Prepared(doc, doc.Action) { Unchanged = true, State = current, Path = path, Sha = sha, Meta = meta };
        }

        var read = DocumentReader.Read(path, metadata);
        return new Prepared(doc, doc.Action) { Read = read, Path = path, Sha = sha, Meta = meta, Warnings = read.Document?.Warnings.Count };
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record Prepared(PendingDocument Pending, string Action)
    {
        public string? Error { get; init; }

        public bool Unchanged { get; init; }

        public string? State { get; init; }

        public ReadResult? Read { get; init; }

        public string? Path { get; init; }

        public string? Sha { get; init; }

        public string? Meta { get; init; }

        public int? Warnings { get; init; }
    }
}
