using Microsoft.Data.Sqlite;
using SearchKamer.Storage;

namespace SearchKamer.SavedSearches;

public enum AlertInterval
{
    Live,
    Hourly,
    Daily,
    Weekly,
}

/// <param name="State">The search as the URL query string of the search page (q=…&amp;partij=…), without page and size.</param>
/// <param name="LastVisit">When the owner last ran it; "nieuw" counts documents ingested after this.</param>
public sealed record SavedSearch(long Id, long UserId, string Name, string State, AlertInterval Interval, DateTimeOffset CreatedAt, DateTimeOffset LastVisit);

public static class Intervals
{
    /// <summary>The stored and API name (English, as before Dutch names were accepted).</summary>
    public static string Name(AlertInterval i) => i.ToString().ToLowerInvariant();

    /// <summary>The name people read in the web pages.</summary>
    public static string Dutch(AlertInterval i) => i switch
    {
        AlertInterval.Live => "direct",
        AlertInterval.Hourly => "per uur",
        AlertInterval.Daily => "dagelijks",
        _ => "wekelijks",
    };

    /// <summary>Dutch (direct, per uur, dagelijks, wekelijks) or English (live, hourly, daily, weekly), any case.</summary>
    public static AlertInterval Parse(string? name)
    {
        var wanted = string.Join(' ', (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var i in Enum.GetValues<AlertInterval>())
        {
            if (string.Equals(wanted, Name(i), StringComparison.OrdinalIgnoreCase) || string.Equals(wanted, Dutch(i), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new UserException($"interval moet direct, per uur, dagelijks of wekelijks zijn (of live, hourly, daily, weekly), niet \"{name}\"");
    }

    /// <summary>
    /// When an alert found now may go out: live at once, otherwise at the next whole hour, midnight
    /// (UTC) or Monday midnight, so one interval's matches leave together.
    /// </summary>
    public static DateTimeOffset NextSlot(AlertInterval interval, DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var hour = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
        var midnight = hour.AddHours(-utc.Hour);
        var toMonday = ((int)DayOfWeek.Monday - (int)utc.DayOfWeek + 7) % 7;
        return interval switch
        {
            AlertInterval.Live => utc,
            AlertInterval.Hourly => hour.AddHours(1),
            AlertInterval.Daily => midnight.AddDays(1),
            _ => midnight.AddDays(toMonday == 0 ? 7 : toMonday),
        };
    }
}

/// <summary>Saved searches; every read and write is scoped to the owner, so another user's id simply is not found.</summary>
public sealed class SavedSearchStore(SqliteStore store, TimeProvider clock, SavedSearchLimits? limits = null)
{
    private readonly SavedSearchLimits _limits = limits ?? new SavedSearchLimits();

    public const int MaxNameLength = 200;
    public const int MaxStateLength = 4000;

    private const string Columns = "id, user_id, name, state, interval, created_at, last_visit";

    public IReadOnlyList<SavedSearch> List(long userId)
    {
        using var c = store.Open();
        return Sql.Query(c, $"SELECT {Columns} FROM saved_searches WHERE user_id = $u ORDER BY name COLLATE NOCASE, id", Read, ("$u", userId));
    }

    public IReadOnlyList<SavedSearch> All()
    {
        using var c = store.Open();
        return Sql.Query(c, $"SELECT {Columns} FROM saved_searches", Read);
    }

    public SavedSearch? Get(long userId, long id)
    {
        using var c = store.Open();
        return Get(c, userId, id);
    }

    public SavedSearch Create(long userId, string name, string state, AlertInterval interval)
    {
        var now = clock.GetUtcNow().UtcTicks;
        using var c = store.Open();
        if ((long)Sql.Scalar(c, "SELECT count(*) FROM saved_searches WHERE user_id = $u", ("$u", userId))! >= _limits.MaxSavedSearches)
        {
            throw new LimitException($"limiet bereikt: ten hoogste {_limits.MaxSavedSearches} bewaarde zoekopdrachten per gebruiker (MaxSavedSearches); verwijder er eerst een");
        }

        var id = (long)Sql.Scalar(c, "INSERT INTO saved_searches (user_id, name, state, interval, created_at, last_visit) VALUES ($u, $n, $s, $i, $t, $t) RETURNING id",
            ("$u", userId), ("$n", CheckName(name)), ("$s", CheckState(state)), ("$i", Intervals.Name(interval)), ("$t", now))!;
        return Get(c, userId, id)!;
    }

    public SavedSearch? Update(long userId, long id, string name, string state, AlertInterval interval)
    {
        using var c = store.Open();
        var changed = Sql.Exec(c, "UPDATE saved_searches SET name = $n, state = $s, interval = $i WHERE id = $id AND user_id = $u",
            ("$n", CheckName(name)), ("$s", CheckState(state)), ("$i", Intervals.Name(interval)), ("$id", id), ("$u", userId));
        return changed == 0 ? null : Get(c, userId, id);
    }

    public bool Delete(long userId, long id)
    {
        using var c = store.Open();
        return Sql.Exec(c, "DELETE FROM saved_searches WHERE id = $id AND user_id = $u", ("$id", id), ("$u", userId)) > 0;
    }

    /// <summary>Records a visit; returns the search as it was, so the caller can still show what was new.</summary>
    public SavedSearch? Visit(long userId, long id)
    {
        using var c = store.Open();
        var before = Get(c, userId, id);
        if (before is not null)
        {
            Sql.Exec(c, "UPDATE saved_searches SET last_visit = $t WHERE id = $id", ("$t", clock.GetUtcNow().UtcTicks), ("$id", id));
        }

        return before;
    }

    private static string CheckName(string name) =>
        name.Trim() is { Length: > 0 and <= MaxNameLength } n ? n : throw new UserException($"naam moet 1 tot {MaxNameLength} tekens hebben");

    private static string CheckState(string state) =>
        state.Length <= MaxStateLength ? state.TrimStart('?') : throw new UserException($"zoekopdracht is langer dan {MaxStateLength} tekens");

    private static SavedSearch? Get(SqliteConnection c, long userId, long id) =>
        Sql.Query(c, $"SELECT {Columns} FROM saved_searches WHERE id = $id AND user_id = $u", Read, ("$id", id), ("$u", userId)).SingleOrDefault();

    private static SavedSearch Read(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), Intervals.Parse(r.GetString(4)), r.Moment(5), r.Moment(6));
}
