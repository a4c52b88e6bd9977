using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using SearchKamer.Search;

namespace SearchKamer.Host.Web;

/// <summary>
/// Asks the host's own <c>/api/search</c> through a real connection on loopback, for the start-up warm-up: a search
/// asked without a connection leaves Kestrel's side of a request (parsing, the middleware, the endpoint filter, writing
/// to the socket) to be compiled under the first visitors' load, and the first peer-benchmark run after a start was a
/// quarter slower than the second (docs/start-up.md). Only plain HTTP on an address of this machine is asked.
/// </summary>
public sealed class LoopbackApi(IServer server, IHostApplicationLifetime lifetime, IOptions<HostFilteringOptions> hosts) : IDisposable
{
    // How long a warm-up waits for Kestrel to listen, and for one answer: together SearchWarmup.ConnectionSlack.
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(5);

    private readonly Lazy<HttpClient?> _client = new(() => Address(server, lifetime) is { } address
        ? Client(address, HostHeaderFor(hosts.Value.AllowedHosts ?? []))
        : null);

    /// <summary>Asks one search; false when the host has no plain-HTTP address or the search did not answer 200 or 400.</summary>
    public bool Ask(SearchRequest request)
    {
        if (_client.Value is not { } client)
        {
            return false;
        }

        try
        {
            using var response = client.GetAsync(SearchParameters.ApiPath(request)).GetAwaiter().GetResult();
            // A 400 (a poor prefix) is a whole answer too.
            return (int)response.StatusCode is 200 or 400;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Refused, cut or too slow: the warm-up ends here, the host serves regardless.
            return false;
        }
    }

    /// <summary>
    /// The first plain-HTTP address the server listens on, with a wildcard host ("0.0.0.0", "[::]", "+", "*") or a
    /// name ("localhost") replaced by the loopback address; null for a server without addresses (a test server) or with
    /// HTTPS only.
    /// </summary>
    public static Uri? LoopbackOf(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            // "+" and "*" are not host names a URI parser takes.
            var text = address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                continue;
            }

            var host = uri.HostNameType switch
            {
                UriHostNameType.IPv4 => uri.Host == "0.0.0.0" ? "127.0.0.1" : uri.Host,
                UriHostNameType.IPv6 => uri.Host == "[::]" ? "[::1]" : uri.Host,
                // "localhost", or a name, on which Kestrel listens at every address: never looked up elsewhere.
                _ => "127.0.0.1",
            };
            return new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
        }

        return null;
    }

    /// <summary>
    /// The Host header a request must carry to pass the host filter (<c>AllowedHosts</c>): the first host named in full,
    /// or null when every host is allowed ("*", or nothing configured) or only wildcards are named. Without it, a host
    /// that names its public name would answer the loopback address with a 400, and the search would not run.
    /// </summary>
    public static string? HostHeaderFor(IEnumerable<string> allowedHosts)
    {
        var named = allowedHosts.Where(h => h.Length > 0).ToList();
        return named.Count == 0 || named.Contains("*") ? null : named.FirstOrDefault(h => !h.StartsWith('*'));
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value?.Dispose();
        }
    }

    private static HttpClient Client(Uri address, string? hostHeader)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = AnswerWait };
        client.DefaultRequestHeaders.Host = hostHeader;
        return client;
    }

    private static Uri? Address(IServer server, IHostApplicationLifetime lifetime)
    {
        // The warm-up starts with the host; Kestrel reports its addresses once it listens.
        lifetime.ApplicationStarted.WaitHandle.WaitOne(StartWait);
        return server.Features.Get<IServerAddressesFeature>() is { } feature ? LoopbackOf(feature.Addresses) : null;
    }
}
