using System.Globalization;
using Microsoft.Data.Sqlite;
using SearchKamer.Storage;

namespace SearchKamer.Sync;

/// <summary>A document waiting to be fetched, indexed again or removed.</summary>
public sealed record PendingDocument(string Id, string Action, int Attempts, string? LastError, string? Nummer, long? ContentLength, string? Version, string? IndexKey, string? FilePath, string? ContentType)
{
    public DateTimeOffset? LastAttempt { get; init; }
}

/// <summary>What staging one feed page did.</summary>
/// <param name="Taken">Entries taken into the sync tables.</param>
/// <param name="Unknown">Entries whose category the sync does not know; they and the entries after them wait for a build that does.</param>
/// <param name="UnknownCategories">Their categories, as the feed named them.</param>
/// <param name="Watermark">Where the category's watermark now stands; null when it did not move.</param>
public sealed record PageResult(int Taken, int Unknown, IReadOnlyList<string> UnknownCategories, long? Watermark);

/// <summary>
/// Sync state in the SQLite store: watermarks, staged entity rows, the pending queue and what was
/// indexed per document. Staging (<see cref="Stage"/>) lives in SyncStaging.cs. The store is the process's
/// one store (opened with every module's migrations, <see cref="SyncSchema.Migrations"/> among them).
/// </summary>
public sealed partial class SyncState(SqliteStore store)
{
    public SqliteStore Store { get; } = store;

    public long? Watermark(string category)
    {
        using var c = Store.Open();
        return Scalar(c, "SELECT skiptoken FROM sync_watermark WHERE category = $c", ("$c", category)) is long token ? token : null;
    }

    private static void SetWatermark(SqliteConnection c, SqliteTransaction tx, string category, long skiptoken) =>
        Execute(c, tx, """
            INSERT INTO sync_watermark (category, skiptoken, updated_at) VALUES ($c, $t, $u)
            ON CONFLICT (category) DO UPDATE SET skiptoken = excluded.skiptoken, updated_at = excluded.updated_at
            """, ("$c", category), ("$t", skiptoken), ("$u", Now()));

    public void ResetWatermarks()
    {
        using var c = Store.Open();
        Execute(c, null, "DELETE FROM sync_watermark");
    }

    public IReadOnlyList<PendingDocument> Pending()
    {
        using var c = Store.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT p.document_id, p.action, p.attempts, p.last_error, d.nummer, d.content_length,
                   COALESCE(d.bijgewerkt, '') || '|' || COALESCE(d.content_length, ''), d.index_key, d.file_path, d.content_type, p.last_attempt
            FROM sync_pending p LEFT JOIN sync_document d ON d.id = p.document_id
            ORDER BY p.queued_at, p.document_id
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<PendingDocument>();
        while (r.Read())
        {
            list.Add(new PendingDocument(r.GetString(0), r.GetString(1), r.GetInt32(2), Text(r, 3), Text(r, 4), r.IsDBNull(5) ? null : r.GetInt64(5), Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9))
            {
                LastAttempt = Text(r, 10) is { } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : null,
            });
        }

        return list;
    }

    public int PendingCount()
    {
        using var c = Store.Open();
        return Convert.ToInt32(Scalar(c, "SELECT COUNT(*) FROM sync_pending"), CultureInfo.InvariantCulture);
    }

    /// <summary>The document's state and what was last indexed for it.</summary>
    public (string State, string? IndexedVersion, string? IndexedMeta, string? FileSha) Indexed(string id)
    {
        using var c = Store.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT state, indexed_version, indexed_meta, file_sha FROM sync_document WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? (r.GetString(0), Text(r, 1), Text(r, 2), Text(r, 3)) : ("unknown", null, null, null);
    }

    /// <summary>The outcome of one processed document, written after the index commit.</summary>
    public sealed record Outcome(string Id, string State, string? Version, string? Meta, string? IndexKey, string? FilePath, string? FileSha, int? Warnings);

    /// <summary>Records indexed, deleted and unreadable documents and takes them off the queue, in one transaction.</summary>
    public void Complete(IEnumerable<Outcome> outcomes)
    {
        using var c = Store.Open();
        using var tx = c.BeginTransaction();
        foreach (var o in outcomes)
        {
            Execute(c, tx, """
                UPDATE sync_document SET state = $s, indexed_version = $v, indexed_meta = $m, index_key = $k,
                    file_path = $f, file_sha = $h, warnings = COALESCE($w, warnings) WHERE id = $id
                """, ("$s", o.State), ("$v", o.Version), ("$m", o.Meta), ("$k", o.IndexKey), ("$f", o.FilePath), ("$h", o.FileSha), ("$w", o.Warnings), ("$id", o.Id));
            Execute(c, tx, "DELETE FROM sync_pending WHERE document_id = $id", ("$id", o.Id));
        }

        tx.Commit();
    }

    /// <summary>
    /// Keeps the document queued with its error, so a later run tries again; after <paramref name="maxAttempts"/>
    /// failed runs it is taken off the queue as lost (a newer version in the feed queues it again). Returns whether it was lost.
    /// </summary>
    public bool Failed(string id, string error, int maxAttempts)
    {
        using var c = Store.Open();
        using var tx = c.BeginTransaction();
        Execute(c, tx, "UPDATE sync_pending SET attempts = attempts + 1, last_error = $e, last_attempt = $t WHERE document_id = $id",
            ("$e", error), ("$t", Now()), ("$id", id));
        var lost = maxAttempts > 0 && Scalar(c, "SELECT attempts FROM sync_pending WHERE document_id = $id", ("$id", id)) is long n && n >= maxAttempts;
        if (lost)
        {
            Execute(c, tx, "UPDATE sync_document SET state = 'lost' WHERE id = $id", ("$id", id));
            Execute(c, tx, "DELETE FROM sync_pending WHERE document_id = $id", ("$id", id));
        }

        tx.Commit();
        return lost;
    }

    /// <summary>
    /// After the index was emptied to be built again: every document the sync had indexed is queued to be indexed
    /// again from the file it keeps (no download), with the API's metadata.
    /// </summary>
    public void RequeueIndexed()
    {
        using var c = Store.Open();
        using var tx = c.BeginTransaction();
        Execute(c, tx, """
            INSERT INTO sync_pending (document_id, action, queued_at) SELECT id, $a, $t FROM sync_document WHERE state = 'indexed'
            ON CONFLICT (document_id) DO NOTHING
            """, ("$a", PendingAction.Reindex), ("$t", Now()));
        Execute(c, tx, "UPDATE sync_document SET indexed_meta = NULL, index_key = NULL WHERE state = 'indexed'");
        tx.Commit();
    }

    /// <summary>Saves the downloaded file's path on the row, so a later metadata change can index it again without a download.</summary>
    public void Downloaded(string id, string path, string? contentType)
    {
        using var c = Store.Open();
        Execute(c, null, "UPDATE sync_document SET file_path = $p, content_type = COALESCE($t, content_type) WHERE id = $id", ("$p", path), ("$t", contentType), ("$id", id));
    }

    // The store's one helper set (Storage/Sql), under the names the sync's statements use.
    internal static object? Scalar(SqliteConnection c, string sql, params (string Name, object? Value)[] args) => Sql.Scalar(c, sql, args);

    internal static int Execute(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args) => Sql.Exec(c, tx, sql, args);

    internal static string? Text(SqliteDataReader r, int i) => r.Text(i);

    internal static string Now() => Sql.Now();
}
