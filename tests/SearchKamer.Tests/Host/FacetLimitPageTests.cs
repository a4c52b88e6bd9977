using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchKamer.Indexing;

namespace SearchKamer.Tests.Host;

/// <summary>
/// facetwaarden as a user and an API client meet it: the API sends the most frequent values of a facet and the
/// number it has (the oracle is the same search with facetwaarden=alle), the sidebar offers "Alle N … tonen"
/// exactly where values were left out and that link lists them all, and a bad value is a 400 naming the parameter.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class FacetLimitPageTests(HostFixture host)
{
    [GeneratedRegex(@"<span class=""label"">([^<]+)</span><span class=""count"">")]
    private static partial Regex Label();

    [GeneratedRegex(@"class=""check(?: on)?"" href=""([^""]+)""")]
    private static partial Regex ItemHref();

    [GeneratedRegex(@"<p class=""facet-all""><a href=""([^""]+)"">Alle ([\d.]+) (\w+) tonen</a></p>")]
    private static partial Regex AllLink();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task The_api_sends_the_most_frequent_values_and_counts_all_of_them(int limit)
    {
        var all = await host.Json("/api/search?q=&facetwaarden=alle");
        var cut = await host.Json($"/api/search?q=&facetwaarden={limit}");

        foreach (var filter in IndexSchema.Facets)
        {
            var full = Values(all, filter.Name);
            var expected = filter.Filter!.Order == FacetOrder.ByCount
                ? [.. full.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(limit)]
                : full;
            Assert.Equal(expected, Values(cut, filter.Name));
            Assert.Equal(full.Count, cut.GetProperty("facetTotals").GetProperty(filter.Name).GetInt32());
        }

        Assert.True(Values(all, Fields.Asker).Count > limit, "the bundled corpus needs more askers than the limit");
    }

    [Fact]
    public async Task A_ticked_value_beyond_the_limit_stays_in_the_api_and_in_the_sidebar()
    {
        var askers = Values(await host.Json("/api/search?q=&facetwaarden=alle"), Fields.Asker);
        var last = askers.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Last().Value;
        var query = $"?q=&facetwaarden=1&indiener={Uri.EscapeDataString(last)}";

        var api = await host.Json("/api/search" + query);
        var page = Section(await host.Html("/" + query), "indiener");

        Assert.Contains(api.GetProperty("facets").GetProperty(Fields.Asker).EnumerateArray(), v => v.GetProperty("value").GetString() == last && v.GetProperty("selected").GetBoolean());
        Assert.Equal(2, api.GetProperty("facets").GetProperty(Fields.Asker).GetArrayLength());
        var ticked = Regex.Match(page, @"class=""check on""[^>]*><span class=""box"" aria-hidden=""true""></span><span class=""label"">([^<]+)</span>");
        Assert.Equal(last, WebUtility.HtmlDecode(ticked.Groups[1].Value));
        Assert.Equal(2, Label().Matches(page).Count);
    }

    [Fact]
    public async Task The_sidebar_links_to_all_values_exactly_where_some_were_left_out_and_that_page_lists_them()
    {
        var api = await host.Json("/api/search?q=&facetwaarden=3");
        var html = await host.Html("/?q=&facetwaarden=3");
        var cut = 0;

        foreach (var field in IndexSchema.Facets.Where(f => f.Filter!.Order == FacetOrder.ByCount))
        {
            var (name, filter) = (field.Name, field.Filter!);
            var (sent, total) = (api.GetProperty("facets").GetProperty(name).GetArrayLength(), api.GetProperty("facetTotals").GetProperty(name).GetInt32());
            var section = Section(html, filter.Param);
            var link = AllLink().Match(section);
            Assert.Equal(total > sent, link.Success);
            if (!link.Success)
            {
                continue;
            }

            cut++;
            Assert.Equal(total, int.Parse(link.Groups[2].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(filter.Plural, link.Groups[3].Value);
            var href = WebUtility.HtmlDecode(link.Groups[1].Value);
            var fragment = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];
            Assert.StartsWith("f-", fragment, StringComparison.Ordinal); // what site.js focuses
            Assert.Contains("facetwaarden=alle", href, StringComparison.Ordinal);

            // The fragment is the section itself, which site.js focuses.
            var everyPage = await host.Html(href[..href.IndexOf('#', StringComparison.Ordinal)]);
            var every = Section(everyPage, filter.Param);
            Assert.Equal(total, Label().Matches(every).Count);
            Assert.DoesNotMatch(AllLink(), every);
            // Ticking a value keeps every value listed.
            Assert.All(ItemHref().Matches(every), m => Assert.Contains("facetwaarden=alle", m.Groups[1].Value, StringComparison.Ordinal));
            Assert.Single(Regex.Matches(everyPage, $"id=\"{fragment}\""));
            Assert.Contains($"<section class=\"facet\" id=\"{fragment}\" tabindex=\"-1\" data-facet=\"{filter.Param}\">", everyPage);
        }

        Assert.True(cut > 0, "no facet of the bundled corpus has more than 3 values");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("2147483648")]
    [InlineData("ALLE")]
    public async Task A_bad_facetwaarden_is_a_400_naming_it_on_the_page_and_in_the_api(string value)
    {
        var json = await host.Json("/api/search?q=&facetwaarden=" + Uri.EscapeDataString(value), HttpStatusCode.BadRequest);
        var html = await host.Html("/?q=&facetwaarden=" + Uri.EscapeDataString(value), HttpStatusCode.BadRequest);

        Assert.Equal("facetwaarden", json.GetProperty("parameter").GetString());
        Assert.Contains("(parameter <code>facetwaarden</code>)", html);
    }

    private static List<(string Value, int Count)> Values(JsonElement response, string facet) =>
        [.. response.GetProperty("facets").GetProperty(facet).EnumerateArray().Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt32()))];

    private static string Section(string html, string param)
    {
        var start = html.IndexOf($"data-facet=\"{param}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no facet section for {param}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
