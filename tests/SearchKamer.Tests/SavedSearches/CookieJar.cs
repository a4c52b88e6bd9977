using System.Collections.Concurrent;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>
/// A browser's cookies that a test can read and copy: the value of a session cookie before a renewal, to send it
/// again afterwards the way an attacker (or a stale tab) would.
/// </summary>
public sealed class CookieJar : DelegatingHandler
{
    public ConcurrentDictionary<string, string> Cookies { get; } = new();

    /// <summary>The Cookie header this jar would send now.</summary>
    public string Header => string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Cookies.IsEmpty && !request.Headers.Contains("Cookie"))
        {
            request.Headers.Add("Cookie", Header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = set.Split(';')[0];
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            // A deleted cookie comes back empty (and expired).
            if (value.Length == 0)
            {
                Cookies.TryRemove(name, out _);
            }
            else
            {
                Cookies[name] = value;
            }
        }

        return response;
    }
}
