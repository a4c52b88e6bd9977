using System.Text;
using SearchKamer.Indexing;

namespace SearchKamer.Host.Web.Pages;

/// <summary>Every active filter as a chip that links to the same search without it.</summary>
internal static class FilterChips
{
    // The schema's filters (with the readable text of a closed list's value), then the other parameters.
    private static readonly (string Param, string Label, Func<string, string> Text)[] Filters =
    [
        .. IndexSchema.Filters.Select(f => (f.Filter!.Param, f.Filter.Chip, (Func<string, string>)f.Filter.Text)),
        .. new[] { ("van", "Vanaf"), ("tot", "Tot en met"), ("in", "Zoeken in"), ("alle", "Alle woorden"), ("woordgroep", "Woordgroep"), ("een", "Eén van"), ("zonder", "Zonder") }
            .Select(p => (p.Item1, p.Item2, (Func<string, string>)(v => v))),
    ];

    public static string Render(SearchUrl url)
    {
        var chips = Filters.SelectMany(f => url.All(f.Param).Where(v => !(f.Param == "in" && v == "beide")).Select(v => (f.Param, f.Label, Value: v, Text: f.Text(v.Trim())))).ToList();
        if (chips.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder("<ul class=\"chips\" aria-label=\"Actieve filters\">");
        foreach (var (param, label, value, text) in chips)
        {
            html.Append("<li><a href=\"").Append(url.Without(param, value.Trim()).Href).Append("\" aria-label=\"Filter ").Append(Html.E(label))
                .Append(' ').Append(Html.E(text)).Append(" verwijderen\">").Append(Html.E(label)).Append(": <strong>").Append(Html.E(text))
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
