using System.Text.Json;
using OpenQA.Selenium;

namespace SearchKamer.Tests.Host;

/// <summary>
/// axe-core 4.14.1 from npm (tests/a11y, installed by .ci/run with npm ci), injected into the page Chromium has
/// open and run with the WCAG 2.1 A and AA tags. Fails, never skips, when axe-core is missing.
/// </summary>
public static class Axe
{
    public static readonly string Script = Path.Combine(RepoPaths.Root, "tests", "a11y", "node_modules", "axe-core", "axe.min.js");

    private static readonly Lazy<string> Source = new(() =>
    {
        Assert.True(File.Exists(Script), $"Missing {Script}: the accessibility test needs axe-core from npm. Run the install step of .ci/run " +
            "(npm ci --prefix tests/a11y), as CI does.");
        return File.ReadAllText(Script);
    });

    /// <summary>The violations on the current page, one line each: rule id, impact and the elements it names.</summary>
    public static IReadOnlyList<string> Violations(IWebDriver browser)
    {
        var js = (IJavaScriptExecutor)browser;
        js.ExecuteScript(Source.Value);
        Assert.Equal("4.14.1", js.ExecuteScript("return axe.version") as string);
        browser.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        var json = js.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
              .then(r => done(JSON.stringify(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')))))
              .catch(e => done(JSON.stringify(['axe failed: ' + e])));
            """) as string ?? throw new InvalidOperationException("axe.run gave no answer");
        return JsonSerializer.Deserialize<string[]>(json)!;
    }
}
