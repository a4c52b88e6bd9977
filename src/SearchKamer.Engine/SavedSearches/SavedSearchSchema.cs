using SearchKamer.Storage;

namespace SearchKamer.SavedSearches;

/// <summary>
/// Tables of accounts, saved searches, follows and the alert outbox (versions 200–299). Moments are
/// INTEGER UTC ticks so "due" and "newer than" are plain integer comparisons.
/// </summary>
public static class SavedSearchSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(200, "saved: users and sessions", """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                token_hash TEXT NOT NULL UNIQUE,
                webhook_url TEXT,
                webhook_secret TEXT,
                email_alerts INTEGER NOT NULL DEFAULT 1,
                created_at INTEGER NOT NULL);
            CREATE TABLE sessions (
                id_hash TEXT PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                expires_at INTEGER NOT NULL)
            """),
        new(201, "saved: saved searches", """
            CREATE TABLE saved_searches (
                id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                state TEXT NOT NULL,
                interval TEXT NOT NULL CHECK (interval IN ('live', 'hourly', 'daily', 'weekly')),
                created_at INTEGER NOT NULL,
                last_visit INTEGER NOT NULL);
            CREATE INDEX saved_searches_user ON saved_searches(user_id)
            """),
        new(202, "saved: follows", """
            CREATE TABLE follows (
                id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                zaak TEXT NOT NULL,
                label TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                UNIQUE (user_id, zaak));
            CREATE INDEX follows_zaak ON follows(zaak)
            """),
        // One alert per user and document whatever matched it; one delivery row per channel, so a
        // webhook that is down does not hold back the e-mail, and each keeps its own attempts.
        new(203, "saved: alert outbox", """
            CREATE TABLE alerts (
                id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                document_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                subject TEXT,
                document_date TEXT,
                snippet_html TEXT NOT NULL,
                reason TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                UNIQUE (user_id, document_key));
            CREATE TABLE deliveries (
                id INTEGER PRIMARY KEY,
                alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
                channel TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                last_error TEXT,
                sent_at INTEGER,
                UNIQUE (alert_id, channel));
            CREATE INDEX deliveries_due ON deliveries(status, next_attempt_at);
            CREATE TABLE alert_watermark (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                ingested_after INTEGER NOT NULL)
            """),
        // Accounts made before double opt-in were made by the operator or shown their token at once: they count as confirmed.
        new(204, "saved: confirmed addresses, confirmation codes, feed keys", """
            ALTER TABLE users ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE users ADD COLUMN feed_key TEXT;
            ALTER TABLE saved_searches ADD COLUMN feed_key TEXT;
            CREATE UNIQUE INDEX users_feed_key ON users(feed_key);
            CREATE UNIQUE INDEX saved_searches_feed_key ON saved_searches(feed_key);
            CREATE TABLE confirmations (
                code_hash TEXT PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL);
            CREATE INDEX confirmations_user ON confirmations(user_id)
            """),
        // Alerts are one per user and document, so which searches caused one is kept on the search itself,
        // for "laatste melding" on /mijn; existing searches start without one.
        new(205, "saved: last alert per saved search", """
            ALTER TABLE saved_searches ADD COLUMN last_alert_at INTEGER
            """),
    ];
}
