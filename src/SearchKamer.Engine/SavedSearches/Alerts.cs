using Microsoft.Data.Sqlite;
using SearchKamer.Storage;

namespace SearchKamer.SavedSearches;

/// <param name="SnippetHtml">Our own safe HTML: encoded document text with &lt;mark&gt; around matches.</param>
/// <param name="Reason">Which saved searches or follow produced it, for the reader.</param>
public sealed record Alert(long Id, long UserId, string DocumentKey, string Kind, string? Subject, DateOnly? DocumentDate,
    string SnippetHtml, string Reason, DateTimeOffset CreatedAt);

public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
}

public sealed record Delivery(long Id, long AlertId, string Channel, DeliveryStatus Status, int Attempts, DateTimeOffset NextAttemptAt, string? LastError);

/// <summary>A document to alert one user about, with the channels it must go out on and when.</summary>
/// <param name="Searches">The saved searches that matched it (none for a follow), stamped with the alert's time.</param>
public sealed record NewAlert(long UserId, string DocumentKey, string Kind, string? Subject, DateOnly? DocumentDate, string SnippetHtml,
    string Reason, IReadOnlyList<string> Channels, DateTimeOffset DueAt, IReadOnlyList<long>? Searches = null);

/// <summary>
/// The outbox. UNIQUE(user, document) makes "once per user" a database fact: evaluating the same
/// documents again, or a second search matching, inserts nothing.
/// </summary>
public sealed class AlertStore(SqliteStore store, TimeProvider clock)
{
    private const string AlertColumns = "id, user_id, document_key, kind, subject, document_date, snippet_html, reason, created_at";

