using Microsoft.Data.Sqlite;

namespace SearchKamer.Storage;

/// <summary>One schema step: applied once, in order, inside a transaction.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// The SQLite database beside the index (data directory / searchkamer.db): WAL mode so readers
/// never block the writer, and versioned migrations applied at start-up. Each module (saved
/// searches, sync, …) registers its own migrations with distinct version numbers.
/// </summary>
public sealed class SqliteStore
{
    public const string FileName = "searchkamer.db";

    private readonly string _connectionString;

    public SqliteStore(string dataDirectory, IEnumerable<Migration> migrations)
    {
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.Combine(dataDirectory, FileName);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Cache = SqliteCacheMode.Shared, DefaultTimeout = 30 }.ToString();
        Migrate(migrations.OrderBy(m => m.Version).ToList());
    }

    public string Path { get; }

    /// <summary>A new open connection with foreign keys on and a busy timeout; dispose it after use.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public int SchemaVersion()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Migrate(IReadOnlyList<Migration> migrations)
    {
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"migration version {duplicate.Key} is used twice: {string.Join(", ", duplicate.Select(m => m.Name))}");
        }

        using var c = Open();
        using (var wal = c.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);";
            wal.ExecuteNonQuery();
        }

        var applied = new HashSet<long>();
        using (var read = c.CreateCommand())
        {
            read.CommandText = "SELECT version FROM schema_migrations";
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                applied.Add(r.GetInt64(0));
            }
        }

        foreach (var m in migrations.Where(m => !applied.Contains(m.Version)))
        {
            using var tx = c.BeginTransaction();
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = m.Sql + ";\nINSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t);";
            cmd.Parameters.AddWithValue("$v", m.Version);
            cmd.Parameters.AddWithValue("$n", m.Name);
            cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
    }
}
