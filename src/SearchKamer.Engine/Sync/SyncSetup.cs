using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SearchKamer.Indexing;
using SearchKamer.Storage;

namespace SearchKamer.Sync;

/// <summary>Wires the sync pieces for the host, the CLI and the tests alike.</summary>
public static class SyncSetup
{
    public static string FilesDirectory(string dataDirectory) => Path.Combine(dataDirectory, "sync", "files");

    /// <summary>The sync's services; its state lives in the <see cref="SqliteStore"/> the caller registered (the process's one store).</summary>
    public static IServiceCollection AddTkSync(this IServiceCollection services, SyncOptions options, string dataDirectory)
    {
        SyncFeedClient.Register(services, options);
        services.AddSingleton(options);
        services.AddSingleton(sp => new SyncState(sp.GetRequiredService<SqliteStore>()));
        services.AddTransient(sp => new SyncFeedClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(SyncFeedClient.HttpClientName), options));
        services.AddTransient(sp => new DocumentFetcher(sp.GetRequiredService<SyncFeedClient>(), FilesDirectory(dataDirectory)));
        return services;
    }

    public static SyncRunner Runner(IServiceProvider services, SearchIndex index, Action<string, long>? afterPage = null) =>
        new(services.GetRequiredService<SyncFeedClient>(),
            services.GetRequiredService<DocumentFetcher>(),
            services.GetRequiredService<SyncState>(),
            index,
            services.GetRequiredService<SyncOptions>(),
            services.GetService<ILoggerFactory>()?.CreateLogger<SyncRunner>() ?? NullLogger<SyncRunner>.Instance)
        {
            AfterPage = afterPage,
        };
}
