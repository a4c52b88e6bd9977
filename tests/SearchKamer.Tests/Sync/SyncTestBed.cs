using Microsoft.Extensions.DependencyInjection;
using SearchKamer.Indexing;
using SearchKamer.Search;
using SearchKamer.Sync;

namespace SearchKamer.Tests.Sync;

/// <summary>A fake upstream, a temp data folder with index and store, and the sync wired to both, with fast timeouts.</summary>
public sealed class SyncTestBed : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SyncTestBed(FakeTkServer server, string data, SyncOptions options)
    {
        Server = server;
        Data = data;
        Options = options;
        _services = new ServiceCollection().AddSingleton(SearchKamer.Host.Services.Store.Open(data)).AddTkSync(options, data).BuildServiceProvider();
        Index = SearchIndex.OpenForWriting(Path.Combine(data, "index"));
    }

    public FakeTkServer Server { get; }

    public string Data { get; }

    public SyncOptions Options { get; }

    public SearchIndex Index { get; }

    public SyncState State => _services.GetRequiredService<SyncState>();

    public SearchEngine Engine => new(Index);

    public string FilesDirectory => SyncSetup.FilesDirectory(Data);

    /// <param name="data">An existing data folder (one an earlier build left, say); a new temp folder when null.</param>
    public static async Task<SyncTestBed> StartAsync(Func<SyncOptions, SyncOptions>? tune = null, string? data = null)
    {
        var server = await FakeTkServer.StartAsync();
        var options = new SyncOptions
        {
            BaseUrl = server.BaseUrl,
            PageDelay = TimeSpan.FromMilliseconds(2),
            // Below the fake server's 5 s "slow" fault, so that fault still times out; well above a stall of the
            // loaded 2-core CI machine, where a 1 s bound once cut a healthy download and the exact download
            // counts the tests assert came out 2 higher.
            AttemptTimeout = TimeSpan.FromSeconds(4),
            TotalTimeout = TimeSpan.FromSeconds(20),
            BodyTimeout = TimeSpan.FromSeconds(5),
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetries = 4,
            MaxConcurrentDownloads = 2,
            FailedFetchDelay = TimeSpan.Zero,
        };
        return new SyncTestBed(server, data ?? Directory.CreateTempSubdirectory("searchkamer-sync-").FullName, tune?.Invoke(options) ?? options);
    }

    public Task<SyncReport> SyncAsync(CancellationToken ct = default, Action<string, long>? afterPage = null) =>
        SyncSetup.Runner(_services, Index, afterPage).RunAsync(ct);

    public Task<SyncReport> BackfillAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        SyncSetup.Runner(_services, Index).BackfillAsync(from, to, ct);

    /// <summary>Doc records by key; a key seen twice would be a duplicate in the index.</summary>
    public IReadOnlyList<string> Keys() => [.. Engine.All().Select(DocumentMapper.KeyOf)];

    public int FileRequests => Server.Requests.Count(r => r.StartsWith("/SyncFeed/2.0/Resources/", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        await _services.DisposeAsync();
        await Server.DisposeAsync();
        Directory.Delete(Data, recursive: true);
    }
}
