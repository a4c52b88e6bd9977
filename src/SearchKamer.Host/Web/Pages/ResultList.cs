using System.Text;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.Pages;

/// <summary>Totals, sort links and the documents of one page with their best questions (snippets are engine HTML).</summary>
internal static class ResultList
{
    private static readonly (string Value, string Label)[] Sorts = [("relevantie", "relevantie"), ("nieuwste", "nieuwste"), ("oudste", "oudste")];

    public static string Totals(SearchResponse response) =>
        $"<p class=\"totals\" role=\"status\"><strong>{Html.Plural(response.Total, "vraag", "vragen")}</strong> in " +
        $"<strong>{Html.Plural(response.TotalDocuments, "document", "documenten")}</strong></p>\n";

    public static string SortLinks(SearchUrl url)
    {
        var current = url.One("sort") ?? "relevantie";
        var html = new StringBuilder("<nav class=\"sort\" aria-label=\"Sorteren\">Sorteer op: ");
        html.AppendJoin(" · ", Sorts.Select(s => s.Value == current
            ? $"<strong aria-current=\"true\">{s.Label}</strong>"
            : $"<a href=\"{url.Set("sort", s.Value == "relevantie" ? null : s.Value).Set("page", null).Href}\">{s.Label}</a>"));
        return html.Append("</nav>\n").ToString();
    }

    /// <summary>The hits, each with its dossier state where the response carries one (<see cref="Dossiers.DossierStates.Fill"/>).</summary>
    public static string Render(IReadOnlyList<DocumentHit> documents)
    {
        var html = new StringBuilder("<ol class=\"results\">\n");
        foreach (var d in documents)
        {
            html.Append(Document(d));
        }

        return html.Append("</ol>\n").ToString();
    }

    private static string Document(DocumentHit d)
    {
        var html = new StringBuilder("<li class=\"hit\">");
        html.Append("<h3><a href=\"").Append(Html.E(Html.DocumentHref(d.Id))).Append("\">")
            .Append(Html.E(d.Title)).Append("</a></h3>\n");

        html.Append("<p class=\"meta\"><span class=\"kind\">").Append(Html.E(Html.KindLabel(d.Kind))).Append("</span>");
        if (d.DateReceived is { } received)
        {
            html.Append(" · ontvangen ").Append(Html.Date(received));
        }
        else if (d.DateSubmitted is { } submitted)
        {
            html.Append(" · ingezonden ").Append(Html.Date(submitted));
        }

        if ((d.OfficialId ?? d.DocumentNumber) is { } id)
        {
            html.Append(" · <span class=\"id\">").Append(Html.E(id)).Append("</span>");
        }

        if (OfficialLinks.Best(d.OfficialId, d.DocumentNumber) is { } official)
        {
            html.Append(" · <a href=\"").Append(Html.E(official)).Append("\" rel=\"noopener noreferrer\">officiële publicatie</a>");
        }

        if (d.Dossier is { } dossier)
        {
            html.Append(" · ").Append(DossierView.Badge(dossier));
        }

        html.Append("</p>\n");
        if (d.Askers.Count > 0)
        {
            html.Append("<p class=\"people\">Vragen van ").Append(People.Askers(d.Askers)).Append("</p>\n");
        }

        if (d.Answerers.Count > 0)
        {
            html.Append("<p class=\"people\">Beantwoord door ").Append(People.Answerers(d.Answerers)).Append("</p>\n");
        }

        if (d.Questions.Count > 0)
        {
            html.Append("<ul class=\"snippets\">");
            foreach (var q in d.Questions.Take(3))
            {
                var anchor = Html.E(Html.DocumentHref(d.Id) + "#vraag-" + q.Number);
                // q.Question and q.Answer are already encoded by the engine, with <mark> around matches.
                html.Append("<li><p class=\"q\"><a class=\"nr\" href=\"").Append(anchor).Append("\">Vraag ").Append(q.Number).Append("</a> ")
                    .Append(q.Question).Append("</p>");
                if (q.Answer is { Length: > 0 })
                {
                    html.Append("<p class=\"a\"><span class=\"nr\">Antwoord</span> ").Append(q.Answer).Append("</p>");
                }

                html.Append("</li>");
            }

            if (d.Questions.Count > 3)
            {
                html.Append("<li class=\"more\"><a href=\"").Append(Html.E(Html.DocumentHref(d.Id))).Append("\">")
                    .Append(Html.Plural(d.Questions.Count - 3, "andere treffer", "andere treffers")).Append(" in dit document</a></li>");
            }

            html.Append("</ul>\n");
        }

        return html.Append("</li>\n").ToString();
    }

    /// <summary>Subjects are printed as the tail of a sentence ("het bericht ..."); as a heading they start with a capital.</summary>
    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Html.Dutch) + text[1..];
}
