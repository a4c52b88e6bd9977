using System.Net;
using System.Xml.Linq;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>A document page offers the public Atom feed of its dossier: every indexed document of the zaak.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class DossierFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task A_document_page_links_the_feed_of_its_dossier_which_lists_every_member_with_public_links()
    {
        using var host = new SavedSearchHost();
        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        var browser = host.Anonymous();

        var page = PageForms.Parse(await browser.GetStringAsync("/document/" + SavedSearchHost.QuestionSetKey));
        var visible = page.QuerySelector("main div.follow + p.feed a[type='application/atom+xml']")!;
        Assert.Equal("Feed van dit dossier", visible.TextContent);
        var href = visible.GetAttribute("href")!;
        Assert.Equal("/feed/dossier/" + SavedSearchHost.Zaak, href);
        Assert.Equal(href, page.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));

        var response = await browser.GetAsync(href);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("https://zoek.example.nl" + href, Link(feed, "self"));
        Assert.False(string.IsNullOrEmpty(feed.Element(Atom + "id")?.Value));
        Assert.False(string.IsNullOrEmpty(feed.Element(Atom + "updated")?.Value));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Element(Atom + "title")?.Value)));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Element(Atom + "updated")?.Value)));
        // The question set (in the host's corpus) and the answer dropped into the inbox: both carry zaak 2024Z18792.
        Assert.Equal(
            new[] { SavedSearchHost.AnswerKey, SavedSearchHost.QuestionSetKey }.Select(k => "https://zoek.example.nl/document/" + k).Order(),
            entries.Select(e => Link(e, "alternate")!).Order());
    }

    [Theory]
    [InlineData("2099Z99999", HttpStatusCode.NotFound, "2099Z99999")]
    [InlineData("<script>alert(1)</script>", HttpStatusCode.BadRequest, "zaak")]
    [InlineData("2024Z18792%27%20OR%201=1", HttpStatusCode.BadRequest, "zaak")]
    [InlineData("..%2F..%2Fetc%2Fpasswd", HttpStatusCode.BadRequest, "zaak")]
    public async Task An_unknown_or_malformed_zaak_is_a_clear_error_naming_it_never_a_500(string zaak, HttpStatusCode status, string named)
    {
        using var host = new SavedSearchHost();
        var response = await host.Anonymous().GetAsync("/feed/dossier/" + zaak);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_zaak_is_refused_as_a_bad_parameter()
    {
        using var host = new SavedSearchHost();
        var response = await host.Anonymous().GetAsync("/feed/dossier/" + new string('9', 5000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string? Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == rel)?.Attribute("href")?.Value;
}
