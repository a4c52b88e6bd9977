using System.Text;
using SearchKamer.Dossiers;
using SearchKamer.Host.Web.Pages;
using SearchKamer.Search;
using SearchKamer.Sync;

namespace SearchKamer.Host.Web;

/// <summary>
/// GET /api/open-vragen and the page /open-vragen: question sets in the index without an answer (plus
/// those only the sync store knows), days open, late after the term (longer after an uitstel notice),
/// per ministry and party, and how long answered sets took.
/// </summary>
public static class OpenQuestionsEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/open-vragen", (SyncState state, SearchEngine engine, DossierReader dossiers, TimeProvider clock) =>
            Results.Json(Build(state, engine, dossiers, clock), Indexing.StoredJson.Options))
            .WithName("OpenQuestions").WithSummary("Onbeantwoorde schriftelijke vragen per ministerie en partij").Produces<OpenQuestionsReport>();

        app.MapGet("/open-vragen", (SyncState state, SearchEngine engine, DossierReader dossiers, TimeProvider clock) =>
            Layout.Page("Open vragen", Render(Build(state, engine, dossiers, clock), dossiers.Terms), headerQuery: ""))
            .ExcludeFromDescription();
    }

    private static OpenQuestionsReport Build(SyncState state, SearchEngine engine, DossierReader dossiers, TimeProvider clock)
    {
        var today = DossierEndpoints.Today(clock);
        var synced = new OpenQuestions(state, key => engine.Get(key)?.NoticeKind).Build(today);
        return OpenQuestions.FromDossiers(dossiers.All(today), today, synced);
    }

    internal static string Render(OpenQuestionsReport report, LatenessTerms terms)
    {
        var html = new StringBuilder("<h1>Open schriftelijke vragen</h1>\n");
        html.Append("<p role=\"status\">Stand van ").Append(Html.E(Html.Date(report.Today))).Append(": <strong>")
            .Append(Html.Plural(report.Open.Count, "vraagstelling", "vraagstellingen")).Append(" open</strong>, waarvan <strong>")
            .Append(Html.Number(report.Open.Count(o => o.Late))).Append(" te laat</strong>. Een antwoord hoort binnen ")
            .Append(Html.Plural(terms.TermDays, "dag", "dagen")).Append(" te komen; na een uitstelbericht ").Append(Html.Plural(terms.PostponementDays, "dag", "dagen"))
            .Append(" later. <a href=\"/statistiek\">Statistiek per ministerie</a> · <a href=\"/api/open-vragen\">JSON</a></p>\n");
        html.Append("<table class=\"stats list\"><thead><tr><th scope=\"col\">Onderwerp</th><th scope=\"col\">Ingezonden</th><th scope=\"col\">Vragenstellers</th><th scope=\"col\">Ministerie</th><th scope=\"col\">Dagen open</th><th scope=\"col\">Status</th></tr></thead><tbody>\n");
        foreach (var o in report.Open)
        {
            var status = (o.Late ? "te laat" : "binnen termijn") + (o.Postponed ? ", uitstel" : "");
            html.Append("<tr><td><a href=\"").Append(Html.E(Html.DocumentHref(o.Zaak))).Append("\">").Append(Html.E(o.Subject is { Length: > 0 } s ? Domain.DocumentTitle.Capitalised(s) : o.Zaak))
                .Append("</a></td><td>").Append(Html.E(Html.Date(o.Started))).Append("</td><td>").Append(Html.E(string.Join(", ", o.Askers)))
                .Append("</td><td>").Append(Html.E(string.Join(", ", o.Ministries))).Append("</td><td class=\"num\">").Append(o.DaysOpen)
                .Append("</td><td><span class=\"state open").Append(o.Late ? " late" : "").Append("\">").Append(Html.E(status)).Append("</span></td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        Groups(html, "Per ministerie", report.PerMinistry);
        Groups(html, "Per partij", report.PerParty);
        html.Append("<h2>Beantwoord</h2><table class=\"stats list\"><thead><tr><th scope=\"col\">Onderwerp</th><th scope=\"col\">Ingezonden</th><th scope=\"col\">Beantwoord</th><th scope=\"col\">Dagen</th></tr></thead><tbody>\n");
        foreach (var a in report.Answered)
        {
            html.Append("<tr><td><a href=\"").Append(Html.E(Html.DocumentHref(a.Zaak))).Append("\">").Append(Html.E(a.Subject is { Length: > 0 } s ? Domain.DocumentTitle.Capitalised(s) : a.Zaak))
                .Append("</a></td><td>").Append(Html.E(Html.Date(a.Started))).Append("</td><td>").Append(Html.E(Html.Date(a.Answered))).Append("</td><td class=\"num\">").Append(a.Days).Append("</td></tr>\n");
        }

        return html.Append("</tbody></table>\n").ToString();
    }

    private static void Groups(StringBuilder html, string title, IReadOnlyList<OpenQuestionsGroup> groups)
    {
        html.Append("<h2>").Append(Html.E(title)).Append("</h2><table class=\"stats\"><thead><tr><th scope=\"col\"></th><th scope=\"col\">Open</th><th scope=\"col\">Te laat</th><th scope=\"col\">Beantwoord</th><th scope=\"col\">Gem. dagen tot antwoord</th></tr></thead><tbody>\n");
        foreach (var g in groups)
        {
            html.Append("<tr><th scope=\"row\">").Append(Html.E(g.Name)).Append("</th><td>").Append(g.Open).Append("</td><td>").Append(g.Late).Append("</td><td>")
                .Append(g.Answered).Append("</td><td>").Append(Html.E(g.AverageDaysToAnswer?.ToString("0.0", Html.Dutch) ?? "–")).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }
}
