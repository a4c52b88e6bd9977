using System.Text;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.Pages;

/// <summary>Facet counts as multi-select links (tick to add, untick to remove) plus the hits-per-year chart.</summary>
internal static class FacetSidebar
{
    private const int Visible = 8;

    /// <param name="totals">Per facet, how many values it has; more than were sent gives a link to all of them.</param>
    public static string Render(SearchUrl url, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets, IReadOnlyDictionary<string, int> totals)
    {
        var html = new StringBuilder($"<aside class=\"facets\" id=\"{Layout.FiltersId}\" tabindex=\"-1\" aria-label=\"Filters\">\n<h2 class=\"visually-hidden\">Filters</h2>\n");
        if (facets.TryGetValue("year", out var years) && years.Any(y => y.Count > 0))
        {
            html.Append("<section class=\"facet chart\"><h3>Documenten per jaar</h3>").Append(YearChart.Render(url, years)).Append("</section>\n");
        }

        foreach (var field in IndexSchema.Facets)
        {
            if (!facets.TryGetValue(field.Name, out var values) || values.Count == 0)
            {
                continue;
            }

            var filter = field.Filter!;
            html.Append("<section class=\"facet\" id=\"").Append(SectionId(filter.Param)).Append("\" tabindex=\"-1\" data-facet=\"").Append(filter.Param).Append("\"><h3>").Append(Html.E(filter.Label)).Append("</h3>\n<ul>");
            // Selected values first, so a ticked value never hides under "meer".
            var ordered = values.Where(v => v.Selected).Concat(values.Where(v => !v.Selected)).ToList();
            foreach (var value in ordered.Take(Visible))
            {
                html.Append(Item(url, filter, value));
            }

            html.Append("</ul>");
            if (ordered.Count > Visible)
            {
                html.Append("<details><summary>Meer (").Append(ordered.Count - Visible).Append(")</summary><ul>");
                foreach (var value in ordered.Skip(Visible))
                {
                    html.Append(Item(url, filter, value));
                }

                html.Append("</ul></details>");
            }

            if (totals.GetValueOrDefault(field.Name) is var total && total > values.Count)
            {
                html.Append(AllLink(url, filter, total));
            }

            html.Append("</section>\n");
        }

        return html.Append("</aside>\n").ToString();
    }

    /// <summary>
    /// One value as a link that acts as a checkbox. Its id is stable across the toggle (a hash of facet and value)
    /// and is the fragment of its own link, so the page it leads to brings focus back to it (site.js; without
    /// script the browser still scrolls there and the next Tab continues from it).
    /// </summary>
    private static string Item(SearchUrl url, SchemaFilter filter, FacetValue value)
    {
        var action = value.Selected ? "verwijderen" : "toevoegen";
        var (param, text) = (filter.Param, filter.Text(value.Value));
        var id = ItemId(param, value.Value);
        return $"<li><a id=\"{id}\" class=\"check{(value.Selected ? " on" : "")}\" href=\"{url.Toggle(param, value.Value).Href}#{id}\" " +
            $"role=\"checkbox\" aria-checked=\"{(value.Selected ? "true" : "false")}\" title=\"Filter {Html.E(text)} {action}\">" +
            $"<span class=\"box\" aria-hidden=\"true\"></span><span class=\"label\">{Html.E(text)}</span>" +
            $"<span class=\"count\">{Html.Number(value.Count)}</span></a></li>";
    }

    /// <summary>
    /// The same search with every value of every facet; its fragment is this facet's section, which site.js focuses
    /// and opens the "Meer" list of, so the user continues where the values were added.
    /// </summary>
    private static string AllLink(SearchUrl url, SchemaFilter filter, int total) =>
        $"<p class=\"facet-all\"><a href=\"{url.Set("facetwaarden", SearchParameters.AllFacetValues).Href}#{SectionId(filter.Param)}\">" +
        $"Alle {Html.Number(total)} {Html.E(filter.Plural)} tonen</a></p>";

    // Not "f-{param}": the form's fields have those ids.
    internal static string SectionId(string param) => $"f-facet-{param}";

    internal static string ItemId(string param, string value) =>
        $"f-{param}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12]}";
}
