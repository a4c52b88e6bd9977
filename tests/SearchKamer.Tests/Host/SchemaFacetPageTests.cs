using System.Net;
using System.Text.RegularExpressions;

namespace SearchKamer.Tests.Host;

/// <summary>
/// The facets "soort" and "vergaderjaar" (rows of IndexSchema) as a user reaches them: in the page's facet
/// sidebar with Dutch labels, as links that select the value and show its chip, in the form, and in the API by
/// the same parameter. Their counts against the documents are proven in Search/SchemaFacetTests.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class SchemaFacetPageTests(HostFixture host)
{
    [GeneratedRegex(@"<a id=""[^""]+"" class=""check"" href=""([^""#]+)#[^""]*""[^>]*><span class=""box"" aria-hidden=""true""></span><span class=""label"">([^<]+)</span><span class=""count"">([\d.]+)</span>")]
    private static partial Regex FacetLink();

    [GeneratedRegex(@"([\d.]+) (?:vraag|vragen) in ([\d.]+) (?:document|documenten)")]
    private static partial Regex TotalsText();

    [Theory]
    [InlineData("soort", "Soort", "kind", "Mededeling")]
    [InlineData("vergaderjaar", "Vergaderjaar", "vergaderjaar", null)]
    public async Task A_sidebar_value_selects_its_documents_and_its_chip_names_it(string param, string heading, string facet, string? label)
    {
        var html = await host.Html("/?q=");
        var section = Section(html, param);
        Assert.Contains($"<h3>{heading}</h3>", section);
        var links = FacetLink().Matches(section).Select(m => (Href: WebUtility.HtmlDecode(m.Groups[1].Value), Label: m.Groups[2].Value, Count: N(m.Groups[3].Value))).ToList();
        var link = label is null ? links[^1] : links.Single(l => l.Label == label);
        var value = Uri.UnescapeDataString(link.Href[(link.Href.IndexOf(param + "=", StringComparison.Ordinal) + param.Length + 1)..]);

        var filtered = await host.Html(link.Href);
        var api = await host.Json($"/api/search?{param}={Uri.EscapeDataString(value)}");

        // The count the sidebar promised is what the link gives, on the page and in the API by the same parameter.
        Assert.Equal(link.Count, N(TotalsText().Match(WebUtility.HtmlDecode(Regex.Replace(filtered, "<[^>]+>", ""))).Groups[2].Value));
        Assert.Equal(link.Count, api.GetProperty("totalDocuments").GetInt32());
        Assert.Contains($"{heading}: <strong>{link.Label}</strong>", filtered);
        // The other values stay choosable with the counts they had (a selection does not narrow its own facet).
        var after = Section(filtered, param);
        Assert.Equal(links.Select(l => (l.Label, l.Count)).Order(), FacetLink().Matches(after).Select(m => (m.Groups[2].Value, N(m.Groups[3].Value))).Concat(Ticked(after)).Order());
        Assert.Contains(api.GetProperty("facets").GetProperty(facet).EnumerateArray(), v => v.GetProperty("value").GetString() == value && v.GetProperty("selected").GetBoolean());
    }

    [Fact]
    public async Task The_form_offers_every_soort_as_a_choice_and_keeps_a_second_one_from_the_facet()
    {
        var html = await host.Html("/?soort=antwoord&soort=mededeling");

        Assert.Contains("<select id=\"f-soort\" name=\"soort\">", html);
        Assert.Contains("<option value=\"\">Alle soorten</option>", html);
        Assert.Contains("<option value=\"mededeling\" selected>Mededeling</option>", html);
        Assert.Contains("<input type=\"hidden\" name=\"soort\" value=\"antwoord\">", html);
        Assert.Contains("<datalist id=\"vergaderjaren\">", html);
    }

    private static int N(string printed) => int.Parse(printed.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static string Section(string html, string param)
    {
        var start = html.IndexOf($"data-facet=\"{param}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no facet section for {param}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    // A ticked value's link has class "check on".
    private static IEnumerable<(string, int)> Ticked(string section) =>
        Regex.Matches(section, @"class=""check on""[^>]*><span class=""box"" aria-hidden=""true""></span><span class=""label"">([^<]+)</span><span class=""count"">([\d.]+)</span>")
            .Select(m => (m.Groups[1].Value, N(m.Groups[2].Value)));
}
