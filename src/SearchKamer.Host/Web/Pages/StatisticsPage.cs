using System.Globalization;
using System.Text;
using SearchKamer.Dossiers;

namespace SearchKamer.Host.Web.Pages;

/// <summary>GET /statistiek: answer times per ministry, minister and party, with a bar chart drawn as SVG (no script).</summary>
internal static class StatisticsPage
{
    private const int ChartRows = 15;

    public static IResult Render(DossierStatisticsReport report, string query)
    {
        var html = new StringBuilder("<h1>Beantwoording van schriftelijke vragen</h1>\n");
        html.Append("<p>Hoe lang bewindspersonen over antwoorden doen, berekend uit de dossiers in de index. De termijn is ")
            .Append(Html.Plural(report.TermDays, "dag", "dagen")).Append(" na indienen, na een uitstelbericht ")
            .Append(Html.Plural(report.PostponementDays, "dag", "dagen")).Append(" meer. Stand van ").Append(Html.E(Html.Date(report.Today))).Append(".</p>\n");
        html.Append(PeriodForm(report));
        html.Append("<p class=\"export\">Download: <a href=\"").Append(Html.E("/api/statistiek" + WithFormat(query, "json"))).Append("\">JSON</a> · <a href=\"")
            .Append(Html.E("/api/statistiek" + WithFormat(query, "csv"))).Append("\">CSV</a> · <a href=\"/open-vragen\">open vragen</a></p>\n");
        html.Append("<h2>Mediane beantwoordingstijd per ministerie</h2>\n").Append(Chart(report.PerMinistry, report.TermDays));
        Table(html, "Per ministerie", report.PerMinistry);
        Table(html, "Per beantwoordende bewindspersoon", report.PerMinister);
        Table(html, "Per partij van de vragensteller", report.PerParty);
        return Layout.Page("Statistiek", html.ToString(), headerQuery: "");
    }

    public static string Csv(DossierStatisticsReport report)
    {
        var csv = new StringBuilder("groep,naam,beantwoord,mediaan_dagen,p90_dagen,aandeel_binnen_termijn,open,te_laat\r\n");
        foreach (var (group, rows) in new[] { ("ministerie", report.PerMinistry), ("bewindspersoon", report.PerMinister), ("partij", report.PerParty) })
        {
            foreach (var r in rows)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{group},{Field(r.Name)},{r.Answered},{r.MedianDays},{r.P90Days},{r.ShareWithinTerm},{r.Open},{r.Late}\r\n");
            }
        }

        return csv.ToString();
    }

    private static string PeriodForm(DossierStatisticsReport report) =>
        "<form class=\"period\" method=\"get\" action=\"/statistiek\"><div><label for=\"van\">Ingediend vanaf</label><br>" +
        $"<input id=\"van\" name=\"van\" type=\"date\" value=\"{Html.E(Iso(report.From))}\"></div><div><label for=\"tot\">tot en met</label><br>" +
        $"<input id=\"tot\" name=\"tot\" type=\"date\" value=\"{Html.E(Iso(report.To))}\"></div><button type=\"submit\">Toon periode</button></form>\n";

    /// <summary>Horizontal bars: the median in dark, the 90th percentile behind it in light, the term as a dashed line.</summary>
    private static string Chart(IReadOnlyList<GroupStatistics> rows, int termDays)
    {
        var shown = rows.Where(r => r.MedianDays is not null).Take(ChartRows).ToList();
        if (shown.Count == 0)
        {
            return "<p>Nog geen beantwoorde vragen in deze periode.</p>\n";
        }

        const int label = 330, width = 380, rowHeight = 24;
        var max = Math.Max(termDays, shown.Max(r => r.P90Days ?? r.MedianDays ?? 0));
        double X(double days) => label + (days / max * width);
        var height = (shown.Count * rowHeight) + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 {label + width + 80} {height}\" width=\"{label + width + 80}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title id=\"chart-title\">Mediane en 90e-percentiel beantwoordingstijd in dagen per ministerie</title>");
        for (var i = 0; i < shown.Count; i++)
        {
            var r = shown[i];
            var y = i * rowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{label - 6}\" y=\"{y + 16}\" text-anchor=\"end\">{Html.E(Short(r.Name))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar90\" x=\"{label}\" y=\"{y + 4}\" width=\"{X(r.P90Days ?? 0) - label:0.#}\" height=\"16\"><title>90e percentiel: {r.P90Days:0.#} dagen</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{label}\" y=\"{y + 8}\" width=\"{X(r.MedianDays ?? 0) - label:0.#}\" height=\"8\"><title>mediaan: {r.MedianDays:0.#} dagen</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(r.P90Days ?? r.MedianDays ?? 0) + 4:0.#}\" y=\"{y + 16}\">{r.MedianDays:0.#} / {r.P90Days:0.#}</text>");
        }

        var term = X(termDays);
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"term\" x1=\"{term:0.#}\" y1=\"0\" x2=\"{term:0.#}\" y2=\"{height - 24}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{term:0.#}\" y=\"{height - 8}\" text-anchor=\"middle\">termijn {termDays} dagen</text></svg>\n");
        return svg.Append("<p class=\"hint\">Getallen: mediaan / 90e percentiel in dagen. Donker: mediaan; licht: 90e percentiel (dagen van indienen tot antwoord); stippellijn: de termijn.</p>\n").ToString();
    }

    private static void Table(StringBuilder html, string title, IReadOnlyList<GroupStatistics> rows)
    {
        html.Append("<h2>").Append(Html.E(title)).Append("</h2>\n");
        if (rows.Count == 0)
        {
            html.Append("<p>Geen gegevens in deze periode.</p>\n");
            return;
        }

        html.Append("<table class=\"stats\"><thead><tr><th scope=\"col\"></th><th scope=\"col\">Beantwoord</th><th scope=\"col\">Mediaan (dagen)</th><th scope=\"col\">90e percentiel</th><th scope=\"col\">Binnen termijn</th><th scope=\"col\">Open</th><th scope=\"col\">Te laat</th></tr></thead><tbody>\n");
        foreach (var r in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(Html.E(r.Name)).Append("</th><td>").Append(r.Answered).Append("</td><td>")
                .Append(Html.E(r.MedianDays?.ToString("0.#", Html.Dutch) ?? "–")).Append("</td><td>").Append(Html.E(r.P90Days?.ToString("0.#", Html.Dutch) ?? "–"))
                .Append("</td><td>").Append(Html.E(r.ShareWithinTerm is { } s ? s.ToString("P0", Html.Dutch) : "–")).Append("</td><td>").Append(r.Open)
                .Append("</td><td>").Append(r.Late).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static string WithFormat(string query, string format)
    {
        var parts = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("format=", StringComparison.Ordinal)).Append("format=" + format);
        return "?" + string.Join("&", parts);
    }

    private static string Short(string name) => name.Length <= 48 ? name : name[..47] + "…";

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A CSV field quoted when it holds a separator, a quote or a line break; a leading =+-@ is neutralised for spreadsheets.</summary>
    private static string Field(string text)
    {
        var safe = text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
