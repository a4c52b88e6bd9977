using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace SearchKamer.Tests.Host;

/// <summary>The search page over the real corpus: totals against the API, facets, chips, paging, "Bedoelt u".</summary>
[Collection(HostCollection.Name)]
public sealed partial class SearchPageTests(HostFixture host)
{
    [GeneratedRegex(@"([\d.]+) (?:vraag|vragen) in ([\d.]+) (?:document|documenten)")]
    private static partial Regex TotalsText();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"data-facet=""minister""><h3>[^<]*</h3>\s*<ul><li><a class=""check"" href=""([^""]+)""")]
    private static partial Regex FirstMinisterLink();

    [Theory]
    [InlineData("q=externe+inhuur")]
    [InlineData("q=regering&sort=nieuwste")]
    [InlineData("q=&sort=oudste")]
    [InlineData("alle=minister&zonder=gemeente&in=antwoord")]
    public async Task Totals_on_the_page_equal_the_api(string query)
    {
        var html = await host.Html("/?" + query);
        var api = await host.Json("/api/search?" + query);

        var (questions, documents) = Totals(html);
        Assert.Equal(api.GetProperty("total").GetInt32(), questions);
        Assert.Equal(api.GetProperty("totalDocuments").GetInt32(), documents);
        Assert.True(documents > 0, $"no results for {query}");
    }

    [Fact]
    public async Task The_landing_page_has_the_box_the_help_and_the_advanced_form()
    {
        var html = await host.Html("/");
        Assert.Contains("<input id=\"q\" name=\"q\"", html);
        Assert.Contains("Zoektips", html);
        Assert.Contains("Uitgebreid zoeken", html);
        foreach (var name in new[] { "alle", "woordgroep", "een", "zonder", "in", "indiener", "partij", "minister", "ministerie", "soort", "van", "tot", "vergaderjaar" })
        {
            Assert.Contains($"name=\"{name}\"", html);
        }

        Assert.Contains("<link rel=\"stylesheet\" href=\"/site.css\">", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task A_facet_link_adds_the_filter_and_its_chip_removes_it_again()
    {
        var html = await host.Html("/?q=regering");
        var href = WebUtility.HtmlDecode(FirstMinisterLink().Match(html).Groups[1].Value);
        Assert.StartsWith("/?q=regering&minister=", href);
        Assert.DoesNotContain(' ', href);
        var minister = Uri.UnescapeDataString(href[(href.IndexOf("minister=", StringComparison.Ordinal) + "minister=".Length)..]);

        var filtered = await host.Html(href);
        var api = await host.Json("/api/search?q=regering&minister=" + Uri.EscapeDataString(minister));
        Assert.Equal(api.GetProperty("total").GetInt32(), Totals(filtered).Questions);
        Assert.Contains("aria-checked=\"true\"", filtered);
        Assert.Contains("class=\"chips\"", filtered);
        // The chip and the ticked facet both lead back to the unfiltered search.
        Assert.Contains("href=\"/?q=regering\"", filtered);
    }

    [Fact]
    public async Task Two_values_of_one_facet_are_both_kept_in_links_and_hidden_fields()
    {
        var all = await host.Json("/api/search?q=");
        var parties = all.GetProperty("facets").GetProperty("party").EnumerateArray().Take(2).Select(v => v.GetProperty("value").GetString()!).ToList();
        var url = "/?partij=" + Uri.EscapeDataString(parties[0]) + "&partij=" + Uri.EscapeDataString(parties[1]);

        var html = await host.Html(url);
        var api = await host.Json("/api/search" + url[1..]);
        Assert.Equal(api.GetProperty("total").GetInt32(), Totals(html).Questions);
        Assert.Equal(2, Regex.Matches(html, "role=\"checkbox\" aria-checked=\"true\"").Count);
        Assert.Contains($"<input type=\"hidden\" name=\"partij\" value=\"{parties[0]}\">", html);
    }

    [Fact]
    public async Task The_year_chart_is_an_svg_with_a_bar_per_year_linking_to_its_filter()
    {
        var html = await host.Html("/?q=");
        var years = (await host.Json("/api/search?q=")).GetProperty("facets").GetProperty("year").EnumerateArray().Count(y => y.GetProperty("count").GetInt32() > 0);
        Assert.Contains("<svg class=\"years\"", html);
        Assert.Equal(years, Regex.Matches(html, "<rect class=\"bar").Count);
        Assert.Matches("<a href=\"/\\?jaar=20\\d\\d\">", html);
    }

    [Fact]
    public async Task Sort_and_paging_links_keep_the_search_and_move_through_the_results()
    {
        var first = await host.Html("/?q=&sort=nieuwste&size=5");
        Assert.Contains("<a href=\"/?sort=nieuwste&amp;size=5&amp;page=2\" rel=\"next\">", first);
        Assert.Contains("href=\"/?size=5&amp;sort=oudste\"", first);
        var second = await host.Html("/?q=&sort=nieuwste&size=5&page=2");
        Assert.Contains("<span aria-current=\"page\">2</span>", second);
        Assert.NotEqual(DocumentLinks(first), DocumentLinks(second));
        Assert.Equal(5, DocumentLinks(second).Count);
    }

    [Fact]
    public async Task Results_show_subject_date_people_official_link_and_highlighted_snippets()
    {
        var html = await host.Html("/?q=externe+inhuur");
        Assert.Contains("<mark>", html);
        Assert.Contains("Vragen van <a href=\"/?indiener=", html);
        Assert.Contains("Beantwoord door Minister <a href=\"/?minister=", html);
        Assert.Contains("https://zoek.officielebekendmakingen.nl/", html);
        Assert.Matches(@"ontvangen \d{1,2} [a-z]+ 20\d\d", html);
        Assert.Contains("href=\"/api/export?q=externe%20inhuur&amp;format=csv\"", html);
    }

    [Theory]
    [InlineData("2025D36086")]
    [InlineData("2025d36086")]
    [InlineData("ah-tk-20232024-1314")]
    [InlineData("AH-TK-20232024-1314")]
    public async Task An_identifier_in_the_box_opens_the_document(string id)
    {
        using var response = await host.Client.GetAsync("/?q=" + Uri.EscapeDataString(id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/document/", response.Headers.Location!.OriginalString);
        await host.Html(response.Headers.Location.OriginalString);
    }

    [Theory]
    [InlineData("vragen over 2025 d 36086", "/document/2025D36086")]
    [InlineData("2025 d36086", "/document/2025D36086")]
    [InlineData("antwoord ah tk 20232024 1314", "/document/ah-tk-20232024-1314")]
    public async Task A_query_that_looks_like_an_id_offers_bedoelt_u(string query, string href)
    {
        var html = await host.Html("/?q=" + Uri.EscapeDataString(query));
        Assert.Contains("Bedoelt u <a href=\"" + href + "\">", html);
    }

    [Fact]
    public async Task An_id_like_query_for_a_missing_document_offers_nothing()
    {
        var html = await host.Html("/?q=" + Uri.EscapeDataString("vragen 1999D12345"));
        Assert.DoesNotContain("Bedoelt u", html);
    }

    private static (int Questions, int Documents) Totals(string html)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(html, ""));
        var m = TotalsText().Match(text);
        Assert.True(m.Success, "no totals text on the page");
        return (Number(m.Groups[1].Value), Number(m.Groups[2].Value));
    }

    private static List<string> DocumentLinks(string html) =>
        [.. Regex.Matches(html, "<h3><a href=\"(/document/[^\"]+)\"").Select(m => m.Groups[1].Value)];

    // Dutch thousands separator: "1.085 vragen".
    private static int Number(string dutch) => int.Parse(dutch.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
