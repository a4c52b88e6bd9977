using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace SearchKamer.Tests.Host;

/// <summary>
/// Debian's headless Chromium driven by Selenium through Debian's chromedriver. Both paths are given, so
/// Selenium never looks for (or downloads) a browser or a driver of its own; nothing leaves the machine.
/// </summary>
public static class Chromium
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    /// <summary>Fails (never skips) when the browser is missing, pointing at the CI install step.</summary>
    public static void RequireBrowser()
    {
        var missing = new[] { Browser, Driver }.Where(p => !File.Exists(p)).ToList();
        Assert.True(missing.Count == 0,
            $"Missing {string.Join(" and ", missing)}: the browser test needs Debian's Chromium. Run the install step of .ci/run " +
            "(apt-get update && apt-get install -y chromium chromium-driver), as CI does.");
    }

    public static ChromeDriver Start()
    {
        RequireBrowser();
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        // chromedriver makes (and removes) a fresh profile per session, so no run sees another's cookies.
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--window-size=1280,1400");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>A click only starts a navigation; this waits until the new page is the current one and loaded.</summary>
    public static Uri WaitForUrl(IWebDriver browser, Func<Uri, bool> arrived, string what)
    {
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(15)) { Message = $"the browser did not reach {what}" };
        wait.Until(d => arrived(new Uri(d.Url)) && ((IJavaScriptExecutor)d).ExecuteScript("return document.readyState") as string == "complete");
        return new Uri(browser.Url);
    }

    /// <summary>
    /// Waits until an element holds the text. A form posted back to its own address leaves the URL as it was, so only
    /// the new page's content tells that the answer has arrived; navigating on before it can race the post.
    /// </summary>
    public static void WaitForText(IWebDriver browser, By element, string text, string what)
    {
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(15)) { Message = $"the browser did not show {what}" };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        wait.Until(d => d.FindElement(element).Text.Contains(text, StringComparison.Ordinal));
    }

    public static void Screenshot(ITakesScreenshot browser, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        browser.GetScreenshot().SaveAsFile(path);
    }
}
