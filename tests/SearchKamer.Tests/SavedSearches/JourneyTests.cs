using System.Text.Json;
using System.Xml.Linq;
using OpenQA.Selenium;
using SearchKamer.SavedSearches;
using SearchKamer.Tests.Host;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>
/// The whole personal journey in Chromium on a real host: sign in with the personal link, search, save the
/// search, follow a question set, see both on /mijn, read the feed, set a webhook; then the answer arrives in
/// the inbox and shows as new on /mijn, in the feeds and once at the webhook, linked to its document page.
/// </summary>
[Collection(SavedSearchHost.Collection)]
public sealed class JourneyTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Search_save_follow_see_it_on_mijn_and_get_the_new_answer_by_feed_and_webhook()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.Up();
        using var host = new SavedSearchHost(kestrel: true);
        var issued = host.Get<Users>().Add("reis@example.nl", renew: false);
        var site = host.BaseAddress!;
        using var browser = Chromium.Start();
        var shots = Path.Combine(BrowserTests.Screenshots, "reis");

        browser.Navigate().GoToUrl(new Uri(site, "/inloggen?token=" + Uri.EscapeDataString(issued.Token)));
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        Chromium.WaitForUrl(browser, u => u.AbsolutePath == "/mijn", "the overview after signing in");

        browser.FindElement(By.CssSelector("header a[href='/']")).Click();
        browser.FindElement(By.CssSelector("input#q")).SendKeys("ontwikkelingshulp");
        browser.FindElement(By.CssSelector("form.search .box button[type=submit]")).Click();
        Chromium.WaitForUrl(browser, u => u.Query.StartsWith("?q=ontwikkelingshulp", StringComparison.Ordinal), "the results");
        var feedHref = browser.FindElement(By.CssSelector("head link[rel=alternate][type='application/atom+xml']")).GetAttribute("href");
        Assert.Equal(feedHref, browser.FindElement(By.CssSelector(".personal .feed a")).GetAttribute("href"));
        Chromium.Screenshot(browser, Path.Combine(shots, "1-resultaten-aangemeld.png"));
        browser.FindElement(By.CssSelector("form.save select[name=interval] option[value=direct]")).Click();
        browser.FindElement(By.CssSelector("form.save button")).Click();
        Chromium.WaitForUrl(browser, u => u.AbsolutePath == "/mijn" && u.Query.StartsWith("?bewaard=", StringComparison.Ordinal), "the overview with the saved search");
        Assert.Contains("is bewaard", browser.FindElement(By.CssSelector("p.done")).Text);

        browser.Navigate().GoToUrl(new Uri(site, "/document/" + SavedSearchHost.QuestionSetKey));
        browser.FindElement(By.CssSelector("div.follow button")).Click();
        Chromium.WaitForText(browser, By.CssSelector("div.follow"), "U volgt deze vragen", "the document page as followed");
        Assert.Equal("Niet meer volgen", browser.FindElement(By.CssSelector("div.follow button")).Text);
        Chromium.Screenshot(browser, Path.Combine(shots, "2-document-gevolgd.png"));

        browser.Navigate().GoToUrl(new Uri(site, "/mijn/instellingen"));
        browser.FindElement(By.CssSelector("input[name=webhook]")).SendKeys(receiver.Url);
        browser.FindElement(By.CssSelector("main form[action='/mijn/instellingen'] button")).Click();
        Chromium.WaitForText(browser, By.CssSelector("main"), "Nieuw webhook-geheim", "the saved settings with the webhook's secret");

        browser.Navigate().GoToUrl(new Uri(site, "/mijn"));
        var card = browser.FindElement(By.CssSelector("#zoekopdrachten + ul li.card"));
        Assert.Equal("ontwikkelingshulp", card.FindElement(By.CssSelector("h3")).Text);
        Assert.DoesNotContain("zoeken in", card.Text, StringComparison.Ordinal);
        Assert.Contains(SavedSearchHost.Zaak, browser.FindElement(By.CssSelector("#volgen + ul")).Text);
        var searchFeed = new Uri(card.FindElement(By.CssSelector("a[type='application/atom+xml']")).GetAttribute("href")!);
        var myFeed = new Uri(browser.FindElement(By.CssSelector("#feeds + p a")).GetAttribute("href")!);
        Chromium.Screenshot(browser, Path.Combine(shots, "3-mijn-voor.png"));

        // Feed addresses are built from PublicUrl; the same path and key on this host are the feed.
        using var http = new HttpClient { BaseAddress = site };
        var before = await Entries(http, searchFeed);
        Assert.DoesNotContain(before, e => e.EndsWith("/document/" + SavedSearchHost.AnswerKey, StringComparison.Ordinal));

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        await SavedSearchHost.Until(() => !receiver.Accepted.IsEmpty, "the webhook call");

        browser.Navigate().GoToUrl(new Uri(site, "/mijn"));
        Assert.Contains("1 nieuw", browser.FindElement(By.CssSelector("#zoekopdrachten + ul li.card")).Text);
        var alert = browser.FindElement(By.CssSelector("#meldingen + ul li.card a"));
        Assert.Equal("/document/" + SavedSearchHost.AnswerKey, new Uri(alert.GetAttribute("href")!).AbsolutePath);
        Chromium.Screenshot(browser, Path.Combine(shots, "4-mijn-na.png"));

        Assert.Contains("https://zoek.example.nl/document/" + SavedSearchHost.AnswerKey, await Entries(http, searchFeed));
        Assert.Contains("https://zoek.example.nl/document/" + SavedSearchHost.AnswerKey, await Entries(http, myFeed));
        await Task.Delay(1000);
        var (body, _) = Assert.Single(receiver.Accepted);
        var sent = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("alerts").EnumerateArray());
        Assert.Equal("https://zoek.example.nl/document/" + SavedSearchHost.AnswerKey, sent.GetProperty("link").GetString());
    }

    /// <summary>The entry links of an Atom feed, read as XML (so an invalid feed fails here).</summary>
    private static async Task<List<string>> Entries(HttpClient http, Uri feed)
    {
        using var response = await http.GetAsync(feed.PathAndQuery);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Atom + "feed", xml.Root!.Name);
        Assert.NotNull(xml.Root.Element(Atom + "title"));
        return [.. xml.Root.Elements(Atom + "entry").Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value)];
    }
}
