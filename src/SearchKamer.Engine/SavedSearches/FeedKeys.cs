using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using SearchKamer.Storage;

namespace SearchKamer.SavedSearches;

/// <summary>
/// Capability URLs for feeds: each saved search, and each user's "mijn meldingen" feed, has a read-only key of
/// its own, so a feed address that leaks (a feed reader, a proxy log) reads that one feed and signs nothing in.
/// A new key revokes the old one. Keys are stored as they are, unlike tokens: the page must be able to show the
/// address again, and whoever reads the database already has everything a feed shows.
/// </summary>
public sealed class FeedKeys(SqliteStore store)
{
    /// <summary>The user's key for /feed/mijn, made on first use.</summary>
    public string ForUser(long userId) => Ensure("users", userId, null);

    /// <summary>The saved search's key, made on first use; null when it is not this user's.</summary>
    public string? ForSearch(long userId, long searchId) =>
        Owns(userId, searchId) ? Ensure("saved_searches", searchId, userId) : null;

    public string RenewUser(long userId) => Set("users", userId, null);

    public string? RenewSearch(long userId, long searchId) => Owns(userId, searchId) ? Set("saved_searches", searchId, userId) : null;

    /// <summary>New keys for /feed/mijn and every saved search of the user, on the caller's connection (and its transaction).</summary>
    internal static void RenewAll(SqliteConnection c, long userId)
    {
        Sql.Exec(c, "UPDATE users SET feed_key = $k WHERE id = $id", ("$k", Secrets.NewToken()), ("$id", userId));
        foreach (var search in Sql.Query(c, "SELECT id FROM saved_searches WHERE user_id = $u", r => r.GetInt64(0), ("$u", userId)))
        {
            Sql.Exec(c, "UPDATE saved_searches SET feed_key = $k WHERE id = $id", ("$k", Secrets.NewToken()), ("$id", search));
        }
    }

    /// <summary>The user whose /feed/mijn this key opens.</summary>
    public long? UserOf(string? key) => Lookup("SELECT id, feed_key FROM users WHERE feed_key = $k", key);

    /// <summary>The owner of saved search <paramref name="searchId"/> when <paramref name="key"/> is its key.</summary>
    public long? OwnerOfSearch(long searchId, string? key) =>
        Lookup("SELECT user_id, feed_key FROM saved_searches WHERE id = $id AND feed_key = $k", key, searchId);

    private bool Owns(long userId, long searchId)
    {
        using var c = store.Open();
        return Sql.Scalar(c, "SELECT 1 FROM saved_searches WHERE id = $id AND user_id = $u", ("$id", searchId), ("$u", userId)) is not null;
    }

    private string Ensure(string table, long id, long? owner)
    {
        using var c = store.Open();
        return Sql.Scalar(c, $"SELECT feed_key FROM {table} WHERE id = $id", ("$id", id)) as string ?? Set(table, id, owner);
    }

    private string Set(string table, long id, long? owner)
    {
        var key = Secrets.NewToken();
        using var c = store.Open();
        Sql.Exec(c, $"UPDATE {table} SET feed_key = $k WHERE id = $id" + (owner is null ? "" : " AND user_id = $u"), ("$k", key), ("$id", id), ("$u", owner));
        return key;
    }

    private long? Lookup(string sql, string? key, long? id = null)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200)
        {
            return null;
        }

        using var c = store.Open();
        var row = Sql.Query(c, sql, r => (Id: r.GetInt64(0), Key: r.GetString(1)), ("$k", key), ("$id", id)).SingleOrDefault();
        // The equality in SQL finds the row; the fixed-time compare keeps the answer from depending on how much matched.
        return row.Key is { } stored && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(key)) ? row.Id : null;
    }
}
