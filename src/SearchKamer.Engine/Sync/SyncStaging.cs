using Microsoft.Data.Sqlite;
using F = SearchKamer.Sync.TkApiNames.Fields;

namespace SearchKamer.Sync;

/// <summary>Staging of feed entries: the last state per id, and the documents each change puts on the queue.</summary>
public sealed partial class SyncState
{
    /// <summary>
    /// Stages one feed page and moves the category's watermark in the same transaction: the queue of documents to
    /// fetch is durable with it, so a kill after this loses nothing. Entries are handled in feed order up to the
    /// first one whose category the sync does not know; the watermark moves past handled entries only, so such
    /// an entry is met (and reported) again on every run until a build that understands it reads it.
    /// </summary>
    public PageResult StagePage(string category, FeedPage page, DateOnly? since)
    {
        using var c = Store.Open();
        using var tx = c.BeginTransaction();
        var (taken, handled) = StageEntries(c, tx, page.Entries, since);
        var unknown = page.Entries.Skip(handled).Where(e => TkApiNames.Categories.Known(e.Category) is null).Select(e => e.Category).ToList();
        long? through = handled == page.Entries.Count ? page.NextSkiptoken : page.Entries.Take(handled).LastOrDefault(e => e.Skiptoken is not null)?.Skiptoken;
        if (through is { } token)
        {
            SetWatermark(c, tx, category, token);
        }

        tx.Commit();
        return new PageResult(taken, unknown.Count, [.. unknown.Distinct(StringComparer.Ordinal)], through);
    }

    /// <summary>Stages entries that did not come from the feed (an OData backfill); they carry no position.</summary>
    public int Stage(IReadOnlyList<FeedEntry> entries, DateOnly? since)
    {
        using var c = Store.Open();
        using var tx = c.BeginTransaction();
        var (taken, _) = StageEntries(c, tx, entries, since);
        tx.Commit();
        return taken;
    }

    /// <returns>How many entries were taken in, and how many from the start were handled (taken or deliberately passed over).</returns>
    private static (int Taken, int Handled) StageEntries(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<FeedEntry> entries, DateOnly? since)
    {
        var taken = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (TkApiNames.Categories.Known(e.Category) is null)
            {
                return (taken, i);
            }

            if (since is { } s && e.Updated is { } u && DateOnly.FromDateTime(u.UtcDateTime) < s)
            {
                continue;
            }

            var staged = e.Category switch
            {
                TkApiNames.Categories.Fractie => StageFractie(c, tx, e),
                TkApiNames.Categories.Persoon => StagePersoon(c, tx, e),
                TkApiNames.Categories.Zaak => StageZaak(c, tx, e),
                TkApiNames.Categories.ZaakActor => StageZaakActor(c, tx, e),
                TkApiNames.Categories.Document => StageDocument(c, tx, e),
                _ => StageDocumentActor(c, tx, e),
            };
            taken += staged ? 1 : 0;
        }

