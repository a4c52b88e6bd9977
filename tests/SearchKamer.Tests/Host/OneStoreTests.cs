using Microsoft.Extensions.DependencyInjection;
using SearchKamer.SavedSearches;
using SearchKamer.Storage;
using SearchKamer.Sync;

namespace SearchKamer.Tests.Host;

/// <summary>The host opens the SQLite store once and hands that one instance to the saved searches and the sync.</summary>
[Collection(HostCollection.Name)]
public sealed class OneStoreTests(HostFixture host)
{
    [Fact]
    public void Saved_searches_and_sync_share_the_hosts_one_store_with_every_modules_migrations()
    {
        var store = host.Services.GetRequiredService<SqliteStore>();

        Assert.Same(store, host.Services.GetRequiredService<SyncState>().Store);
        Assert.Single(host.Services.GetServices<SqliteStore>());
        // Both modules' schemas are in it: the highest version of each list was applied to this store.
        using var c = store.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT version FROM schema_migrations";
        using var r = cmd.ExecuteReader();
        var applied = new HashSet<long>();
        while (r.Read())
        {
            applied.Add(r.GetInt64(0));
        }

        Assert.Superset(SyncSchema.Migrations.Concat(SavedSearchSchema.Migrations).Select(m => (long)m.Version).ToHashSet(), applied);
    }
}
