using System.Text;
using SearchKamer.Domain;
using SearchKamer.Indexing;

namespace SearchKamer.Host.Web.Pages;

/// <summary>The metadata list at the top of a document page.</summary>
internal static class DocumentMeta
{
    public static string Render(KamervraagDocument doc)
    {
        var rows = new List<(string Term, string Html)>
        {
            ("Soort", Html.E(Html.KindLabel(Kinds.Name(doc.Kind)))),
        };
        Add(rows, "Officieel id", doc.OfficialId);
        Add(rows, "Documentnummer", doc.DocumentNumber);
        if (doc.ZaakNumbers.Count > 0)
        {
            rows.Add(("Zaaknummer", Html.E(string.Join(", ", doc.ZaakNumbers))));
        }

        if (doc.Vergaderjaar is { Length: > 0 } vj)
        {
            rows.Add(("Vergaderjaar", $"<a href=\"{Html.E("/?vergaderjaar=" + Uri.EscapeDataString(vj))}\">{Html.E(vj)}</a>"));
        }

        Add(rows, "Aanhangselnummer", doc.Aanhangselnummer?.ToString(Html.Dutch));
        if (doc.DateSubmitted is { } submitted)
        {
            rows.Add(("Ingezonden", Html.E(Html.Date(submitted))));
        }

        if (doc.DateReceived is { } received)
        {
            rows.Add(("Ontvangen", Html.E(Html.Date(received))));
        }

        if (doc.Askers.Count > 0)
        {
            rows.Add(("Vragen van", People.Askers(doc.Askers) + Inherited(doc, Inheritance.Askers)));
        }

        if (doc.Addressees.Count > 0)
        {
            rows.Add(("Gericht aan", string.Join("<br>", doc.Addressees.Select(Html.E)) + Inherited(doc, Inheritance.Addressees)));
        }

        if (doc.Answerers.Count > 0)
        {
            rows.Add(("Antwoord van", People.Answerers(doc.Answerers)));
        }

        var ministries = doc.Answerers.Select(a => a.Ministry).OfType<string>().Distinct().ToList();
        if (ministries.Count > 0)
        {
            rows.Add(("Ministerie", string.Join(", ", ministries.Select(m =>
                $"<a href=\"{Html.E("/?ministerie=" + Uri.EscapeDataString(m))}\">{Html.E(m)}</a>"))));
        }

        if (doc.OnBehalfOf.Count > 0)
        {
            rows.Add(("Mede namens", string.Join("<br>", doc.OnBehalfOf.Select(Html.E))));
        }

        if (doc.SeeAlso is { } see)
        {
            var seeId = $"ah-tk-{see.Vergaderjaar.Replace("-", "", StringComparison.Ordinal)}-{see.Number}";
            // Linked to the publication: the earlier document is often not in this index.
            rows.Add(("Zie ook", $"<a href=\"{Html.E(OfficialLinks.Publication(seeId))}\" rel=\"noopener noreferrer\">Aanhangsel Handelingen {Html.E(see.Vergaderjaar)}, nr. {see.Number}</a>"));
        }

        var html = new StringBuilder("<dl class=\"meta\">\n");
        foreach (var (term, value) in rows)
        {
            html.Append("<dt>").Append(Html.E(term)).Append("</dt><dd>").Append(value).Append("</dd>\n");
        }

        return html.Append("</dl>\n").ToString();
    }

    /// <summary>Said where a field is not in the document's own text but taken from its question set.</summary>
    private static string Inherited(KamervraagDocument doc, string field) =>
        doc.Inherited.Contains(field) ? " <span class=\"inherited\">(overgenomen uit de vragen)</span>" : "";

    private static void Add(List<(string, string)> rows, string term, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            rows.Add((term, Html.E(value)));
        }
    }
}
