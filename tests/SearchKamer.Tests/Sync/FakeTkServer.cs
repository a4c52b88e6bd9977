using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SearchKamer.Tests.Sync;

/// <summary>How the fake writes each entry's category.</summary>
public enum FeedStyle
{
    /// <summary>As the live feed: the entity element's name, lowerCamelCase (<c>document</c>, <c>zaakActor</c>).</summary>
    Live,

    /// <summary>PascalCase terms, as older fixtures and some third-party copies have them.</summary>
    PascalCase,

    /// <summary>No category element at all: only the requested category says what an entry is.</summary>
    NoCategory,
}

public enum Fault
{
    /// <summary>Answers only after a long pause (longer than the client's attempt timeout).</summary>
    Slow,
    ServerError,

    /// <summary>Declares the full Content-Length, sends half, then drops the connection.</summary>
    Truncated,

    /// <summary>A complete HTTP response whose body is only the first half of the real one.</summary>
    ShortBody,
}

/// <summary>
/// A SyncFeed 2.0 and file server on 127.0.0.1 (Kestrel, port 0), fed from Fixtures/syncfeed. The change
/// log is global across categories, as upstream; skiptoken = position of the last entry read.
/// </summary>
public sealed partial class FakeTkServer : IAsyncDisposable
{
    public const long FirstToken = 20127000;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Tk = "http://www.tweedekamer.nl/xsd/tkData/v1-0";

    private readonly List<(string Category, XElement Entity, DateTimeOffset Updated)> _log = [];
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> _files = new();
    private readonly ConcurrentQueue<(string PathPart, Fault Fault)> _faults = new();
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _firstFile = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlightFiles;

    private FakeTkServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int PageSize { get; set; } = 4;

    public FeedStyle Style { get; set; } = FeedStyle.Live;

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    public ConcurrentBag<string> Requests { get; } = [];

    /// <summary>Completes when the first file download arrives: the sync has read the feed and started on its queue.</summary>
    public Task FirstFileRequest => _firstFile.Task;

    public int MaxConcurrentFiles { get; private set; }

    public static async Task<FakeTkServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = new FakeTkServer(builder.Build());
        server.LoadFixture();
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.BaseUrl = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>Adds a change to the end of the log, as upstream does when an entity changes or is deleted.</summary>
    public void Append(string category, XElement entity)
    {
        lock (_log)
        {
            _log.Add((category, entity, DateTimeOffset.Parse("2024-12-01T00:00:00Z", CultureInfo.InvariantCulture).AddMinutes(_log.Count)));
        }
    }

    /// <summary>The current (last) state of an entity in the log, for building a change from it.</summary>
    public XElement Latest(string id)
    {
        lock (_log)
        {
            return new XElement(_log.Last(e => (string?)e.Entity.Attribute("id") == id).Entity);
        }
    }

    /// <summary>Takes every change of these categories out of the log, to append later in another order.</summary>
    public IReadOnlyList<(string Category, XElement Entity)> Withhold(params string[] categories)
    {
        lock (_log)
        {
            var taken = _log.Where(e => categories.Contains(e.Category, StringComparer.OrdinalIgnoreCase)).Select(e => (e.Category, e.Entity)).ToList();
            _log.RemoveAll(e => categories.Contains(e.Category, StringComparer.OrdinalIgnoreCase));
            return taken;
        }
    }

    public void SetFile(string id, byte[] bytes, string contentType) => _files[id] = (bytes, contentType);

    /// <summary>The file is no longer served (404), as upstream once a document is deleted.</summary>
    public void RemoveFile(string id) => _files.TryRemove(id, out _);

    public byte[] File(string id) => _files[id].Bytes;

