using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SearchKamer.Tests.Host;

/// <summary>
/// The real host on Kestrel (a loopback port it binds itself, so a browser can reach it too) over a temp data
/// directory: the bootstrap indexes the bundled corpus, and a copy of a real answer document with
/// "&lt;script&gt;" in one answer goes through the inbox watcher before any test runs.
/// </summary>
public sealed class HostFixture : IDisposable
{
    public const string ScriptDocumentId = "file:script-in-antwoord.txt";

    private readonly Factory _factory;

    public HostFixture()
    {
        Data = Directory.CreateTempSubdirectory("searchkamer-host-").FullName;
        var inbox = Directory.CreateDirectory(Path.Combine(Data, "inbox")).FullName;
        var lines = File.ReadAllLines(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_het_lid_Mutluer_o.docx.txt")).ToList();
        var answer = lines.FindIndex(l => l.StartsWith("Antwoord op vraag 1", StringComparison.Ordinal)) + 1;
        lines[answer] += " <script>alert(1)</script>";
        // Without its "AH 604" line the copy has no id of its own (it would replace ah-tk-20242025-604): a file keyed by name.
        lines.RemoveAll(l => l.Trim() == "AH 604");
        File.WriteAllLines(Path.Combine(inbox, "script-in-antwoord.txt"), lines);

        _factory = new Factory(Data);
        // Port 0: Kestrel binds a free port at once and reports it, so no other process can take it in between.
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Port = BaseAddress.Port;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        // Tests that compare two requests (page against API) must not straddle the inbox document's commit.
        WaitForDocument(ScriptDocumentId, TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
    }

    public string Data { get; }

    public string Inbox => Path.Combine(Data, "inbox");

    public int Port { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>The host's own services, to check how it is wired.</summary>
    public IServiceProvider Services => _factory.Services;

    public async Task<string> Html(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    public async Task<JsonElement> Json(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls until the inbox watcher has indexed a document, or fails after the timeout.</summary>
    public async Task WaitForDocument(string id, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            using var response = await Client.GetAsync("/api/documents/" + Uri.EscapeDataString(id));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"document {id} did not appear in the index within {timeout.TotalSeconds} s (inbox: {string.Join(", ", Directory.EnumerateFileSystemEntries(Inbox, "*", SearchOption.AllDirectories))})");
    }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        Directory.Delete(Data, recursive: true);
    }

    private sealed class Factory(string data) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("SearchKamer:DataDirectory", data);
            builder.UseSetting("SearchKamer:CorpusDirectory", RepoPaths.Corpus);
            builder.UseSetting("SearchKamer:InboxInterval", "00:00:00.200");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
