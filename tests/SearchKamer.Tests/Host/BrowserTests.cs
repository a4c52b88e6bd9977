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
}
