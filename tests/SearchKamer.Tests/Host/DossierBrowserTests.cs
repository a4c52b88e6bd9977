namespace SearchKamer.Tests.Host;

/// <summary>
/// Chromium on the real host: a dossier page (question set with its answer) and the statistics page,
/// as a reader sees them; screenshots land in the test output beside those of <see cref="BrowserTests"/>.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DossierBrowserTests(HostFixture host)
{
    [Fact]
    public async Task A_dossier_page_and_the_statistics_page_render_in_chromium()
    {
        using var browser = await WebDriverClient.Start();

        await browser.Navigate(new Uri(host.BaseAddress, "/document/kv-tk-2024z18792"));
        Assert.Contains("Vragen ingezonden", await browser.Text(await browser.Find("section.dossier ol.timeline")));
        Assert.Contains("beantwoord na 1 dag", await browser.Text(await browser.Find("section.dossier h2 .state")));
        var dossier = Path.Combine(BrowserTests.Screenshots, "4-dossier.png");
        await browser.Screenshot(dossier);
        Assert.True(new FileInfo(dossier).Length > 10_000, "the dossier screenshot is suspiciously small");

        await browser.Click(await browser.Find("section.dossier ol.timeline li a[href='/document/ah-tk-20242025-605']"));
        await browser.WaitForUrl(u => u.AbsolutePath == "/document/ah-tk-20242025-605", "the answer's page");

        await browser.Click(await browser.Find("nav.site-nav a[href='/statistiek']"));
        await browser.WaitForUrl(u => u.AbsolutePath == "/statistiek", "the statistics page");
        Assert.Contains("Per ministerie", await browser.Text(await browser.Find("main")));
        await browser.Find("svg.chart rect.bar");
        var statistics = Path.Combine(BrowserTests.Screenshots, "5-statistiek.png");
        await browser.Screenshot(statistics);
        Assert.True(new FileInfo(statistics).Length > 10_000, "the statistics screenshot is suspiciously small");
    }
}
