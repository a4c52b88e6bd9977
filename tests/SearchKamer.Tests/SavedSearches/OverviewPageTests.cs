using System.Net;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>/mijn: one page in the site's layout with the saved searches (as chips), follows, alerts, channels, feeds and account.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class OverviewPageTests
{
    [Fact]
    public async Task The_overview_lists_what_the_user_saved_and_follows_with_private_feed_keys_never_the_token()
    {
        using var host = new SavedSearchHost();
        var (api, token, _) = host.NewUser("overzicht@example.nl");
        await SavedSearchHost.SaveSearch(api, "Hulp en CDA", "q=ontwikkelingshulp&partij=CDA", "dagelijks");
        await api.PostAsync("/api/volgen", System.Net.Http.Json.JsonContent.Create(new { zaak = SavedSearchHost.Zaak }));
        var browser = await host.Browser(token);

        var html = await browser.GetStringAsync("/mijn");
        var page = PageForms.Parse(html);
        Assert.Equal("Mijn SearchKamer", page.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("header.site nav.site-nav a[href='/mijn']"));
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href='/site.css']"));
        var search = page.QuerySelector("ul.cards li.card")!;
        Assert.Equal("Hulp en CDA", search.QuerySelector("h3")!.TextContent);
        Assert.Equal(["zoekvraag: ontwikkelingshulp", "partij: CDA"], search.QuerySelectorAll("ul.chips li").Select(c => c.TextContent).ToArray());
        Assert.Contains("Melden: dagelijks", search.TextContent, StringComparison.Ordinal);
        Assert.Contains(SavedSearchHost.Zaak, page.QuerySelector("#volgen + ul")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("overzicht@example.nl", page.QuerySelector("#account ~ p")!.TextContent, StringComparison.Ordinal);
        var feeds = page.QuerySelectorAll("main a[href*='/feed/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, feeds.Count);
        Assert.All(feeds, f => Assert.Contains("sleutel=", f, StringComparison.Ordinal));
        Assert.DoesNotContain(token, html, StringComparison.Ordinal);
        foreach (var feed in feeds)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().GetAsync(new Uri(feed).PathAndQuery)).StatusCode);
        }
    }

    [Fact]
    public async Task The_overview_shows_per_saved_search_when_it_last_caused_an_alert()
    {
        using var host = new SavedSearchHost();
        var (api, token, user) = host.NewUser("laatste@example.nl");
        await SavedSearchHost.SaveSearch(api, "Hulp", "q=ontwikkelingshulp");
        await SavedSearchHost.SaveSearch(api, "Niets", "q=xyzzyquux");
        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        var alert = Assert.Single(host.Get<SearchKamer.SavedSearches.AlertStore>().ForUser(user.Id));

        var page = PageForms.Parse(await (await host.Browser(token)).GetStringAsync("/mijn"));
        var cards = page.QuerySelectorAll("#zoekopdrachten + ul.cards li.card").ToDictionary(c => c.QuerySelector("h3")!.TextContent);
        var expected = alert.CreatedAt.ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")) + " UTC";
        Assert.Equal("Laatste melding: " + expected, cards["Hulp"].QuerySelector(".last-alert")!.TextContent);
        Assert.Equal("Laatste melding: nog geen melding", cards["Niets"].QuerySelector(".last-alert")!.TextContent);
    }

    [Fact]
    public async Task The_overview_asks_a_visitor_to_sign_in_and_comes_back()
    {
        using var host = new SavedSearchHost();
        var (_, token, _) = host.NewUser("terug@example.nl");
        var browser = host.Anonymous();
        var redirect = await browser.GetAsync("/mijn");
        Assert.Equal("/aanmelden?terug=%2Fmijn", redirect.Headers.Location!.OriginalString);
        await browser.GetAsync(redirect.Headers.Location);
        Assert.Equal("/mijn", (await SavedSearchHost.SignIn(browser, token)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_page_takes_a_pasted_personal_link()
    {
        using var host = new SavedSearchHost();
        var (_, token, _) = host.NewUser("plak@example.nl");
        var browser = host.Anonymous();
        var pasted = "/inloggen?token=" + Uri.EscapeDataString("https://zoek.example.nl/inloggen?token=" + Uri.EscapeDataString(token));
        Assert.Contains("plak@example.nl", await browser.GetStringAsync(pasted), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.Submit(browser, pasted, "main form.account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/mijn")).StatusCode);
    }
}
