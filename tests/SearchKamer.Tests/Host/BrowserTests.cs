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
    public async Task Search_tick_a_facet_and_open_a_document_in_chromium()
    {
        using var browser = await WebDriverClient.Start();

        await browser.Navigate(host.BaseAddress);
        await browser.Type(await browser.Find("input#q"), "externe inhuur");
        await browser.Click(await browser.Find("form.search .box button[type=submit]"));
        await browser.WaitForUrl(u => u.Query.StartsWith("?q=externe+inhuur", StringComparison.Ordinal), "the results page");
        Assert.Matches(@"\d+ (vraag|vragen) in \d+ (document|documenten)", await browser.Text(await browser.Find("p.totals")));
        await browser.Screenshot(Path.Combine(Screenshots, "1-resultaten.png"));

        var facet = await browser.Find("section.facet[data-facet=minister] a.check");
        var minister = await browser.Text(facet);
        await browser.Click(facet);
        await browser.WaitForUrl(u => u.Query.Contains("minister=", StringComparison.Ordinal), "the filtered results");
        Assert.Contains("aria-checked=\"true\"", await browser.Source());
        Assert.Contains(minister.Split('\n')[0].Trim(), await browser.Text(await browser.Find("ul.chips")));
        await browser.Screenshot(Path.Combine(Screenshots, "2-facet.png"));

        await browser.Click(await browser.Find("ol.results li.hit h3 a"));
        await browser.WaitForUrl(u => u.AbsolutePath.StartsWith("/document/", StringComparison.Ordinal), "a document page");
        Assert.Contains("Vraag 1", await browser.Text(await browser.Find("section.qa h3")));
        var path = Path.Combine(Screenshots, "3-document.png");
        await browser.Screenshot(path);
        Assert.True(new FileInfo(path).Length > 10_000, "the screenshot is suspiciously small");
    }
}
