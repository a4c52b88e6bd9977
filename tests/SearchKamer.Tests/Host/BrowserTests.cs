using OpenQA.Selenium;

namespace SearchKamer.Tests.Host;

/// <summary>
/// A real browser (headless Debian Chromium) on the real host: search "externe inhuur", tick the
/// first minister facet, open the first document; screenshots land in the test output.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class BrowserTests(HostFixture host)
{
    public static string Screenshots => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public void Search_tick_a_facet_and_open_a_document_in_chromium()
    {
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl(host.BaseAddress);
        browser.FindElement(By.CssSelector("input#q")).SendKeys("externe inhuur");
        browser.FindElement(By.CssSelector("form.search .box button[type=submit]")).Click();
        Chromium.WaitForUrl(browser, u => u.Query.StartsWith("?q=externe+inhuur", StringComparison.Ordinal), "the results page");
        Assert.Matches(@"\d+ (vraag|vragen) in \d+ (document|documenten)", browser.FindElement(By.CssSelector("p.totals")).Text);
        Chromium.Screenshot(browser, Path.Combine(Screenshots, "1-resultaten.png"));

        var facet = browser.FindElement(By.CssSelector("section.facet[data-facet=minister] a.check"));
        var minister = facet.Text;
        facet.Click();
        Chromium.WaitForUrl(browser, u => u.Query.Contains("minister=", StringComparison.Ordinal), "the filtered results");
        Assert.Contains("aria-checked=\"true\"", browser.PageSource);
        Assert.Contains(minister.Split('\n')[0].Trim(), browser.FindElement(By.CssSelector("ul.chips")).Text);
        Chromium.Screenshot(browser, Path.Combine(Screenshots, "2-facet.png"));

        browser.FindElement(By.CssSelector("ol.results li.hit h3 a")).Click();
        Chromium.WaitForUrl(browser, u => u.AbsolutePath.StartsWith("/document/", StringComparison.Ordinal), "a document page");
        Assert.Contains("Vraag 1", browser.FindElement(By.CssSelector("section.qa h3")).Text);
        var path = Path.Combine(Screenshots, "3-document.png");
        Chromium.Screenshot(browser, path);
        Assert.True(new FileInfo(path).Length > 10_000, "the screenshot is suspiciously small");
    }

    [Fact]
    public void Alle_tonen_by_keyboard_lists_every_asker_and_returns_focus_to_that_facet_with_its_list_open()
    {
        using var browser = Chromium.Start();
        browser.Navigate().GoToUrl(new Uri(host.BaseAddress, "/?q=&facetwaarden=3"));
        var link = browser.FindElement(By.CssSelector("section.facet[data-facet=indiener] p.facet-all a"));
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(link.Text, @"Alle ([\d.]+) indieners tonen").Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

        link.SendKeys(Keys.Enter);
        Chromium.WaitForUrl(browser, u => u.Query.Contains("facetwaarden=alle", StringComparison.Ordinal), "the page with every value");

        var section = browser.FindElement(By.CssSelector("section.facet[data-facet=indiener]"));
        Assert.Equal(section.GetAttribute("id"), browser.SwitchTo().ActiveElement().GetAttribute("id"));
        Assert.NotNull(section.FindElement(By.CssSelector("details")).GetAttribute("open"));
        Assert.Equal(total, section.FindElements(By.CssSelector("a.check")).Count(a => a.Displayed));
        Chromium.Screenshot(browser, Path.Combine(Screenshots, "4-alle-indieners.png"));
    }
}
