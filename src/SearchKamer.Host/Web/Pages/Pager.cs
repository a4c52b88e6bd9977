using System.Text;

namespace SearchKamer.Host.Web.Pages;

/// <summary>Previous/next and a window of page numbers around the current one.</summary>
internal static class Pager
{
    public static int PageCount(int totalDocuments, int size) => Math.Max(1, (totalDocuments + size - 1) / size);

    public static string Render(SearchUrl url, int page, int pages)
    {
        if (pages <= 1)
        {
            return "";
        }

        var html = new StringBuilder("<nav class=\"pager\" aria-label=\"Pagina's\"><ul>");
        if (page > 1)
        {
            html.Append(Link(url, page - 1, "« Vorige", "prev"));
        }

        var shown = new SortedSet<int> { 1, pages };
        for (var p = Math.Max(1, page - 2); p <= Math.Min(pages, page + 2); p++)
        {
            shown.Add(p);
        }

        var previous = 0;
        foreach (var p in shown)
        {
            if (p > previous + 1)
            {
                html.Append("<li class=\"gap\" aria-hidden=\"true\">…</li>");
            }

            html.Append(p == page ? $"<li><span aria-current=\"page\">{p}</span></li>" : Link(url, p, p.ToString(Html.Dutch), null));
            previous = p;
        }

        if (page < pages)
        {
            html.Append(Link(url, page + 1, "Volgende »", "next"));
        }

        return html.Append("</ul></nav>\n").ToString();
    }

    private static string Link(SearchUrl url, int page, string text, string? rel) =>
        $"<li><a href=\"{url.Set("page", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)).Href}\"{(rel is null ? "" : $" rel=\"{rel}\"")}>{Html.E(text)}</a></li>";
}
