using System.Net;

namespace SearchKamer.Tests.Host;

/// <summary>Errors people can act on (400 naming the parameter, 404), CSP, and hostile input that never reaches a 500.</summary>
[Collection(HostCollection.Name)]
public sealed class ErrorAndSecurityTests(HostFixture host)
{
    [Theory]
    [InlineData("van=2024-13-45", "van", "periode van")]
    [InlineData("tot=gisteren", "tot", "periode tot en met")]
    [InlineData("page=0", "page", "pagina")]
    [InlineData("page=abc", "page", "pagina")]
    [InlineData("q=&page=9999", "page", "pagina")]
    [InlineData("size=1000", "size", "aantal per pagina")]
    [InlineData("sort=willekeurig", "sort", "sorteren")]
    [InlineData("van=2025-01-01&tot=2024-01-01", "van", "periode van")]
    public async Task A_bad_parameter_gives_a_400_page_naming_it(string query, string parameter, string label)
    {
        var html = await host.Html("/?" + query, HttpStatusCode.BadRequest);
        Assert.Contains("Ongeldige waarde voor <strong>" + label + "</strong>", html);
        Assert.Contains("(parameter <code>" + parameter + "</code>)", html);
        Assert.Contains("role=\"alert\"", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("   at ", html);
    }

    [Theory]
    [InlineData("van=2024-13-45", "van")]
    [InlineData("page=0", "page")]
    public async Task The_api_names_the_same_parameter_in_json(string query, string parameter)
    {
        var json = await host.Json("/api/search?" + query, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, json.GetProperty("parameter").GetString());
        Assert.Equal(400, json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_rejected_date_stays_visible_in_its_field_marked_invalid()
    {
        var html = await host.Html("/?van=2024-13-45", HttpStatusCode.BadRequest);
        Assert.Contains("name=\"van\" type=\"text\" value=\"2024-13-45\" placeholder=\"JJJJ-MM-DD\" aria-invalid=\"true\"", html);
        Assert.Contains("<details class=\"advanced\" open>", html);
    }

    [Theory]
    [InlineData("/document/bestaat-niet")]
    [InlineData("/document/2099D99999")]
    [InlineData("/bestand/bestaat-niet")]
    public async Task An_unknown_document_is_a_404_page(string url)
    {
        var html = await host.Html(url, HttpStatusCode.NotFound);
        Assert.Contains("Document niet gevonden", html);
        Assert.Contains("<a href=\"/\">Naar de zoekpagina</a>", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=regering")]
    [InlineData("/?page=0")]
    [InlineData("/document/ah-tk-20232024-1314")]
    [InlineData("/document/bestaat-niet")]
    [InlineData("/api/search?q=regering")]
    [InlineData("/api/search?page=0")]
    [InlineData("/api/documents/ah-tk-20232024-1314")]
    [InlineData("/api/documents/bestaat-niet")]
    [InlineData("/api/export?q=regering&format=csv")]
    [InlineData("/api/bestaat-niet")]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Every_response_carries_the_content_security_policy_and_the_other_security_headers(string url)
    {
        using var response = await host.Client.GetAsync(url);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_stylesheet_is_served_from_this_site()
    {
        using var response = await host.Client.GetAsync("/site.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".results", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string> HostileInput => new()
    {
        { "\"unbalanced", "&quot;unbalanced" },
        { "*", "value=\"*\"" },
        { "/", "value=\"/\"" },
        { "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;" },
        { "a' onmouseover='x", "a&#x27; onmouseover=&#x27;x" },
        { "indiener:(", "indiener:(" },
        { "minister:\"Van Weel", "minister:&quot;Van Weel" },
        { string.Concat(Enumerable.Repeat("<b>woord ", 200)), string.Concat(Enumerable.Repeat("&lt;b&gt;woord ", 200)) },
    };

    [Theory]
    [MemberData(nameof(HostileInput))]
    public async Task Hostile_input_never_gives_a_500_and_is_echoed_encoded(string input, string echoed)
    {
        foreach (var name in new[] { "q", "alle", "woordgroep", "een", "zonder" })
        {
            using var response = await host.Client.GetAsync($"/?{name}=" + Uri.EscapeDataString(input));
            var html = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{name}={input}: {(int)response.StatusCode}");
            Assert.Contains(echoed, html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<b>woord", html);

            using var api = await host.Client.GetAsync($"/api/search?{name}=" + Uri.EscapeDataString(input));
            Assert.True((int)api.StatusCode < 500, $"api {name}={input}: {(int)api.StatusCode}");
        }
    }

    [Fact]
    public async Task A_query_of_2000_characters_is_refused_with_a_message_not_a_crash()
    {
        var query = string.Concat(Enumerable.Repeat("belasting ", 200));
        var html = await host.Html("/?q=" + Uri.EscapeDataString(query), HttpStatusCode.BadRequest);
        Assert.Contains("Ongeldige waarde voor <strong>zoekvraag</strong>", html);
        Assert.Contains(query.TrimEnd(), html);
        var json = await host.Json("/api/search?q=" + Uri.EscapeDataString(query), HttpStatusCode.BadRequest);
        Assert.Equal("q", json.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_oversized_query_string_is_refused_before_searching()
    {
        var html = await host.Html("/?q=" + new string('x', 7000), HttpStatusCode.RequestUriTooLong);
        Assert.Contains("Zoekopdracht te lang", html);
    }
}
