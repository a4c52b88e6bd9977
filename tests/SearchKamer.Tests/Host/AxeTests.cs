using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.Host;

/// <summary>0 axe-core violations (WCAG 2.1 A and AA) on every page kind of the real host, signed out and signed in.</summary>
[Collection(HostCollection.Name)]
public sealed class AxeTests(HostFixture host)
{
    /// <summary>Every kind of page: landing, results (with a facet ticked), question set and answer, lists, errors, sign-in.</summary>
    private static readonly string[] PublicPages =
    [
        "/", "/?q=externe+inhuur", "/?q=ontwikkelingshulp&partij=CDA&sort=nieuwste", "/?q=zzqqxx", "/document/kv-tk-2024z18792",
        "/document/ah-tk-20242025-605", "/open-vragen", "/statistiek", "/aanmelden", "/bestaat-niet", "/?page=abc",
    ];

    private static readonly string[] PersonalPages = ["/mijn", "/mijn/zoekopdrachten", "/mijn/zoekopdrachten/nieuw?q=stikstof", "/mijn/volgen", "/mijn/meldingen", "/mijn/instellingen"];

    [Fact]
    public void Every_page_kind_has_no_axe_violations_signed_out_and_signed_in()
    {
        using var browser = Chromium.Start();
        var found = new List<string>();
        foreach (var page in PublicPages)
        {
            found.AddRange(Check(browser, page));
        }

        var issued = host.Services.GetRequiredService<Users>().Add("axe@example.nl", renew: true);
        browser.Navigate().GoToUrl(new Uri(host.BaseAddress, "/inloggen?token=" + Uri.EscapeDataString(issued.Token)));
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        Chromium.WaitForUrl(browser, u => u.AbsolutePath == "/mijn", "the personal overview");
        foreach (var page in PersonalPages.Concat(["/?q=externe+inhuur", "/document/kv-tk-2024z18792"]))
        {
            found.AddRange(Check(browser, page).Select(v => "(aangemeld) " + v));
        }

        Assert.True(found.Count == 0, "axe-core found:\n" + string.Join("\n", found));
    }

    private IEnumerable<string> Check(IWebDriver browser, string page)
    {
        browser.Navigate().GoToUrl(new Uri(host.BaseAddress, page));
        return Axe.Violations(browser).Select(v => $"{page}: {v}");
    }
}
