using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using F = SearchKamer.Sync.TkApiNames.Fields;
using O = SearchKamer.Sync.TkApiNames.OData;

namespace SearchKamer.Sync;

/// <param name="NextLink">The server's <c>@odata.nextLink</c>, followed verbatim; null on the last page.</param>
public sealed record ODataPage(IReadOnlyList<FeedEntry> Entries, string? NextLink);

/// <summary>
/// The OData side of a backfill: the query for the relevant documents of a date range, and each
/// returned document (with its expanded zaken, zaak actors and document actors) turned into the
/// SyncFeed entries the staging already understands, so a backfill and the feed share one pipeline.
/// </summary>
public static class ODataBackfill
{
    private static readonly XNamespace Tk = TkApiNames.TkNamespace;
    private static readonly TimeZoneInfo? Amsterdam = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var tz) ? tz : null;

    /// <summary>
    /// Documents of the relevant soorten dated <paramref name="from"/> to <paramref name="to"/> inclusive (Amsterdam
    /// days), ordered for stable paging; no <c>$top</c>, which would switch the server's paging off (§4).
    /// </summary>
    public static string Query(DateOnly from, DateOnly to)
    {
        var soorten = string.Join(" or ", TkApiNames.DocumentSoort.Relevant.Select(s => $"{O.Soort} eq '{s.Replace("'", "''", StringComparison.Ordinal)}'"));
        var filter = $"({soorten}) and {O.Datum} ge {Midnight(from)} and {O.Datum} lt {Midnight(to.AddDays(1))}";
        var expand = $"{O.Zaak}($expand={O.ZaakActor}),{O.DocumentActor}";
        return $"{O.Root}{O.DocumentSet}?$filter={Uri.EscapeDataString(filter)}&$expand={Uri.EscapeDataString(expand)}&$orderby={Uri.EscapeDataString($"{O.Datum},{O.Id}")}";
    }

    public static ODataPage Parse(Stream body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(O.Value, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"OData-antwoord zonder \"{O.Value}\"-lijst");
        }

        var entries = new List<FeedEntry>();
        foreach (var document in value.EnumerateArray())
        {
            var id = Text(document, O.Id) ?? throw new JsonException($"OData-document zonder {O.Id}");
            var zaken = Array(document, O.Zaak);
            foreach (var zaak in zaken)
            {
                var zaakId = Text(zaak, O.Id) ?? throw new JsonException($"zaak zonder {O.Id} bij document {id}");
                entries.Add(Entry(TkApiNames.Categories.Zaak, zaak, (O.Nummer, F.Nummer), (O.Soort, F.Soort), (O.Onderwerp, F.Onderwerp), (O.GestartOp, F.GestartOp)));
                foreach (var actor in Array(zaak, O.ZaakActor))
                {
                    var e = Entry(TkApiNames.Categories.ZaakActor, actor, ActorFields);
                    AddRef(e, F.Zaak, zaakId);
                    AddRef(e, F.Persoon, Text(actor, O.PersoonId));
                    AddRef(e, F.Fractie, Text(actor, O.FractieId));
                    entries.Add(e);
                }
            }

            var doc = Entry(TkApiNames.Categories.Document, document, (O.Soort, F.Soort), (O.DocumentNummer, F.DocumentNummer), (O.Onderwerp, F.Onderwerp),
                (O.Datum, F.Datum), (O.Vergaderjaar, F.Vergaderjaar), (O.Aanhangselnummer, F.Aanhangselnummer));
            doc.Entity!.SetAttributeValue(Tk + TkApiNames.Attributes.ContentType, Text(document, O.ContentType));
            doc.Entity.SetAttributeValue(Tk + TkApiNames.Attributes.ContentLength, Text(document, O.ContentLength));
            foreach (var zaak in zaken)
            {
                AddRef(doc, F.Zaak, Text(zaak, O.Id));
            }

            entries.Add(doc);
            foreach (var actor in Array(document, O.DocumentActor))
            {
                var e = Entry(TkApiNames.Categories.DocumentActor, actor, ActorFields);
                AddRef(e, F.Document, id);
                entries.Add(e);
            }
        }

        var next = root.TryGetProperty(O.NextLink, out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        return new ODataPage(entries, string.IsNullOrWhiteSpace(next) ? null : next);
    }

    // Zaak actors and document actors carry the same fields.
    private static readonly (string OData, string Feed)[] ActorFields =
        [(O.ActorNaam, F.ActorNaam), (O.ActorFractie, F.ActorFractie), (O.Functie, F.Functie), (O.Relatie, F.Relatie)];

    /// <summary>An entity as the feed would carry it: GewijzigdOp as tk:bijgewerkt, ApiGewijzigdOp as the entry's updated.</summary>
    private static FeedEntry Entry(string category, JsonElement row, params (string OData, string Feed)[] fields)
    {
        var id = Text(row, O.Id) ?? throw new JsonException($"{category} zonder {O.Id}");
        var element = new XElement(Tk + (char.ToLowerInvariant(category[0]) + category[1..]),
            new XAttribute(TkApiNames.Attributes.Id, id.ToLowerInvariant()),
            new XAttribute(Tk + TkApiNames.Attributes.Verwijderd, Text(row, O.Verwijderd) ?? "false"));
        element.SetAttributeValue(Tk + TkApiNames.Attributes.Bijgewerkt, Text(row, O.GewijzigdOp));
        foreach (var (odata, feed) in fields)
        {
            if (Text(row, odata) is { } v)
            {
                element.Add(new XElement(Tk + feed, v));
            }
        }

        var updated = DateTimeOffset.TryParse(Text(row, O.ApiGewijzigdOp), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var u) ? u : (DateTimeOffset?)null;
        return new FeedEntry(category, id.ToLowerInvariant(), updated, null, element);
    }

    private static void AddRef(FeedEntry entry, string name, string? id)
    {
        if (!string.IsNullOrWhiteSpace(id))
        {
            entry.Entity!.Add(new XElement(Tk + name, new XAttribute(TkApiNames.Attributes.Ref, id)));
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement row, string name) =>
        row.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static string? Text(JsonElement row, string name) =>
        !row.TryGetProperty(name, out var v) ? null : v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };

    /// <summary>Document dates carry the Amsterdam offset (§6), so a day starts at local midnight.</summary>
    private static string Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        var offset = Amsterdam?.GetUtcOffset(local) ?? TimeSpan.FromHours(1);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
