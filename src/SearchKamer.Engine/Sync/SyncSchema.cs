using SearchKamer.Storage;

namespace SearchKamer.Sync;

/// <summary>
/// The sync module's tables in the shared SQLite store (versions 100–199 are the sync module's).
/// Entity tables keep the last state per id of the rows needed for metadata and the open-questions
/// view; sync_document also remembers what was indexed, so a replay of the feed changes nothing.
/// </summary>
public static class SyncSchema
{
    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(100, "sync: watermarks, staged entities, pending documents", """
            CREATE TABLE sync_watermark (
                category TEXT PRIMARY KEY,
                skiptoken INTEGER NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE TABLE sync_fractie (
                id TEXT PRIMARY KEY, afkorting TEXT, naam TEXT,
                verwijderd INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE sync_persoon (
                id TEXT PRIMARY KEY, initialen TEXT, tussenvoegsel TEXT, achternaam TEXT,
                verwijderd INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE sync_zaak (
                id TEXT PRIMARY KEY, nummer TEXT, soort TEXT, onderwerp TEXT, gestart_op TEXT,
                verwijderd INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE sync_zaak_actor (
                id TEXT PRIMARY KEY, zaak_id TEXT NOT NULL, naam TEXT, fractie TEXT, functie TEXT, relatie TEXT,
                persoon_id TEXT, fractie_id TEXT, verwijderd INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX sync_zaak_actor_zaak ON sync_zaak_actor (zaak_id);
            CREATE TABLE sync_document (
                id TEXT PRIMARY KEY, nummer TEXT, soort TEXT, onderwerp TEXT, datum TEXT, vergaderjaar TEXT,
                aanhangselnummer TEXT, content_type TEXT, content_length INTEGER, bijgewerkt TEXT,
                verwijderd INTEGER NOT NULL DEFAULT 0,
                state TEXT NOT NULL DEFAULT 'new',
                indexed_version TEXT, indexed_meta TEXT, index_key TEXT, file_path TEXT, file_sha TEXT,
                warnings INTEGER);
            CREATE TABLE sync_document_zaak (
                document_id TEXT NOT NULL, zaak_id TEXT NOT NULL,
                PRIMARY KEY (document_id, zaak_id));
            CREATE INDEX sync_document_zaak_zaak ON sync_document_zaak (zaak_id);
            CREATE TABLE sync_document_actor (
                id TEXT PRIMARY KEY, document_id TEXT NOT NULL, naam TEXT, fractie TEXT, functie TEXT, relatie TEXT,
                verwijderd INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE sync_pending (
                document_id TEXT PRIMARY KEY,
                action TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                queued_at TEXT NOT NULL,
                last_attempt TEXT)
            """),
        new(101, "sync: actors staged before their zaak or document, looked up by person and party", """
            CREATE TABLE sync_skipped (
                kind TEXT NOT NULL, id TEXT NOT NULL,
                PRIMARY KEY (kind, id)) WITHOUT ROWID;
            CREATE INDEX sync_zaak_actor_persoon ON sync_zaak_actor (persoon_id);
            CREATE INDEX sync_zaak_actor_fractie ON sync_zaak_actor (fractie_id);
            CREATE INDEX sync_document_actor_document ON sync_document_actor (document_id)
            """),

        // Builds before this one compared the live feed's lowerCamelCase terms ("document") with "Document",
        // staged nothing and still moved their watermarks past it all. A category whose watermark moved while
        // nothing of it was kept is read again once, from the start; files already indexed are not downloaded
        // again (staging compares each entry's version with what was indexed).
        new(102, "sync: replay categories an earlier build read past without staging them", """
            DELETE FROM sync_watermark WHERE category = 'Fractie' AND NOT EXISTS (SELECT 1 FROM sync_fractie);
            DELETE FROM sync_watermark WHERE category = 'Persoon' AND NOT EXISTS (SELECT 1 FROM sync_persoon);
            DELETE FROM sync_watermark WHERE category = 'Zaak' AND NOT EXISTS (SELECT 1 FROM sync_zaak)
                AND NOT EXISTS (SELECT 1 FROM sync_skipped WHERE kind = 'zaak');
            DELETE FROM sync_watermark WHERE category = 'ZaakActor' AND NOT EXISTS (SELECT 1 FROM sync_zaak_actor);
            DELETE FROM sync_watermark WHERE category = 'Document' AND NOT EXISTS (SELECT 1 FROM sync_document)
                AND NOT EXISTS (SELECT 1 FROM sync_skipped WHERE kind = 'document');
            DELETE FROM sync_watermark WHERE category = 'DocumentActor' AND NOT EXISTS (SELECT 1 FROM sync_document_actor)
            """),
    ];
}

/// <summary>
/// Zaken and documents seen and not kept (motions, bills, other soorten). Their actors are dropped on
/// arrival; an actor of an id in neither this table nor the entity table waits for its owner.
/// </summary>
internal static class SkippedKind
{
    public const string Zaak = "zaak";
    public const string Document = "document";
}

/// <summary>What to do with a document on the next processing step.</summary>
public static class PendingAction
{
    /// <summary>Download the file (new or changed upstream), then index.</summary>
    public const string Fetch = "fetch";

    /// <summary>Metadata (zaak, actors) may have changed: index the file already on disk again if it differs.</summary>
    public const string Reindex = "reindex";

    public const string Delete = "delete";
}
