using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>
/// The results page's "Bewaar deze zoekopdracht" (one step when signed in; via sign-in and back when not)
/// and its Atom feed (announced in the head, linked visibly, the public feed: no personal token).
/// </summary>
[Collection(SavedSearchHost.Collection)]
public sealed class ResultsPageSaveTests
{
    private const string Search = "/?q=ontwikkelingshulp&partij=CDA&page=1";

    [Fact]
    public async Task A_signed_in_visitor_saves_the_search_shown_with_its_filters_in_one_step()
    {
        using var host = new SavedSearchHost();
        var (api, token, _) = host.NewUser("bewaar@example.nl");
        var browser = await host.Browser(token);

        var saved = await PageForms.Submit(browser, Search, "form.save", ("interval", "wekelijks"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/zoekopdrachten");
        var search = Assert.Single(list.EnumerateArray());
        // The page's own parameters less paging: what the visitor searched for, filters included.
        Assert.Equal("q=ontwikkelingshulp&partij=CDA", search.GetProperty("state").GetString());
        Assert.Equal("ontwikkelingshulp", search.GetProperty("name").GetString());
        Assert.Equal("weekly", search.GetProperty("interval").GetString());
        Assert.Equal($"/mijn?bewaard={search.GetProperty("id").GetInt64()}#zoekopdrachten", saved.Headers.Location!.OriginalString);
        var overview = await browser.GetStringAsync(saved.Headers.Location.OriginalString);
        Assert.Contains("Zoekopdracht “ontwikkelingshulp” is bewaard", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_led_to_sign_in_and_back_to_the_filled_in_form()
    {
        using var host = new SavedSearchHost();
        var (api, token, _) = host.NewUser("later@example.nl");
        var browser = host.Anonymous();

        var page = PageForms.Parse(await browser.GetStringAsync(Search));
        Assert.Null(page.QuerySelector("form.save"));
        var save = page.QuerySelector("p.save a")!.GetAttribute("href")!;
        var toSignIn = await browser.GetAsync(save);
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.StartsWith("/aanmelden?terug=", toSignIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Log eerst in", await browser.GetStringAsync(toSignIn.Headers.Location), StringComparison.Ordinal);

        var signedIn = await SavedSearchHost.SignIn(browser, token);
        Assert.Equal(save, signedIn.Headers.Location!.OriginalString);
        var form = await browser.GetStringAsync(save);
        Assert.Contains("partij: CDA", form, StringComparison.Ordinal);
        var stored = await PageForms.Submit(browser, save, "main form.account");
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var search = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/zoekopdrachten")).EnumerateArray());
        Assert.Equal("q=ontwikkelingshulp&partij=CDA", search.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("//evil.example/mijn")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Signing_in_never_sends_the_visitor_to_another_site(string terug)
    {
        using var host = new SavedSearchHost();
        var (_, token, _) = host.NewUser("veilig@example.nl");
        var browser = host.Anonymous();
        await browser.GetAsync("/aanmelden?terug=" + Uri.EscapeDataString(terug));
        var signedIn = await SavedSearchHost.SignIn(browser, token);
        Assert.Equal("/mijn", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_results_page_announces_and_links_the_Atom_feed_of_the_same_search()
    {
        using var host = new SavedSearchHost();
        var (api, token, _) = host.NewUser("feed@example.nl");
        var browser = await host.Browser(token);
        var page = PageForms.Parse(await browser.GetStringAsync("/?q=ontwikkelingshulp&sort=oudste&page=1"));

        var announced = page.Head!.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href");
        var visible = page.QuerySelector("main a[type='application/atom+xml']")!;
        Assert.Equal(announced, visible.GetAttribute("href"));
        Assert.Contains("feed", visible.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, announced, StringComparison.Ordinal);

        var feed = await browser.GetAsync(announced);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var atom = XNamespace.Get("http://www.w3.org/2005/Atom");
        var entries = XDocument.Parse(await feed.Content.ReadAsStringAsync()).Root!.Elements(atom + "entry").ToList();
        // The same documents the search finds (the oracle: the search API), each linked to its page.
        var found = (await api.GetFromJsonAsync<JsonElement>("/api/search?q=ontwikkelingshulp&size=50")).GetProperty("documents").EnumerateArray()
            .Select(d => "https://zoek.example.nl/document/" + Uri.EscapeDataString(d.GetProperty("id").GetString()!)).ToHashSet();
        Assert.NotEmpty(entries);
        Assert.Equal(found, entries.Select(e => e.Element(atom + "link")!.Attribute("href")!.Value).ToHashSet());
    }
}
