using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace SearchKamer.Tests.Sync;

/// <summary>
/// The OData v4/2.0 Document collection over the same change log, shaped as tk-open-data.md §4–§6 describes
/// it (made from the documentation, not captured): PascalCase names, relations as "X_Id", $filter on Soort and
/// Datum, $expand of Zaak(ZaakActor) and DocumentActor, server-driven paging with @odata.nextLink.
/// </summary>
public sealed partial class FakeTkServer
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public int ODataPageSize { get; set; } = 3;

    /// <summary>Documents of these soorten whose Datum, read as the calendar day it names, lies in [from, to].</summary>
    public IReadOnlyList<string> DocumentsDated(DateOnly from, DateOnly to, IReadOnlyCollection<string> soorten) =>
        [.. LatestByCategory("Document")
            .Where(d => (string?)d.Attribute(Tk + "verwijderd") != "true" && soorten.Contains(d.Elements().FirstOrDefault(e => e.Name.LocalName == "soort")?.Value ?? ""))
            .Where(d => Datum(d) is { } day && DateOnly.FromDateTime(day.DateTime) >= from && DateOnly.FromDateTime(day.DateTime) <= to)
            .Select(d => (string)d.Attribute("id")!)];

    private (byte[] Body, string Type) ODataDocuments(IQueryCollection query)
    {
        var filter = query["$filter"].ToString();
        var expand = query["$expand"].ToString();
        var soorten = SoortClause().Matches(filter).Select(m => m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)).ToList();
        var ge = DateClause().Matches(filter).FirstOrDefault(m => m.Groups[1].Value == "ge");
        var lt = DateClause().Matches(filter).FirstOrDefault(m => m.Groups[1].Value == "lt");
        if (soorten.Count == 0 || ge is null || lt is null)
        {
            return ([], "");
        }

        var from = DateTimeOffset.Parse(ge.Groups[2].Value, CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(lt.Groups[2].Value, CultureInfo.InvariantCulture);
        var matching = LatestByCategory("Document").Where(d => Matches(d, soorten, from, to))
            .OrderBy(d => Datum(d)).ThenBy(d => (string)d.Attribute("id")!, StringComparer.Ordinal).ToList();
        var skip = int.TryParse(query["$skiptoken"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

        var zaken = LatestByCategory("Zaak").ToDictionary(z => (string)z.Attribute("id")!);
        var zaakActors = LatestByCategory("ZaakActor").ToLookup(a => Ref(a, "zaak"));
        var documentActors = LatestByCategory("DocumentActor").ToLookup(a => Ref(a, "document"));
        var value = new JsonArray();
        foreach (var document in matching.Skip(skip).Take(ODataPageSize))
        {
            var row = Row(document);
            if (expand.Contains("Zaak", StringComparison.Ordinal))
            {
                var list = new JsonArray();
                foreach (var zaakRef in document.Elements().Where(e => e.Name.LocalName == "zaak").Select(e => (string)e.Attribute("ref")!))
                {
                    if (zaken.TryGetValue(zaakRef, out var zaak))
                    {
                        var zaakRow = Row(zaak);
                        if (expand.Contains("ZaakActor", StringComparison.Ordinal))
                        {
                            zaakRow["ZaakActor"] = new JsonArray([.. zaakActors[zaakRef].Select(a => (JsonNode)Row(a))]);
                        }

                        list.Add(zaakRow);
                    }
                }

                row["Zaak"] = list;
            }

            if (expand.Contains("DocumentActor", StringComparison.Ordinal))
            {
                row["DocumentActor"] = new JsonArray([.. documentActors[(string)document.Attribute("id")!].Select(a => (JsonNode)Row(a))]);
            }

            value.Add(row);
        }

        var page = new JsonObject
        {
            ["@odata.context"] = $"{BaseUrl}/OData/v4/2.0/$metadata#Document",
            ["value"] = value,
        };
        if (skip + ODataPageSize < matching.Count)
        {
            var rest = string.Join("&", query.Where(q => q.Key != "$skiptoken").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));
            page["@odata.nextLink"] = $"{BaseUrl}/OData/v4/2.0/Document?{rest}&$skiptoken={skip + ODataPageSize}";
        }

        return (Encoding.UTF8.GetBytes(page.ToJsonString()), "application/json; odata.metadata=minimal; charset=utf-8");
    }

    private List<XElement> LatestByCategory(string category)
    {
        lock (_log)
        {
            var latest = new Dictionary<string, XElement>();
            foreach (var (cat, entity, _) in _log.Where(e => e.Category.Equals(category, StringComparison.OrdinalIgnoreCase)))
            {
                latest[(string)entity.Attribute("id")!] = entity;
            }

            return [.. latest.Values];
        }
    }

    private static bool Matches(XElement document, IReadOnlyCollection<string> soorten, DateTimeOffset from, DateTimeOffset to) =>
        (string?)document.Attribute(Tk + "verwijderd") != "true"
        && soorten.Contains(document.Elements().FirstOrDefault(e => e.Name.LocalName == "soort")?.Value ?? "")
        && Datum(document) is { } d && d >= from && d < to;

    private static DateTimeOffset? Datum(XElement document) =>
        DateTimeOffset.TryParse(document.Elements().FirstOrDefault(e => e.Name.LocalName == "datum")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Ref(XElement entity, string name) =>
        (string?)entity.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Attribute("ref") ?? "";

    /// <summary>The OData row of a feed entity: names in PascalCase, relations as Name_Id, tk attributes as fields.</summary>
    private static JsonObject Row(XElement entity)
    {
        var row = new JsonObject { ["Id"] = (string)entity.Attribute("id")! };
        foreach (var child in entity.Elements())
        {
            var name = char.ToUpperInvariant(child.Name.LocalName[0]) + child.Name.LocalName[1..];
            if (child.Attribute("ref") is { } reference)
            {
                row[name + "_Id"] = reference.Value;
            }
            else
            {
                row[name] = (string?)child.Attribute(Xsi + "nil") == "true" ? null : child.Value;
            }
        }

        row["ContentType"] = (string?)entity.Attribute(Tk + "contentType");
        row["ContentLength"] = long.TryParse((string?)entity.Attribute(Tk + "contentLength"), CultureInfo.InvariantCulture, out var length) ? length : null;
        row["GewijzigdOp"] = (string?)entity.Attribute(Tk + "bijgewerkt");
        row["Verwijderd"] = (string?)entity.Attribute(Tk + "verwijderd") == "true";
        return row;
    }

    [GeneratedRegex(@"Soort eq '((?:[^']|'')*)'")]
    private static partial Regex SoortClause();

    [GeneratedRegex(@"Datum (ge|lt) ([0-9T:\-+Z.]+)")]
    private static partial Regex DateClause();
}
