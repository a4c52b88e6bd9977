using SearchKamer.SavedSearches;
using SearchKamer.Storage;
using SearchKamer.Sync;

namespace SearchKamer.Host.Services;

/// <summary>Every module's migrations for the one SQLite store; a module adds its list here.</summary>
public static class Store
{
    public static IReadOnlyList<Migration> Migrations { get; } = [.. SyncSchema.Migrations, .. SavedSearchSchema.Migrations];

    public static SqliteStore Open(string dataDirectory) => new(dataDirectory, Migrations);
}
