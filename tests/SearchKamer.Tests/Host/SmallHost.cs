using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchKamer.Host.Services;
using SearchKamer.Host.Web;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Tests.Host;

/// <summary>
/// A host of a test's own (in memory, no port) over a fresh data directory and a corpus folder the
/// test chooses, for tests that change what a host holds: the shared <see cref="HostFixture"/> stays as it was.
/// </summary>
public sealed class SmallHost : IDisposable
{
    private readonly Factory _factory;

    /// <param name="corpus">The corpus folder; null for an empty one inside the host's data directory, deleted with it.</param>
    /// <param name="warmupClock">With a clock: the start-up warm-up runs (off otherwise) and reads this clock.</param>
    public SmallHost(string? corpus, TimeProvider? warmupClock = null)
    {
        Data = Directory.CreateTempSubdirectory("searchkamer-small-host-").FullName;
        Directory.CreateDirectory(Inbox);
        _factory = new Factory(Data, corpus ?? Directory.CreateDirectory(Path.Combine(Data, "empty-corpus")).FullName, warmupClock);
        Client = _factory.CreateClient();
    }

    public string Data { get; }

    public string Inbox => Path.Combine(Data, "inbox");

    public HttpClient Client { get; }

    public SearchIndex Index => _factory.Services.GetRequiredService<SearchIndex>();

    /// <summary>A host over a folder with no files: it starts without an index.</summary>
    public static SmallHost OverEmptyCorpus() => new(corpus: null);

    /// <summary>Copies a file under a dot name the watcher skips, then renames it, so it never sees half a file.</summary>
    public string Drop(string source, string name)
    {
        var hidden = Path.Combine(Inbox, "." + name);
        File.Copy(source, hidden);
        File.Move(hidden, Path.Combine(Inbox, name));
        return Path.Combine(Inbox, name);
    }

    public static async Task Until(Func<bool> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"{what} did not happen within {timeout.TotalSeconds} s");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        Directory.Delete(Data, recursive: true);
    }

    private sealed class Factory(string data, string corpus, TimeProvider? warmupClock) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("SearchKamer:DataDirectory", data);
            builder.UseSetting("SearchKamer:CorpusDirectory", corpus);
            builder.UseSetting("SearchKamer:InboxInterval", "00:00:00.100");
            builder.UseSetting("SearchKamer:WarmupSearches", warmupClock is null ? "0" : "1000");
            if (warmupClock is not null)
            {
                // Only the warm-up gets the test's clock; the other services keep the real one.
                builder.ConfigureTestServices(services => services.AddSingleton(sp => new SearchWarmup(sp.GetRequiredService<SearchIndex>(),
                    sp.GetRequiredService<SearchEngine>(), sp.GetRequiredService<IOptions<SearchKamerOptions>>(), NullLogger<SearchWarmup>.Instance, warmupClock,
                    request => ApiEndpoints.AskWithoutConnection(sp, request), compiledMethods: () => 0)));
            }
        }
    }
}
