using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SearchKamer.Search;
using SearchKamer.Sync;

namespace SearchKamer.Host.Web;

/// <summary>
/// GET /api/open-vragen and the page /open-vragen: question sets without an answer, per ministry and
/// party, late after three weeks (six with an uitstel notice), and how long answered sets took.
/// A plain page of its own until the main UI's layout lands.
/// </summary>
public static class OpenQuestionsEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/open-vragen", (SyncState state, SearchEngine engine, TimeProvider clock) =>
            Results.Json(Build(state, engine, clock), Indexing.StoredJson.Options))
            .WithName("OpenQuestions").WithSummary("Onbeantwoorde schriftelijke vragen per ministerie en partij").Produces<OpenQuestionsReport>();

        app.MapGet("/open-vragen", (SyncState state, SearchEngine engine, TimeProvider clock) =>
            Results.Content(Render(Build(state, engine, clock)), "text/html; charset=utf-8"));
    }

    private static OpenQuestionsReport Build(SyncState state, SearchEngine engine, TimeProvider clock) =>
        new OpenQuestions(state, key => engine.Get(key)?.NoticeKind).Build(DateOnly.FromDateTime(clock.GetLocalNow().Date));

    public static string Render(OpenQuestionsReport report)
    {
        var h = HtmlEncoder.Default;
        var html = new StringBuilder("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Open vragen – SearchKamer</title></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Open schriftelijke vragen</h1><p>Stand van {h.Encode(Day(report.Today))}: {report.Open.Count} open, {report.Open.Count(o => o.Late)} te laat.</p>");
        html.Append("<table><thead><tr><th>Zaak</th><th>Onderwerp</th><th>Gesteld</th><th>Vragenstellers</th><th>Gericht aan</th><th>Dagen open</th><th>Status</th></tr></thead><tbody>");
        foreach (var o in report.Open)
        {
            var status = (o.Late ? "te laat" : "binnen termijn") + (o.Postponed ? ", uitstel" : "");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{h.Encode(o.Zaak)}</td><td>{h.Encode(o.Subject ?? "")}</td><td>{h.Encode(Day(o.Started))}</td><td>{h.Encode(string.Join(", ", o.Askers))}</td><td>{h.Encode(string.Join(", ", o.Ministries))}</td><td>{o.DaysOpen}</td><td>{h.Encode(status)}</td></tr>");
        }

        html.Append("</tbody></table>");
        Groups(html, h, "Per ministerie", report.PerMinistry);
        Groups(html, h, "Per partij", report.PerParty);
        html.Append("<h2>Beantwoord</h2><table><thead><tr><th>Zaak</th><th>Onderwerp</th><th>Gesteld</th><th>Beantwoord</th><th>Dagen</th></tr></thead><tbody>");
        foreach (var a in report.Answered)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{h.Encode(a.Zaak)}</td><td>{h.Encode(a.Subject ?? "")}</td><td>{h.Encode(Day(a.Started))}</td><td>{h.Encode(Day(a.Answered))}</td><td>{a.Days}</td></tr>");
        }

        return html.Append("</tbody></table></body></html>").ToString();
    }

    private static void Groups(StringBuilder html, HtmlEncoder h, string title, IReadOnlyList<OpenQuestionsGroup> groups)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{h.Encode(title)}</h2><table><thead><tr><th></th><th>Open</th><th>Te laat</th><th>Beantwoord</th><th>Gem. dagen tot antwoord</th></tr></thead><tbody>");
        foreach (var g in groups)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{h.Encode(g.Name)}</td><td>{g.Open}</td><td>{g.Late}</td><td>{g.Answered}</td><td>{g.AverageDaysToAnswer?.ToString("0.0", CultureInfo.InvariantCulture)}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
