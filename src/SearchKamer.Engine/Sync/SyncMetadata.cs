using SearchKamer.Ingestion;

namespace SearchKamer.Sync;

/// <summary>Builds the API metadata of one document from the staged rows, in the keys of <see cref="ApiMetadata"/>.</summary>
public sealed partial class SyncState
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> MetadataFor(string documentId)
    {
        using var c = Store.Open();
        var md = new Dictionary<string, IReadOnlyList<string>> { [ApiMetadata.DocumentId] = [documentId] };
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT nummer, soort, datum, onderwerp, vergaderjaar, aanhangselnummer FROM sync_document WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", documentId);
            using var r = cmd.ExecuteReader();
            if (r.Read())
            {
                Put(md, ApiMetadata.DocumentNumber, Text(r, 0));
                Put(md, ApiMetadata.Soort, Text(r, 1));
                Put(md, ApiMetadata.Datum, DatePart(Text(r, 2)));
                Put(md, ApiMetadata.Onderwerp, Text(r, 3));
                Put(md, ApiMetadata.Vergaderjaar, Text(r, 4));
                Put(md, ApiMetadata.Aanhangselnummer, Text(r, 5));
            }
        }

        var zaken = new List<string>();
        var askers = new List<string>();
        var addressed = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            // Indiener before Medeindiener; within a relation the feed gives no order, so by name for stability.
            cmd.CommandText = """
                SELECT z.nummer, a.relatie,
                       COALESCE(a.naam, TRIM(COALESCE(p.initialen || ' ', '') || COALESCE(p.tussenvoegsel || ' ', '') || COALESCE(p.achternaam, ''))),
                       COALESCE(a.fractie, f.afkorting), a.functie
                FROM sync_document_zaak dz
                JOIN sync_zaak z ON z.id = dz.zaak_id AND z.verwijderd = 0
                LEFT JOIN sync_zaak_actor a ON a.zaak_id = z.id AND a.verwijderd = 0
                LEFT JOIN sync_persoon p ON p.id = a.persoon_id
                LEFT JOIN sync_fractie f ON f.id = a.fractie_id
                WHERE dz.document_id = $id
                ORDER BY z.nummer, CASE LOWER(a.relatie) WHEN 'indiener' THEN 0 WHEN 'medeindiener' THEN 1 ELSE 2 END, a.naam
                """;
            cmd.Parameters.AddWithValue("$id", documentId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                AddOnce(zaken, Text(r, 0));
                var relatie = Text(r, 1);
                if (IsRelation(relatie, TkApiNames.Relatie.Indiener) || IsRelation(relatie, TkApiNames.Relatie.Medeindiener))
                {
                    if (Text(r, 2) is { Length: > 0 } name)
                    {
                        AddOnce(askers, ApiMetadata.Actor(name, Text(r, 3)));
                    }
                }
                else if (IsRelation(relatie, TkApiNames.Relatie.GerichtAan))
                {
                    AddOnce(addressed, Text(r, 4) ?? Text(r, 2));
                }
            }
        }

        if (askers.Count == 0 && addressed.Count == 0)
        {
            DocumentActors(c, documentId, askers, addressed);
        }

        Put(md, ApiMetadata.Zaak, zaken);
        Put(md, ApiMetadata.Indiener, askers);
        Put(md, ApiMetadata.GerichtAan, addressed);
        return md;
    }

    /// <summary>
    /// The document's own actors, for a document whose zaak link is missing (a known gap upstream) or whose zaak
    /// names nobody: the same relations as a zaak actor's, so askers and addressees still reach the index.
    /// </summary>
    private static void DocumentActors(Microsoft.Data.Sqlite.SqliteConnection c, string documentId, List<string> askers, List<string> addressed)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT relatie, naam, fractie, functie FROM sync_document_actor WHERE document_id = $id AND verwijderd = 0
            ORDER BY CASE LOWER(relatie) WHEN 'indiener' THEN 0 WHEN 'medeindiener' THEN 1 ELSE 2 END, naam
            """;
        cmd.Parameters.AddWithValue("$id", documentId);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var relatie = Text(r, 0);
            if ((IsRelation(relatie, TkApiNames.Relatie.Indiener) || IsRelation(relatie, TkApiNames.Relatie.Medeindiener)) && Text(r, 1) is { Length: > 0 } name)
            {
                AddOnce(askers, ApiMetadata.Actor(name, Text(r, 2)));
            }
            else if (IsRelation(relatie, TkApiNames.Relatie.GerichtAan))
            {
                AddOnce(addressed, Text(r, 3) ?? Text(r, 1));
            }
        }
    }

    /// <summary>Case-insensitive, because client code spells the same value "MedeIndiener" and "Medeindiener".</summary>
    internal static bool IsRelation(string? value, string relation) => string.Equals(value?.Trim(), relation, StringComparison.OrdinalIgnoreCase);

    internal static string? DatePart(string? value) => value is { Length: >= 10 } ? value[..10] : null;

    private static void AddOnce(List<string> list, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static void Put(Dictionary<string, IReadOnlyList<string>> md, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            md[key] = [value.Trim()];
        }
    }

    private static void Put(Dictionary<string, IReadOnlyList<string>> md, string key, List<string> values)
    {
        if (values.Count > 0)
        {
            md[key] = values;
        }
    }
}
