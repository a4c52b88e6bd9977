using System.Globalization;
using System.Text;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.Pages;

/// <summary>
/// Hits per year as a small server-rendered SVG bar chart; each bar links to that year's filter. The chart is a
/// group, not an image: an image may not hold links, and these bars are links (axe-core's nested-interactive).
/// </summary>
internal static class YearChart
{
    private const int Width = 260;
    private const int Height = 110;
    private const int LabelHeight = 16;
    private const int TopGap = 14;

    public static string Render(SearchUrl url, IReadOnlyList<FacetValue> years)
    {
        var bars = years.Where(y => y.Count > 0 || y.Selected).OrderBy(y => y.Value, StringComparer.Ordinal).ToList();
        if (bars.Count == 0)
        {
            return "";
        }

        var max = Math.Max(1, bars.Max(b => b.Count));
        var slot = (double)Width / bars.Count;
        var barWidth = Math.Clamp(slot * 0.7, 2, 28);
        var plot = Height - LabelHeight - TopGap;
        var summary = string.Join(", ", bars.Select(b => $"{b.Value}: {b.Count}"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"years\" viewBox=\"0 0 {Width} {Height}\" role=\"group\" aria-label=\"Documenten per jaar: {Html.E(summary)}\">");
        // Labels would collide beyond a dozen bars; then every other year is labelled.
        var labelEvery = bars.Count > 12 ? 2 : 1;
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var h = b.Count == 0 ? 0 : Math.Max(1, plot * b.Count / (double)max);
            var x = i * slot + (slot - barWidth) / 2;
            var y = TopGap + plot - h;
            var center = i * slot + slot / 2;
            svg.Append("<a href=\"").Append(url.Toggle("jaar", b.Value).Href).Append("\">")
                .Append("<title>").Append(Html.E($"{b.Value}: {Html.Plural(b.Count, "document", "documenten")}")).Append("</title>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"{(b.Selected ? "bar on" : "bar")}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{h:0.#}\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"n\" x=\"{center:0.#}\" y=\"{y - 3:0.#}\">{b.Count}</text>");
            if (i % labelEvery == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"y\" x=\"{center:0.#}\" y=\"{Height - 3}\">{Html.E(b.Value)}</text>");
            }

            svg.Append("</a>");
        }

        return svg.Append("</svg>").ToString();
    }
}
