using System.Text;
using SearchKamer.Domain;
using SearchKamer.Dossiers;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.Pages;

/// <summary>GET /: the form, and with any parameter the results, facets, chips and pager.</summary>
internal static class SearchPage
{
    private static readonly Dictionary<string, string> ParameterLabels = new()
    {
        ["q"] = "zoekvraag",
        ["alle"] = "alle woorden",
        ["woordgroep"] = "exacte woordgroep",
        ["een"] = "één van de woorden",
        ["zonder"] = "zonder de woorden",
        ["in"] = "zoeken in",
        ["van"] = "periode van",
        ["tot"] = "periode tot en met",
        ["sort"] = "sorteren",
        ["page"] = "pagina",
        ["size"] = "aantal per pagina",
        ["facetwaarden"] = "waarden per facet",
    };

    public static IResult Handle(HttpRequest request, SearchEngine engine, DossierReader dossiers, TimeProvider clock)
    {
        var url = SearchUrl.From(request.Query);
        // Any parameter, even an empty box, is a search (of everything); only the bare URL is the landing page.
        if (request.Query.Count == 0)
        {
            return Layout.Page("Zoeken", Landing(engine));
        }

        SearchResponse response;
        try
        {
            var search = SearchParameters.Parse(request.Query);
            response = engine.Search(search);
            var pages = Pager.PageCount(response.TotalDocuments, search.Size);
            if (response.Shortcut is null && search.Page > pages && response.TotalDocuments > 0)
            {
                throw new SearchRequestException("page", $"pagina {search.Page} bestaat niet; deze zoekopdracht heeft {Html.Plural(pages, "pagina", "pagina's")}");
            }

            if (response.Shortcut is { } id)
            {
                return Results.Redirect(Html.DocumentHref(id));
            }

            return Layout.Page(Title(url), RenderResults(url, search, DossierStates.Fill(response, dossiers, DossierEndpoints.Today(clock)), engine, request.HttpContext),
                feed: PersonalTools.FeedHref(url));
        }
        catch (SearchRequestException e)
        {
            return Layout.Page("Ongeldige zoekopdracht", Error(url, e), StatusCodes.Status400BadRequest);
        }
    }

    private static string Landing(SearchEngine engine)
    {
        var all = engine.Search(new SearchRequest { Size = 1 });
        return "<h1>Kamervragen doorzoeken</h1>\n" +
            $"<p class=\"lead\">Zoek in {Html.Plural(all.Total, "schriftelijke vraag", "schriftelijke vragen")} uit {Html.Plural(all.TotalDocuments, "document", "documenten")} " +
            "en de antwoorden van ministers en staatssecretarissen.</p>\n" +
            SearchForm.Render(SearchUrl.From(new QueryCollection()), null, engine.KnownFilterValues()) +
            "<p><a href=\"/?sort=nieuwste\">Bekijk alle documenten, nieuwste eerst</a></p>\n";
    }

    private static string RenderResults(SearchUrl url, SearchRequest search, SearchResponse response, SearchEngine engine, HttpContext context)
    {
        var html = new StringBuilder();
        html.Append("<h1 class=\"visually-hidden\">Zoekresultaten</h1>\n").Append(SearchForm.Render(url, null, engine.KnownFilterValues())).Append(FilterChips.Render(url));
        html.Append("<div class=\"layout\">\n<div class=\"main\">\n").Append(ResultList.Totals(response)).Append(PersonalTools.Render(context, url));
        if (response.SyntaxRelaxed)
        {
            html.Append("<p class=\"notice\">De zoekvraag kon niet als zoeksyntaxis worden gelezen en is letterlijk gezocht.</p>\n");
        }

        if (response.Notice is { Length: > 0 } notice)
        {
            html.Append("<p class=\"notice\">").Append(Html.E(notice)).Append("</p>\n");
        }

        foreach (var note in response.FilterNotes)
        {
            html.Append("<p class=\"notice filter-note\">").Append(Html.E(note)).Append("</p>\n");
        }

        html.Append(DidYouMean(search.Query, engine)).Append(Suggestion(url, response));
        if (response.Documents.Count > 0)
        {
            html.Append(ResultList.SortLinks(url)).Append(ResultList.Render(response.Documents))
                .Append(Pager.Render(url, search.Page, Pager.PageCount(response.TotalDocuments, search.Size)));
        }
        else
        {
            html.Append("<p class=\"empty\">Geen vragen gevonden. Probeer minder of andere woorden, of verwijder een filter.</p>\n");
        }

        // Nothing to download and no facet to narrow when nothing was found.
        if (response.Total > 0)
        {
            html.Append("<p class=\"export\">Deze resultaten downloaden: <a href=\"").Append(Html.E(ExportHref(url, "csv"))).Append("\">CSV</a> · ")
                .Append("<a href=\"").Append(Html.E(ExportHref(url, "jsonl"))).Append("\">JSON Lines</a></p>\n");
        }

        html.Append("</div>\n").Append(response.Total > 0 ? FacetSidebar.Render(url, response.Facets, response.FacetTotals) : "").Append("</div>\n");
        return html.ToString();
    }

    /// <summary>"Bedoelde u …?" with the corrected words, one click to search them with the same filters.</summary>
    private static string Suggestion(SearchUrl url, SearchResponse response)
    {
        if (response.Suggestion is not { } s)
        {
            return "";
        }

        var href = url.WithoutAny("alle", "woordgroep", "een", "zonder", "page").Set("q", s).Href;
        return $"<p class=\"didyoumean suggestion\">Bedoelde u <a href=\"{href}\">{Html.E(s)}</a>?</p>\n";
    }

    /// <summary>"Bedoelt u …" for ids inside a longer query; only for documents that exist.</summary>
    private static string DidYouMean(string query, SearchEngine engine)
    {
        var found = IdSuggestion.Candidates(query)
            .Select(id => (Id: id, Document: engine.Get(id)))
            .Where(c => c.Document is not null)
            .ToList();
        if (found.Count == 0)
        {
            return "";
        }

        var links = found.Select(c => $"<a href=\"{Html.E(Html.DocumentHref(c.Id))}\">{Html.E(c.Id)}</a>" +
            $" ({Html.E(DocumentTitle.Of(c.Document!))})");
        return "<p class=\"didyoumean\">Bedoelt u " + string.Join(" of ", links) + "?</p>\n";
    }

    private static string Error(SearchUrl url, SearchRequestException e)
    {
        var label = ParameterLabels.GetValueOrDefault(e.Parameter) ?? IndexSchema.ByParam(e.Parameter)?.Filter!.Label.ToLowerInvariant() ?? e.Parameter;
        var fixedUrl = url.Set(e.Parameter, null);
        return "<h1>Zoekopdracht niet uitgevoerd</h1>\n" +
            $"<div class=\"error\" id=\"fout\" role=\"alert\"><p>Ongeldige waarde voor <strong>{Html.E(label)}</strong> (parameter <code>{Html.E(e.Parameter)}</code>): {Html.E(e.Message)}.</p>" +
            $"<p><a href=\"{fixedUrl.Href}\">Zoeken zonder {Html.E(label)}</a></p></div>\n" +
            SearchForm.Render(url, e.Parameter);
    }

    private static string ExportHref(SearchUrl url, string format) =>
        "/api/export" + url.Results().Set("format", format).ToString().TrimStart('/');

    private static string Title(SearchUrl url) =>
        url.One("q") is { Length: > 0 } q ? $"Zoeken: {(q.Length > 60 ? q[..60] + "…" : q)}" : "Zoekresultaten";
}
