using SearchKamer.Storage;

namespace SearchKamer.Tests.Storage;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("searchkamer-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Migrations_apply_once_in_version_order_and_the_database_runs_in_wal_mode()
    {
        Migration[] steps = [new(2, "b", "ALTER TABLE t ADD COLUMN y TEXT"), new(1, "a", "CREATE TABLE t (x INTEGER)")];
        new SqliteStore(_dir, steps);
        var store = new SqliteStore(_dir, steps);

        Assert.Equal(2, store.SchemaVersion());
        using var c = store.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
        cmd.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal(2L, (long)cmd.ExecuteScalar()!);
    }

    [Fact]
    public void Two_migrations_with_one_version_are_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new SqliteStore(_dir, [new(1, "a", "SELECT 1"), new(1, "b", "SELECT 2")]));
        Assert.Contains("version 1", e.Message);
    }
}
