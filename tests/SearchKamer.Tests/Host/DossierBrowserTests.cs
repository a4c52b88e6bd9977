using OpenQA.Selenium;

namespace SearchKamer.Tests.Host;

/// <summary>
/// Chromium on the real host: a dossier page (question set with its answer) and the statistics page,
/// as a reader sees them; screenshots land in the test output beside those of <see cref="BrowserTests"/>.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DossierBrowserTests(HostFixture host)
{
    [Fact]
    public void A_dossier_page_and_the_statistics_page_render_in_chromium()
    {
        using var browser = Chromium.Start();

        browser.Navigate().GoToUrl(new Uri(host.BaseAddress, "/document/kv-tk-2024z18792"));
        Assert.Contains("Vragen ingezonden", browser.FindElement(By.CssSelector("section.dossier ol.timeline")).Text);
        Assert.Contains("beantwoord na 1 dag", browser.FindElement(By.CssSelector("section.dossier h2 .state")).Text);
        var dossier = Path.Combine(BrowserTests.Screenshots, "4-dossier.png");
        Chromium.Screenshot(browser, dossier);
        Assert.True(new FileInfo(dossier).Length > 10_000, "the dossier screenshot is suspiciously small");

        browser.FindElement(By.CssSelector("section.dossier ol.timeline li a[href='/document/ah-tk-20242025-605']")).Click();
        Chromium.WaitForUrl(browser, u => u.AbsolutePath == "/document/ah-tk-20242025-605", "the answer's page");

        browser.FindElement(By.CssSelector("nav.site-nav a[href='/statistiek']")).Click();
        Chromium.WaitForUrl(browser, u => u.AbsolutePath == "/statistiek", "the statistics page");
        Assert.Contains("Per ministerie", browser.FindElement(By.CssSelector("main")).Text);
        browser.FindElement(By.CssSelector("svg.chart rect.bar"));
        var statistics = Path.Combine(BrowserTests.Screenshots, "5-statistiek.png");
        Chromium.Screenshot(browser, statistics);
        Assert.True(new FileInfo(statistics).Length > 10_000, "the statistics screenshot is suspiciously small");
    }
}