    /// <summary>Inserts the alerts and moves the evaluation watermark in one transaction; returns how many were new.</summary>
    public int Record(IEnumerable<NewAlert> alerts, DateTimeOffset? watermark)
    {
        using var c = store.Open();
        using var tx = c.BeginTransaction();
        var inserted = 0;
        foreach (var a in alerts)
        {
            var id = Sql.Scalar(c, """
                INSERT INTO alerts (user_id, document_key, kind, subject, document_date, snippet_html, reason, created_at)
                VALUES ($u, $d, $k, $s, $dd, $h, $r, $t) ON CONFLICT (user_id, document_key) DO NOTHING RETURNING id
                """, ("$u", a.UserId), ("$d", a.DocumentKey), ("$k", a.Kind), ("$s", a.Subject), ("$dd", a.DocumentDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                ("$h", a.SnippetHtml), ("$r", a.Reason), ("$t", clock.GetUtcNow().UtcTicks));
            if (id is not long alertId)
            {
                continue;
            }

            inserted++;
            foreach (var channel in a.Channels.Distinct())
            {
                Sql.Exec(c, "INSERT INTO deliveries (alert_id, channel, next_attempt_at) VALUES ($a, $c, $n)",
                    ("$a", alertId), ("$c", channel), ("$n", a.DueAt.UtcTicks));
            }

            foreach (var search in a.Searches ?? [])
            {
                Sql.Exec(c, "UPDATE saved_searches SET last_alert_at = $t WHERE id = $s AND user_id = $u",
                    ("$t", clock.GetUtcNow().UtcTicks), ("$s", search), ("$u", a.UserId));
            }
        }

        if (watermark is { } w)
        {
            Sql.Exec(c, "INSERT INTO alert_watermark (id, ingested_after) VALUES (1, $w) ON CONFLICT (id) DO UPDATE SET ingested_after = MAX(ingested_after, $w)",
                ("$w", w.UtcTicks));
        }

        tx.Commit();
        return inserted;
    }

    public DateTimeOffset Watermark()
    {
        using var c = store.Open();
        return Sql.Scalar(c, "SELECT ingested_after FROM alert_watermark WHERE id = 1") is long ticks ? new(ticks, TimeSpan.Zero) : DateTimeOffset.MinValue;
    }

    public IReadOnlyList<Alert> ForUser(long userId, int limit = 100)
    {
        using var c = store.Open();
        return Sql.Query(c, $"SELECT {AlertColumns} FROM alerts WHERE user_id = $u ORDER BY created_at DESC, id DESC LIMIT $l", ReadAlert, ("$u", userId), ("$l", limit));
    }

    /// <summary>When each of the user's saved searches last caused an alert; searches that never did are absent.</summary>
    public IReadOnlyDictionary<long, DateTimeOffset> LastAlertPerSearch(long userId)
    {
        using var c = store.Open();
        return Sql.Query(c, "SELECT id, last_alert_at FROM saved_searches WHERE user_id = $u AND last_alert_at IS NOT NULL",
            r => (Id: r.GetInt64(0), At: r.Moment(1)), ("$u", userId)).ToDictionary(x => x.Id, x => x.At);
    }

    public IReadOnlyList<Delivery> DeliveriesOf(long userId, long alertId)
    {
        using var c = store.Open();
        return Sql.Query(c, "SELECT d.id, d.alert_id, d.channel, d.status, d.attempts, d.next_attempt_at, d.last_error FROM deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.user_id = $u AND a.id = $a ORDER BY d.channel",
            ReadDelivery, ("$u", userId), ("$a", alertId));
    }

    /// <summary>Pending deliveries whose time has come, with their alerts, oldest first.</summary>
    public IReadOnlyList<(Delivery Delivery, Alert Alert)> Due(int limit = 200)
    {
        using var c = store.Open();
        return Sql.Query(c, """
            SELECT d.id, d.alert_id, d.channel, d.status, d.attempts, d.next_attempt_at, d.last_error,
                   a.id, a.user_id, a.document_key, a.kind, a.subject, a.document_date, a.snippet_html, a.reason, a.created_at
            FROM deliveries d JOIN alerts a ON a.id = d.alert_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= $now ORDER BY d.next_attempt_at, d.id LIMIT $l
            """, r => (ReadDelivery(r), ReadAlert(r, 7)), ("$now", clock.GetUtcNow().UtcTicks), ("$l", limit));
    }

    public void MarkSent(IEnumerable<long> deliveryIds)
    {
        using var c = store.Open();
        using var tx = c.BeginTransaction();
        foreach (var id in deliveryIds)
        {
            Sql.Exec(c, "UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = $t, last_error = NULL WHERE id = $id AND status = 'pending'",
                ("$t", clock.GetUtcNow().UtcTicks), ("$id", id));
        }

        tx.Commit();
    }

    /// <summary>Counts a failed attempt: retried at <paramref name="retryAt"/>, or given up when that is null.</summary>
    public void MarkFailed(IEnumerable<long> deliveryIds, string error, DateTimeOffset? retryAt)
    {
        using var c = store.Open();
        using var tx = c.BeginTransaction();
        foreach (var id in deliveryIds)
        {
            Sql.Exec(c, "UPDATE deliveries SET attempts = attempts + 1, last_error = $e, status = $s, next_attempt_at = COALESCE($n, next_attempt_at) WHERE id = $id AND status = 'pending'",
                ("$e", error.Length > 1000 ? error[..1000] : error), ("$s", retryAt is null ? "failed" : "pending"), ("$n", retryAt?.UtcTicks), ("$id", id));
        }

        tx.Commit();
    }

    private static Alert ReadAlert(SqliteDataReader r) => ReadAlert(r, 0);

    private static Alert ReadAlert(SqliteDataReader r, int o) =>
        new(r.GetInt64(o), r.GetInt64(o + 1), r.GetString(o + 2), r.GetString(o + 3), r.NullableString(o + 4),
            r.NullableString(o + 5) is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            r.GetString(o + 6), r.GetString(o + 7), r.Moment(o + 8));

    private static Delivery ReadDelivery(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Enum.Parse<DeliveryStatus>(r.GetString(3), ignoreCase: true), r.GetInt32(4), r.Moment(5), r.NullableString(6));
}
