using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SearchKamer.Tests.Host;

/// <summary>
/// Just enough of the W3C WebDriver protocol to drive Debian's headless Chromium through
/// chromedriver with plain HTTP: no browser download, nothing leaves the machine.
/// </summary>
public sealed class WebDriverClient : IDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    public const string ChromeDriver = "/usr/bin/chromedriver";

    // W3C's fixed key for element references in JSON.
    private const string ElementKey = "element-6066-11e4-a52e-4f735466cecf";

    private readonly Process _driver;
    private readonly HttpClient _http;
    private readonly string _profile;
    private readonly string _session;

    private WebDriverClient(Process driver, HttpClient http, string profile, string session)
    {
        _driver = driver;
        _http = http;
        _profile = profile;
        _session = session;
    }

    /// <summary>Fails (never skips) when the browser is missing, pointing at the CI install step.</summary>
    public static void RequireBrowser()
    {
        var missing = new[] { Chromium, ChromeDriver }.Where(p => !File.Exists(p)).ToList();
        Assert.True(missing.Count == 0,
            $"Missing {string.Join(" and ", missing)}: the browser test needs Debian's Chromium. Run the install step of .ci/run " +
            "(apt-get update && apt-get install -y chromium chromium-driver), as CI does.");
    }

    public static async Task<WebDriverClient> Start()
    {
        RequireBrowser();
        var port = LoopbackPort.Free();
        var driver = Process.Start(new ProcessStartInfo(ChromeDriver, $"--port={port} --allowed-ips=127.0.0.1")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        driver.OutputDataReceived += (_, _) => { };
        driver.ErrorDataReceived += (_, _) => { };
        driver.BeginOutputReadLine();
        driver.BeginErrorReadLine();

        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        var profile = Directory.CreateTempSubdirectory("searchkamer-chromium-").FullName;
        try
        {
            await WaitUntilReady(http, driver);
            var capabilities = new JsonObject
            {
                ["capabilities"] = new JsonObject
                {
                    ["alwaysMatch"] = new JsonObject
                    {
                        ["browserName"] = "chrome",
                        ["goog:chromeOptions"] = new JsonObject
                        {
                            ["binary"] = Chromium,
                            ["args"] = new JsonArray(
                                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--no-first-run", "--window-size=1280,1400", $"--user-data-dir={profile}"),
                        },
                    },
                },
            };
            var created = await Send(http, HttpMethod.Post, "/session", capabilities);
            return new WebDriverClient(driver, http, profile, created["value"]!["sessionId"]!.GetValue<string>());
        }
        catch
        {
            // A driver that started without a session would outlive the test run.
            driver.Kill(entireProcessTree: true);
            driver.Dispose();
            http.Dispose();
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }

    public Task Navigate(Uri url) => Command(HttpMethod.Post, "url", new JsonObject { ["url"] = url.ToString() });

    public async Task<Uri> CurrentUrl() => new((await Command(HttpMethod.Get, "url"))!.GetValue<string>());

    /// <summary>A click only starts a navigation; this waits until the new page is the current one.</summary>
    public async Task<Uri> WaitForUrl(Func<Uri, bool> arrived, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        var url = await CurrentUrl();
        while (!arrived(url) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            url = await CurrentUrl();
        }

        Assert.True(arrived(url), $"the browser did not reach {what}; it is at {url}");
        while ((await Command(HttpMethod.Post, "execute/sync", new JsonObject { ["script"] = "return document.readyState", ["args"] = new JsonArray() }))?.GetValue<string>() != "complete"
            && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        return url;
    }

    public async Task<string> Source() => (await Command(HttpMethod.Get, "source"))!.GetValue<string>();

    public async Task<string> Find(string css)
    {
        var value = await Command(HttpMethod.Post, "element", new JsonObject { ["using"] = "css selector", ["value"] = css });
        return value![ElementKey]!.GetValue<string>();
    }

    public async Task<string> Text(string element) => (await Command(HttpMethod.Get, $"element/{element}/text"))!.GetValue<string>();

    public Task Type(string element, string text) => Command(HttpMethod.Post, $"element/{element}/value", new JsonObject { ["text"] = text });

    public Task Click(string element) => Command(HttpMethod.Post, $"element/{element}/click", new JsonObject());

    public async Task Screenshot(string path)
    {
        var png = Convert.FromBase64String((await Command(HttpMethod.Get, "screenshot"))!.GetValue<string>());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, png);
    }

    public void Dispose()
    {
        try
        {
            _http.DeleteAsync($"/session/{_session}").GetAwaiter().GetResult().Dispose();
        }
        catch (HttpRequestException)
        {
            // The driver is killed below either way.
        }

        _driver.Kill(entireProcessTree: true);
        _driver.WaitForExit(5000);
        _driver.Dispose();
        _http.Dispose();
        Directory.Delete(_profile, recursive: true);
    }

    private async Task<JsonNode?> Command(HttpMethod method, string path, JsonNode? body = null) =>
        (await Send(_http, method, $"/session/{_session}/{path}", body))["value"];

    private static async Task<JsonNode> Send(HttpClient http, HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            // A string body has a Content-Length; chromedriver drops chunked requests.
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"WebDriver {method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task WaitUntilReady(HttpClient http, Process driver)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until && !driver.HasExited)
        {
            try
            {
                using var status = await http.GetAsync("/status");
                var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
                if (json.RootElement.GetProperty("value").GetProperty("ready").GetBoolean())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"chromedriver did not become ready (exited: {driver.HasExited})");
    }
}