        return (taken, entries.Count);
    }

    private static bool StageFractie(SqliteConnection c, SqliteTransaction tx, FeedEntry e)
    {
        var before = Scalar(c, "SELECT afkorting || '|' || verwijderd FROM sync_fractie WHERE id = $id", ("$id", e.Id)) as string;
        Execute(c, tx, """
            INSERT INTO sync_fractie (id, afkorting, naam, verwijderd) VALUES ($id, $a, $n, $d)
            ON CONFLICT (id) DO UPDATE SET afkorting = excluded.afkorting, naam = excluded.naam, verwijderd = excluded.verwijderd
            """, ("$id", e.Id), ("$a", e.Field(F.Afkorting)), ("$n", e.Field(F.NaamNl)), ("$d", e.Deleted));
        if (before != Scalar(c, "SELECT afkorting || '|' || verwijderd FROM sync_fractie WHERE id = $id", ("$id", e.Id)) as string)
        {
            QueueReindexForActorLink(c, tx, "fractie_id", e.Id);
        }

        return true;
    }

    private static bool StagePersoon(SqliteConnection c, SqliteTransaction tx, FeedEntry e)
    {
        const string Name = "SELECT COALESCE(initialen, '') || '|' || COALESCE(tussenvoegsel, '') || '|' || COALESCE(achternaam, '') || '|' || verwijderd FROM sync_persoon WHERE id = $id";
        var before = Scalar(c, Name, ("$id", e.Id)) as string;
        Execute(c, tx, """
            INSERT INTO sync_persoon (id, initialen, tussenvoegsel, achternaam, verwijderd) VALUES ($id, $i, $t, $a, $d)
            ON CONFLICT (id) DO UPDATE SET initialen = excluded.initialen, tussenvoegsel = excluded.tussenvoegsel,
                achternaam = excluded.achternaam, verwijderd = excluded.verwijderd
            """, ("$id", e.Id), ("$i", e.Field(F.Initialen)), ("$t", e.Field(F.Tussenvoegsel)), ("$a", e.Field(F.Achternaam)), ("$d", e.Deleted));
        if (before != Scalar(c, Name, ("$id", e.Id)) as string)
        {
            QueueReindexForActorLink(c, tx, "persoon_id", e.Id);
        }

        return true;
    }

    /// <summary>Only question-set zaken are kept (the feed carries every motion and bill too), plus anything already known.</summary>
    private static bool StageZaak(SqliteConnection c, SqliteTransaction tx, FeedEntry e)
    {
        var known = Scalar(c, "SELECT 1 FROM sync_zaak WHERE id = $id", ("$id", e.Id)) is not null;
        var soort = e.Field(F.Soort);
        if (!known && (e.Deleted || !string.Equals(soort, TkApiNames.ZaakSoort.Vragen, StringComparison.OrdinalIgnoreCase)))
        {
            // Actors that came before their zaak were kept for it; a zaak we do not keep does not need them.
            Skip(c, tx, SkippedKind.Zaak, e.Id);
            Execute(c, tx, "DELETE FROM sync_zaak_actor WHERE zaak_id = $id", ("$id", e.Id));
            return false;
        }

        Execute(c, tx, "DELETE FROM sync_skipped WHERE kind = $k AND id = $id", ("$k", SkippedKind.Zaak), ("$id", e.Id));

        // A tombstone has its content fields emptied: keep the number and subject we had.
        Execute(c, tx, """
            INSERT INTO sync_zaak (id, nummer, soort, onderwerp, gestart_op, verwijderd) VALUES ($id, $n, $s, $o, $g, $d)
            ON CONFLICT (id) DO UPDATE SET nummer = COALESCE(excluded.nummer, nummer), soort = COALESCE(excluded.soort, soort),
                onderwerp = COALESCE(excluded.onderwerp, onderwerp), gestart_op = COALESCE(excluded.gestart_op, gestart_op),
                verwijderd = excluded.verwijderd
            """, ("$id", e.Id), ("$n", e.Field(F.Nummer)), ("$s", soort), ("$o", e.Field(F.Onderwerp)), ("$g", e.Field(F.GestartOp)), ("$d", e.Deleted));
        QueueReindexForZaak(c, tx, e.Id);
        return true;
    }

    private static bool StageZaakActor(SqliteConnection c, SqliteTransaction tx, FeedEntry e)
    {
        var zaak = e.Ref(F.Zaak) ?? Scalar(c, "SELECT zaak_id FROM sync_zaak_actor WHERE id = $id", ("$id", e.Id)) as string;
        if (zaak is null || IsSkipped(c, SkippedKind.Zaak, zaak))
        {
            return false;
        }

        // An actor whose zaak has not arrived yet is kept: the feed gives no order between categories
        // or passes, and the metadata reads it through the zaak once that comes. A tombstone for it is dropped.
        if (e.Deleted && Scalar(c, "SELECT 1 FROM sync_zaak WHERE id = $z", ("$z", zaak)) is null)
        {
            return Execute(c, tx, "DELETE FROM sync_zaak_actor WHERE id = $id", ("$id", e.Id)) > 0;
        }

        Execute(c, tx, """
            INSERT INTO sync_zaak_actor (id, zaak_id, naam, fractie, functie, relatie, persoon_id, fractie_id, verwijderd)
            VALUES ($id, $z, $n, $f, $fu, $r, $p, $fi, $d)
            ON CONFLICT (id) DO UPDATE SET zaak_id = excluded.zaak_id, naam = excluded.naam, fractie = excluded.fractie,
                functie = excluded.functie, relatie = excluded.relatie, persoon_id = excluded.persoon_id,
                fractie_id = excluded.fractie_id, verwijderd = excluded.verwijderd
            """, ("$id", e.Id), ("$z", zaak), ("$n", e.Field(F.ActorNaam)), ("$f", e.Field(F.ActorFractie)), ("$fu", e.Field(F.Functie)),
            ("$r", e.Field(F.Relatie)), ("$p", e.Ref(F.Persoon)), ("$fi", e.Ref(F.Fractie)), ("$d", e.Deleted));
        QueueReindexForZaak(c, tx, zaak);
        return true;
    }

    private static bool StageDocument(SqliteConnection c, SqliteTransaction tx, FeedEntry e)
    {
        var known = Scalar(c, "SELECT 1 FROM sync_document WHERE id = $id", ("$id", e.Id)) is not null;
        var soort = e.Field(F.Soort);
        var relevant = !e.Deleted && TkApiNames.DocumentSoort.IsRelevant(soort);
        if (!known && !relevant)
        {
            Skip(c, tx, SkippedKind.Document, e.Id);
            Execute(c, tx, "DELETE FROM sync_document_actor WHERE document_id = $id", ("$id", e.Id));
            return false;
        }

        Execute(c, tx, "DELETE FROM sync_skipped WHERE kind = $k AND id = $id", ("$k", SkippedKind.Document), ("$id", e.Id));

        if (!relevant)
        {
            // Deleted upstream, or no longer a Kamervragen soort: out of the index.
            Execute(c, tx, "UPDATE sync_document SET verwijderd = 1, bijgewerkt = $b WHERE id = $id", ("$b", e.Bijgewerkt), ("$id", e.Id));
            Queue(c, tx, e.Id, PendingAction.Delete, replace: true);
            return true;
        }

        Execute(c, tx, """
            INSERT INTO sync_document (id, nummer, soort, onderwerp, datum, vergaderjaar, aanhangselnummer, content_type, content_length, bijgewerkt, verwijderd)
            VALUES ($id, $n, $s, $o, $da, $v, $a, $ct, $cl, $b, 0)
            ON CONFLICT (id) DO UPDATE SET nummer = excluded.nummer, soort = excluded.soort, onderwerp = excluded.onderwerp,
                datum = excluded.datum, vergaderjaar = excluded.vergaderjaar, aanhangselnummer = excluded.aanhangselnummer,
                content_type = excluded.content_type, content_length = excluded.content_length, bijgewerkt = excluded.bijgewerkt, verwijderd = 0
            """, ("$id", e.Id), ("$n", e.Field(F.DocumentNummer)), ("$s", soort), ("$o", e.Field(F.Onderwerp)), ("$da", e.Field(F.Datum)),
            ("$v", e.Field(F.Vergaderjaar)), ("$a", e.Field(F.Aanhangselnummer)), ("$ct", e.ContentType), ("$cl", e.ContentLength), ("$b", e.Bijgewerkt));

        Execute(c, tx, "DELETE FROM sync_document_zaak WHERE document_id = $id", ("$id", e.Id));
        foreach (var zaak in e.Refs(F.Zaak).Distinct())
        {
            Execute(c, tx, "INSERT INTO sync_document_zaak (document_id, zaak_id) VALUES ($d, $z)", ("$d", e.Id), ("$z", zaak));
        }

        var version = Version(e.Bijgewerkt, e.ContentLength);
        var indexedVersion = Scalar(c, "SELECT indexed_version FROM sync_document WHERE id = $id", ("$id", e.Id)) as string;
        var state = Scalar(c, "SELECT state FROM sync_document WHERE id = $id", ("$id", e.Id)) as string;
        if (version != indexedVersion || state is not ("indexed" or "unreadable"))
        {
            Queue(c, tx, e.Id, PendingAction.Fetch, replace: true);
        }
        else
        {
            // Same file as indexed; its zaak links may still have changed.
            Queue(c, tx, e.Id, PendingAction.Reindex, replace: false);
        }

        return true;
    }

    private static bool StageDocumentActor(SqliteConnection c, SqliteTransaction tx, FeedEntry e)
    {
        var document = e.Ref(F.Document);
        if (document is null || IsSkipped(c, SkippedKind.Document, document))
        {
            return false;
        }

        // Kept when its document is not known yet, like a zaak actor; a tombstone for an unknown document is dropped.
        if (e.Deleted && Scalar(c, "SELECT 1 FROM sync_document WHERE id = $d", ("$d", document)) is null)
        {
            return Execute(c, tx, "DELETE FROM sync_document_actor WHERE id = $id", ("$id", e.Id)) > 0;
        }

        Execute(c, tx, """
            INSERT INTO sync_document_actor (id, document_id, naam, fractie, functie, relatie, verwijderd) VALUES ($id, $doc, $n, $f, $fu, $r, $d)
            ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, naam = excluded.naam, fractie = excluded.fractie,
                functie = excluded.functie, relatie = excluded.relatie, verwijderd = excluded.verwijderd
            """, ("$id", e.Id), ("$doc", document), ("$n", e.Field(F.ActorNaam)), ("$f", e.Field(F.ActorFractie)), ("$fu", e.Field(F.Functie)),
            ("$r", e.Field(F.Relatie)), ("$d", e.Deleted));

        // The document's own actors stand in for a missing zaak link (MetadataFor), so an indexed document may change.
        Execute(c, tx, """
            INSERT INTO sync_pending (document_id, action, queued_at) SELECT id, $a, $t FROM sync_document WHERE id = $doc AND state = 'indexed'
            ON CONFLICT (document_id) DO NOTHING
            """, ("$doc", document), ("$a", PendingAction.Reindex), ("$t", Now()));
        return true;
    }

    public static string Version(string? bijgewerkt, long? contentLength) => $"{bijgewerkt}|{contentLength}";

    private static void QueueReindexForZaak(SqliteConnection c, SqliteTransaction tx, string zaakId) =>
        QueueReindexOfZaken(c, tx, "$z", ("$z", zaakId));

    /// <summary>Queues a reindex of every indexed document of the zaken <paramref name="zaken"/> (SQL) selects, in one statement.</summary>
    private static void QueueReindexOfZaken(SqliteConnection c, SqliteTransaction tx, string zaken, (string Name, object? Value) argument) =>
        Execute(c, tx, $"""
            INSERT INTO sync_pending (document_id, action, queued_at)
            SELECT DISTINCT d.id, $a, $t FROM sync_document_zaak dz JOIN sync_document d ON d.id = dz.document_id
            WHERE d.state = 'indexed' AND dz.zaak_id IN ({zaken})
            ON CONFLICT (document_id) DO NOTHING
            """, argument, ("$a", PendingAction.Reindex), ("$t", Now()));

    private static void Skip(SqliteConnection c, SqliteTransaction tx, string kind, string id) =>
        Execute(c, tx, "INSERT INTO sync_skipped (kind, id) VALUES ($k, $id) ON CONFLICT DO NOTHING", ("$k", kind), ("$id", id));

    private static bool IsSkipped(SqliteConnection c, string kind, string id) =>
        Scalar(c, "SELECT 1 FROM sync_skipped WHERE kind = $k AND id = $id", ("$k", kind), ("$id", id)) is not null;

    /// <summary>A person or party changed: documents whose zaak names them may now carry another asker or party.</summary>
    private static void QueueReindexForActorLink(SqliteConnection c, SqliteTransaction tx, string column, string id) =>
        QueueReindexOfZaken(c, tx, $"SELECT zaak_id FROM sync_zaak_actor WHERE {column} = $id", ("$id", id));

    /// <summary>A fetch or delete from a newer Document entry replaces what was queued; a reindex never overrides either.</summary>
    private static void Queue(SqliteConnection c, SqliteTransaction tx, string id, string action, bool replace) =>
        Execute(c, tx, replace
            ? """
              INSERT INTO sync_pending (document_id, action, queued_at) VALUES ($id, $a, $t)
              ON CONFLICT (document_id) DO UPDATE SET action = excluded.action
              """
            : "INSERT INTO sync_pending (document_id, action, queued_at) VALUES ($id, $a, $t) ON CONFLICT (document_id) DO NOTHING",
            ("$id", id), ("$a", action), ("$t", Now()));
}