    /// <summary>The next request whose path contains <paramref name="pathPart"/> gets this fault (once per call).</summary>
    public void Inject(string pathPart, Fault fault, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue((pathPart, fault));
        }
    }

    public int FaultsLeft => _faults.Count;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void LoadFixture()
    {
        var root = XDocument.Load(Path.Combine(RepoPaths.Fixtures, "syncfeed", "entities.xml")).Root!;
        foreach (var entity in root.Elements())
        {
            var name = entity.Name.LocalName;
            Append(char.ToUpperInvariant(name[0]) + name[1..], entity);
        }

        foreach (var line in System.IO.File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "syncfeed", "resources.tsv")).Where(l => l.Length > 0))
        {
            var cols = line.Split('\t');
            SetFile(cols[0], System.IO.File.ReadAllBytes(Path.Combine(RepoPaths.Root, cols[1])), cols[2]);
        }
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        Requests.Add(path + ctx.Request.QueryString);
        var isFile = path.StartsWith("/SyncFeed/2.0/Resources/", StringComparison.Ordinal);
        if (isFile)
        {
            _firstFile.TrySetResult();
            var now = Interlocked.Increment(ref _inFlightFiles);
            lock (_faults)
            {
                MaxConcurrentFiles = Math.Max(MaxConcurrentFiles, now);
            }
        }

        try
        {
            byte[] body;
            string type;
            if (path == "/OData/v4/2.0/Document")
            {
                (body, type) = ODataDocuments(ctx.Request.Query);
                if (body.Length == 0)
                {
                    ctx.Response.StatusCode = 400;
                    await ctx.Response.WriteAsync("{\"error\":{\"message\":\"$filter op Soort en Datum ontbreekt\"}}");
                    return;
                }
            }
            else if (path == "/SyncFeed/2.0/Feed")
            {
                body = Encoding.UTF8.GetBytes(Page(ctx.Request.Query["category"].ToString(), ctx.Request.Query["skiptoken"].ToString()));
                type = "application/atom+xml; charset=utf-8";
            }
            else if (isFile && _files.TryGetValue(path["/SyncFeed/2.0/Resources/".Length..], out var file))
            {
                (body, type) = file;
                await Task.Delay(20, ctx.RequestAborted);
            }
            else
            {
                ctx.Response.StatusCode = 404;
                return;
            }

            await WriteAsync(ctx, path, body, type);
        }
        finally
        {
            if (isFile)
            {
                Interlocked.Decrement(ref _inFlightFiles);
            }
        }
    }

    private async Task WriteAsync(HttpContext ctx, string path, byte[] body, string type)
    {
        Fault? fault = null;
        lock (_faults)
        {
            if (_faults.TryPeek(out var next) && path.Contains(next.PathPart, StringComparison.Ordinal))
            {
                _faults.TryDequeue(out _);
                fault = next.Fault;
            }
        }

        switch (fault)
        {
            case Fault.Slow:
                await Task.Delay(SlowDelay, ctx.RequestAborted).ContinueWith(_ => { }, CancellationToken.None);
                return;
            case Fault.ServerError:
                ctx.Response.StatusCode = 500;
                await ctx.Response.WriteAsync("{\"error\":{\"message\":\"interne fout\"}}");
                return;
            case Fault.Truncated:
                ctx.Response.ContentType = type;
                ctx.Response.ContentLength = body.Length;
                await ctx.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                await ctx.Response.Body.FlushAsync();
                ctx.Abort();
                return;
            case Fault.ShortBody:
                body = body[..(body.Length / 2)];
                break;
        }

        ctx.Response.ContentType = type;
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body);
    }

    /// <summary>
    /// One page in the live feed's form (tk-open-data.md §10 and an entry printed from the live feed in 2024):
    /// self and resume links, per-entry author, lowerCamelCase category term, a next link per entry in
    /// PascalCase with category before skiptoken, an enclosure link for entities with a file, and the entity in
    /// the tkData namespace with tk: attributes and xsi:nil.
    /// </summary>
    private string Page(string category, string skiptoken)
    {
        var after = long.TryParse(skiptoken, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : FirstToken - 1;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", "Gegevensmagazijn SyncFeed"),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{BaseUrl}/SyncFeed/2.0/Feed?category={category}&skiptoken={skiptoken}")),
            new XElement(Atom + "updated", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)),
            new XElement(Atom + "author", new XElement(Atom + "name", "Tweede Kamer der Staten-Generaal")));
        long? last = null;
        lock (_log)
        {
            var taken = 0;
            for (var i = 0; i < _log.Count && taken < PageSize; i++)
            {
                var token = FirstToken + i;
                var (cat, entity, updated) = _log[i];
                if (token <= after || !cat.Equals(category, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                taken++;
                last = token;
                feed.Add(Entry(cat, entity, updated, token));
            }
        }

        if (last is { } resume)
        {
            feed.Elements(Atom + "author").Single().AddBeforeSelf(
                new XElement(Atom + "link", new XAttribute("rel", "resume"), new XAttribute("href", $"{BaseUrl}/SyncFeed/2.0/Feed?category={category}&skiptoken={resume}")));
        }

        return new XDeclaration("1.0", "utf-8", null) + Environment.NewLine + feed.ToString(SaveOptions.DisableFormatting);
    }

    private XElement Entry(string category, XElement entity, DateTimeOffset updated, long token)
    {
        var id = (string)entity.Attribute("id")!;
        var content = new XElement(entity);
        content.SetAttributeValue(XNamespace.Xmlns + "tk", Tk.NamespaceName);
        content.SetAttributeValue(XNamespace.Xmlns + "xsi", "http://www.w3.org/2001/XMLSchema-instance");
        var entry = new XElement(Atom + "entry",
            new XElement(Atom + "title", id),
            new XElement(Atom + "id", $"{BaseUrl}/SyncFeed/2.0/Entiteiten/{id}"),
            new XElement(Atom + "author", new XElement(Atom + "name", "Tweede Kamer der Staten-Generaal")),
            new XElement(Atom + "updated", updated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        if (Style != FeedStyle.NoCategory)
        {
            entry.Add(new XElement(Atom + "category", new XAttribute("term", Style == FeedStyle.Live ? entity.Name.LocalName : category)));
        }

        if (entity.Attribute(Tk + "contentType") is not null)
        {
            entry.Add(new XElement(Atom + "link", new XAttribute("rel", "enclosure"), new XAttribute("href", $"{BaseUrl}/SyncFeed/2.0/Resources/{id}")));
        }

        entry.Add(
            new XElement(Atom + "link", new XAttribute("rel", "next"), new XAttribute("href", $"{BaseUrl}/SyncFeed/2.0/Feed?category={category}&skiptoken={token}")),
            new XElement(Atom + "content", new XAttribute("type", "application/xml"), content));
        return entry;
    }
}
