using System.Runtime.ExceptionServices;
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
/// <param name="Failed">Documents whose file could not be fetched or read in this pass (those still queued are tried again later).</param>
/// <param name="Pending">Documents still queued after the pass.</param>
public sealed record SyncReport(int Pages, int Staged, int Indexed, int Deleted, int Unchanged, int Failed, int Pending)
{
    /// <summary>Files kept although the feed entry named another size: the server already had a newer version.</summary>
    public int Superseded { get; init; }

    /// <summary>Documents given up in this pass: unreadable, or not fetched after the configured number of runs.</summary>
    public int Lost { get; init; }

    /// <summary>Feed entries left unhandled because the sync does not know their category, and those categories.</summary>
    public int Unknown { get; init; }

    public IReadOnlyList<string> UnknownCategories { get; init; } = [];

    /// <summary>Only what is finally lost, or could not be read at all, makes a pass unsuccessful; a fetch to be retried does not.</summary>
    public bool Succeeded => Lost == 0 && Unknown == 0;

    /// <summary>The pass in one Dutch line, for the CLI and the host's log.</summary>
    public string Summary()
    {
        var line = $"{Pages} pagina's, {Staged} wijzigingen, {Indexed} geïndexeerd, {Deleted} verwijderd, {Unchanged} ongewijzigd, "
            + $"{Failed} mislukt ({Lost} opgegeven), {Pending} in de wachtrij";
        line += Superseded > 0 ? $", {Superseded} bestanden al nieuwer dan de feed-entry" : "";
        return Unknown > 0 ? line + $"; {Unknown} entries van onbekende categorie niet verwerkt: {string.Join(", ", UnknownCategories)}" : line;
    }
}

/// <summary>
/// One sync pass: per category, read pages from the watermark and stage each (the watermark moves with the
/// staging, in one transaction, because the queue of documents to fetch is durable with it); then fetch, read
/// and index what is queued, once per document, for the newest state the pass saw. Replaying history thus
/// downloads each file once, not once per version, and a document deleted later in the same pass is never
/// fetched. A pass killed anywhere re-reads at most one page; staging and indexing are idempotent.
/// </summary>
public sealed class SyncRunner(SyncFeedClient client, DocumentFetcher fetcher, SyncState state, SearchIndex index, SyncOptions options, ILogger log)
{
    private int _pages, _staged, _indexed, _deleted, _unchanged, _failed, _superseded, _lost, _unknown;
    private readonly SortedSet<string> _unknownCategories = new(StringComparer.Ordinal);

    /// <summary>Called after each page is staged; tests use it to stop a pass between pages.</summary>
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
        _pages = _staged = _indexed = _deleted = _unchanged = _failed = _superseded = _lost = _unknown = 0;
        _unknownCategories.Clear();

        // What was staged is processed even when the feed fails halfway: it is queued, and the next pass
        // would otherwise start with it anyway. Only a stop request skips it.
        ExceptionDispatchInfo? feedError = null;
        try
        {
            await pages();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            feedError = ExceptionDispatchInfo.Capture(e);
        }

        await ProcessPendingAsync(ct);
        feedError?.Throw();
        return new SyncReport(_pages, _staged, _indexed, _deleted, _unchanged, _failed, state.PendingCount())
        {
            Superseded = _superseded,
            Lost = _lost,
            Unknown = _unknown,
            UnknownCategories = [.. _unknownCategories],
        };
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

                var result = state.StagePage(category, page, options.Since);
                _staged += result.Taken;
                if (result.Unknown > 0)
                {
                    _unknown += result.Unknown;
                    _unknownCategories.UnionWith(result.UnknownCategories);
                    log.LogWarning("SyncFeed {Category}: {Count} entries van onbekende categorie {Names} na skiptoken {Token} niet verwerkt; de watermark blijft ervoor staan",
                        category, result.Unknown, string.Join(", ", result.UnknownCategories), result.Watermark ?? token);
                    break;
                }

                if (result.Watermark is not { } next || next == token)
                {
                    log.LogWarning("SyncFeed {Category}: pagina zonder nieuwe skiptoken na {Token}; categorie afgebroken", category, token);
                    break;
                }

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
            url = page.NextLink;
            if (url is not null && options.PageDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.PageDelay, ct);
            }
        }
    }

    /// <summary>Documents fetched, read and committed together: bounds the parsed documents held in memory during a replay.</summary>
    private const int BatchSize = 100;

    /// <summary>
    /// Fetches and reads the queued documents that are due (bounded in parallel), in batches: each batch is
    /// written and committed, then its outcomes are recorded. A document that failed in an earlier run waits
    /// <see cref="SyncOptions.FailedFetchDelay"/>, doubling per failure, so each is tried at most once per pass.
    /// </summary>
    private async Task ProcessPendingAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var due = state.Pending().Where(d => IsDue(d, now)).ToList();
        foreach (var batch in due.Chunk(BatchSize))
        {
            var prepared = new Prepared[batch.Length];
            await Parallel.ForEachAsync(Enumerable.Range(0, batch.Length),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrentDownloads), CancellationToken = ct },
                async (i, token) => prepared[i] = await PrepareAsync(batch[i], token));
            Write(prepared);
        }
    }

    private bool IsDue(PendingDocument doc, DateTimeOffset now)
    {
        if (doc.Attempts == 0 || doc.LastAttempt is not { } last)
        {
            return true;
        }

        var wait = options.FailedFetchDelay * Math.Pow(2, Math.Min(doc.Attempts - 1, 16));
        return last + (wait < TimeSpan.FromDays(1) ? wait : TimeSpan.FromDays(1)) <= now;
    }

    private void Write(Prepared[] prepared)
    {
        var outcomes = new List<SyncState.Outcome>();
        var changed = false;
        var now = DateTimeOffset.UtcNow;
        foreach (var p in prepared)
        {
            var doc = p.Pending;
            _superseded += p.Superseded ? 1 : 0;
            switch (p)
            {
                case { Error: { } error }:
                    _failed++;
                    var lost = state.Failed(doc.Id, error, options.MaxFetchAttempts);
                    _lost += lost ? 1 : 0;
                    log.LogWarning("Document {Id} ({Nummer}) niet opgehaald (poging {Attempt}): {Error}; {Next}",
                        doc.Id, doc.Nummer ?? "zonder nummer", doc.Attempts + 1, error, lost ? "opgegeven" : "een latere run probeert opnieuw");
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
                    _lost++;
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
        var superseded = false;
        try
        {
            if (doc.Action == PendingAction.Fetch || path is null || !File.Exists(path))
            {
                (path, superseded) = await fetcher.FetchAsync(doc.Id, doc.ContentLength, doc.ContentType, ct);
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
            return new Prepared(doc, doc.Action) { Unchanged = true, State = current, Path = path, Sha = sha, Meta = meta, Superseded = superseded };
        }

        var read = DocumentReader.Read(path, metadata);
        return new Prepared(doc, doc.Action) { Read = read, Path = path, Sha = sha, Meta = meta, Warnings = read.Document?.Warnings.Count, Superseded = superseded };
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record Prepared(PendingDocument Pending, string Action)
    {
        public string? Error { get; init; }

        public bool Unchanged { get; init; }

        public bool Superseded { get; init; }

        public string? State { get; init; }

        public ReadResult? Read { get; init; }

        public string? Path { get; init; }

        public string? Sha { get; init; }

        public string? Meta { get; init; }

        public int? Warnings { get; init; }
    }
}
