using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>
/// The real host on a temp data directory whose corpus is the question set of zaak 2024Z18792 plus
/// two unrelated documents; its answer is dropped into the inbox by the tests (see Fixtures/SavedSearches/README.md).
/// Several hosts may be started one after another on the same data directory to simulate restarts.
/// </summary>
public sealed partial class SavedSearchHost : IDisposable
{
    /// <summary>Hosts are found by listening for the next host being built, process-wide: tests that build hosts run one at a time.</summary>
    public const string Collection = "saved-search-hosts";

    public const string Zaak = "2024Z18792";
    public const string QuestionSetKey = "kv-tk-2024z18792";
    public const string QuestionSetFile = "De_ontkoppeling_van_ontwikkelingshulp.pdf.txt";
    public const string AnswerFile = "Antwoord_op_vragen_van_het_lid_Boswijk_o.docx.txt";
    // The Boswijk letter prints "AH 605" and "(ontvangen 20 november 2024)": aanhangsel 605 of 2024-2025.
    public const string AnswerKey = "ah-tk-20242025-605";

    private static readonly string[] OtherFiles = ["Wachttijden_voor_stroomaansluitingen.pdf.txt", "Antwoord_op_vragen_van_het_lid_Ceder_ove.docx.txt"];

    private readonly Dictionary<string, string> _settings;
    private readonly bool _kestrel;
    private WebApplicationFactory<Program>? _factory;

    /// <param name="kestrel">Listen on a loopback port (for a real browser) instead of the in-memory test server.</param>
    public SavedSearchHost(Dictionary<string, string>? settings = null, bool kestrel = false)
    {
        _kestrel = kestrel;
        Root = Directory.CreateTempSubdirectory("searchkamer-saved-").FullName;
        var corpus = Directory.CreateDirectory(Path.Combine(Root, "corpus")).FullName;
        foreach (var file in OtherFiles.Append(QuestionSetFile))
        {
            File.Copy(RepoPaths.CorpusFile("limburg", file), Path.Combine(corpus, file));
        }

        _settings = new Dictionary<string, string>
        {
            ["SearchKamer:DataDirectory"] = Path.Combine(Root, "data"),
            ["SearchKamer:CorpusDirectory"] = corpus,
            ["SearchKamer:InboxInterval"] = "00:00:00.100",
            ["SearchKamer:PublicUrl"] = "https://zoek.example.nl",
            ["SearchKamer:Alerts:PollInterval"] = "00:00:00.200",
            ["SearchKamer:Alerts:RetryBase"] = "00:00:00.200",
            ["SearchKamer:Alerts:RetryMax"] = "00:00:00.500",
            ["SearchKamer:Alerts:WebhookTimeout"] = "00:00:30",
            // The tests' webhook receivers listen on loopback, which webhooks may not reach unless the operator allows it.
            ["SearchKamer:Webhooks:Allow:0"] = "127.0.0.1",
        };
        foreach (var (k, v) in settings ?? [])
        {
            _settings[k] = v;
        }

        Start();
    }

    public string Root { get; }

    public string Inbox => Path.Combine(Root, "data", "inbox");

    public IServiceProvider Services => _factory!.Services;

    /// <summary>The Kestrel address (only for a host started with kestrel: true).</summary>
    public Uri? BaseAddress { get; private set; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public void Start()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (k, v) in _settings)
            {
                b.UseSetting(k, v);
            }
        });
        if (!_kestrel)
        {
            _ = _factory.Server;
            return;
        }

        // Port 0: Kestrel binds a free port at once and reports it.
        _factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>Stops the host the way a shutdown does: hosted services are cancelled, the index committed and closed.</summary>
    public void Stop()
    {
        _factory?.Dispose();
        _factory = null;
    }

    public (HttpClient Client, string Token, User User) NewUser(string email)
    {
        var issued = Get<Users>().Add(email, renew: false);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        return (client, issued.Token, issued.User);
    }

    public HttpClient Anonymous() => _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost/") });

    /// <summary>A client that keeps no cookies of its own: the test sends the Cookie header it chooses (an old session replayed).</summary>
    public HttpClient Bare(params DelegatingHandler[] handlers) => _factory!.CreateDefaultClient(new Uri("https://localhost/"), handlers);

    /// <summary>A browser signed in through the personal link and its button (session cookie).</summary>
    public async Task<HttpClient> Browser(string token)
    {
        var browser = Anonymous();
        var response = await SignIn(browser, token);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Opens the sign-in link and presses its button, as a person does.</summary>
    public static Task<HttpResponseMessage> SignIn(HttpClient browser, string token) =>
        PostForm(browser, "/inloggen?token=" + Uri.EscapeDataString(token), "/inloggen", ("token", token));

    /// <summary>The feed address with its key, as the API gives it, relative to the host.</summary>
    public static async Task<string> FeedPath(HttpClient api, string apiPath)
    {
        var feed = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>(apiPath)).GetProperty("feed").GetString()!;
        return new Uri(feed).PathAndQuery;
    }

    public static async Task<string> AntiforgeryToken(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(page);
        return AntiforgeryField().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery field on " + page);
    }

    public static async Task<HttpResponseMessage> PostForm(HttpClient browser, string formPage, string action, params (string, string)[] fields)
    {
        var token = await AntiforgeryToken(browser, formPage);
        return await browser.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]));
    }

    public static async Task<long> SaveSearch(HttpClient api, string name, string state, string interval = "live")
    {
        var response = await api.PostAsJsonAsync("/api/zoekopdrachten", new { name, state, interval });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Drops a corpus file (optionally changed) into the inbox and waits until the alert evaluator has seen it.</summary>
    public async Task IngestViaInbox(string limburgFile, Func<string, string>? change = null)
    {
        var before = DateTimeOffset.UtcNow;
        var text = File.ReadAllText(RepoPaths.CorpusFile("limburg", limburgFile));
        Directory.CreateDirectory(Inbox);
        var staging = Path.Combine(Inbox, "." + limburgFile);
        File.WriteAllText(staging, change is null ? text : change(text));
        File.Move(staging, Path.Combine(Inbox, limburgFile));
        await Until(() => Get<AlertStore>().Watermark() > before, $"{limburgFile} ingested and evaluated");
    }

    /// <summary>Drops a corpus file (optionally changed) into the inbox and waits until the inbox took it (for files that bring no news, so no evaluation moves).</summary>
    public async Task DropIntoInbox(string limburgFile, Func<string, string>? change = null)
    {
        var text = File.ReadAllText(RepoPaths.CorpusFile("limburg", limburgFile));
        Directory.CreateDirectory(Inbox);
        var staging = Path.Combine(Inbox, "." + limburgFile);
        File.WriteAllText(staging, change is null ? text : change(text));
        File.Move(staging, Path.Combine(Inbox, limburgFile));
        await Until(() => !File.Exists(Path.Combine(Inbox, limburgFile)), $"{limburgFile} taken from the inbox");
        await Task.Delay(1000);
    }

    public static async Task Until(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {seconds} s for: {what}");
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        finally
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

[CollectionDefinition(SavedSearchHost.Collection, DisableParallelization = true)]
public sealed class SavedSearchHostCollection;
