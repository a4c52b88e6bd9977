using System.Text;

namespace SearchKamer.Host.Web.Pages;

/// <summary>Every active filter as a chip that links to the same search without it.</summary>
internal static class FilterChips
{
    private static readonly (string Param, string Label)[] Filters =
    [
        ("minister", "Minister"), ("ministerie", "Ministerie"), ("partij", "Partij"), ("indiener", "Indiener"), ("jaar", "Jaar"),
        ("soort", "Soort"), ("vergaderjaar", "Vergaderjaar"), ("van", "Vanaf"), ("tot", "Tot en met"), ("in", "Zoeken in"),
        ("alle", "Alle woorden"), ("woordgroep", "Woordgroep"), ("een", "Eén van"), ("zonder", "Zonder"),
    ];

    public static string Render(SearchUrl url)
    {
        var chips = Filters.SelectMany(f => url.All(f.Param).Where(v => !(f.Param == "in" && v == "beide")).Select(v => (f.Param, f.Label, Value: v))).ToList();
        if (chips.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder("<ul class=\"chips\" aria-label=\"Actieve filters\">");
        foreach (var (param, label, value) in chips)
        {
            html.Append("<li><a href=\"").Append(url.Without(param, value.Trim()).Href).Append("\" aria-label=\"Filter ").Append(Html.E(label))
                .Append(' ').Append(Html.E(value)).Append(" verwijderen\">").Append(Html.E(label)).Append(": <strong>").Append(Html.E(value))
                .Append("</strong> <span aria-hidden=\"true\">×</span></a></li>");
        }

        if (chips.Count > 1)
        {
            var cleared = url.WithoutAny([.. Filters.Select(f => f.Param), "page"]);
            html.Append("<li class=\"clear\"><a href=\"").Append(cleared.Href).Append("\">Alle filters wissen</a></li>");
        }

        return html.Append("</ul>\n").ToString();
    }
}
