using Microsoft.Data.Sqlite;
using SearchKamer.Storage;

namespace SearchKamer.SavedSearches;

/// <summary>"Volg deze vragen": alert when an answer, uitstel or withdrawal for <paramref name="Zaak"/> is ingested.</summary>
public sealed record Follow(long Id, long UserId, string Zaak, string Label, DateTimeOffset CreatedAt);

public sealed class Follows(SqliteStore store, TimeProvider clock, SavedSearchLimits? limits = null)
{
    private readonly SavedSearchLimits _limits = limits ?? new SavedSearchLimits();

    private const string Columns = "id, user_id, zaak, label, created_at";

    /// <summary>Idempotent: following the same zaak twice returns the first follow.</summary>
    public Follow Add(long userId, string zaak, string label)
    {
        var normalised = zaak.Trim().ToUpperInvariant();
        if (normalised.Length is 0 or > 40)
        {
            throw new UserException("zaaknummer ontbreekt of is te lang");
        }

        using var c = store.Open();
        var known = Sql.Scalar(c, "SELECT 1 FROM follows WHERE user_id = $u AND zaak = $z", ("$u", userId), ("$z", normalised)) is not null;
        if (!known && (long)Sql.Scalar(c, "SELECT count(*) FROM follows WHERE user_id = $u", ("$u", userId))! >= _limits.MaxFollows)
        {
            throw new LimitException($"limiet bereikt: ten hoogste {_limits.MaxFollows} gevolgde zaken per gebruiker (MaxFollows); volg er eerst een niet meer");
        }

        Sql.Exec(c, "INSERT INTO follows (user_id, zaak, label, created_at) VALUES ($u, $z, $l, $t) ON CONFLICT (user_id, zaak) DO NOTHING",
            ("$u", userId), ("$z", normalised), ("$l", label.Trim() is { Length: > 0 } l ? l[..Math.Min(l.Length, 300)] : normalised), ("$t", clock.GetUtcNow().UtcTicks));
        return Sql.Query(c, $"SELECT {Columns} FROM follows WHERE user_id = $u AND zaak = $z", Read, ("$u", userId), ("$z", normalised)).Single();
    }

    public IReadOnlyList<Follow> List(long userId)
    {
        using var c = store.Open();
        return Sql.Query(c, $"SELECT {Columns} FROM follows WHERE user_id = $u ORDER BY created_at DESC", Read, ("$u", userId));
    }

    public Follow? Get(long userId, long id)
    {
        using var c = store.Open();
        return Sql.Query(c, $"SELECT {Columns} FROM follows WHERE user_id = $u AND id = $id", Read, ("$u", userId), ("$id", id)).SingleOrDefault();
    }

    public IReadOnlyList<Follow> ForZaak(string zaak)
    {
        using var c = store.Open();
        return Sql.Query(c, $"SELECT {Columns} FROM follows WHERE zaak = $z", Read, ("$z", zaak.ToUpperInvariant()));
    }

    public bool Delete(long userId, long id)
    {
        using var c = store.Open();
        return Sql.Exec(c, "DELETE FROM follows WHERE user_id = $u AND id = $id", ("$u", userId), ("$id", id)) > 0;
    }

    private static Follow Read(SqliteDataReader r) => new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.Moment(4));
}
