using System.Net;
using System.Net.Sockets;

namespace SearchKamer.SavedSearches;

/// <summary>A webhook target this host will not talk to; the message is the only thing users see.</summary>
public sealed class WebhookRefusedException(string detail) : Exception(detail)
{
    public const string UserMessage = "webhook-adres afgewezen: alleen openbare http(s)-adressen zijn toegestaan";
}

/// <summary>
/// Which addresses webhooks may reach (OWASP SSRF guidance): only public unicast, unless the operator
/// allows a host name or an address range (SearchKamer:Webhooks:Allow). The check runs at registration
/// and again on every connect, against the address actually dialled, so a name that later resolves to
/// an inside address (DNS rebinding) is refused too.
/// </summary>
public sealed class WebhookTargets
{
    private static readonly IpRange[] Blocked =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(IpRange.Parse),
    ];

    private readonly IpRange[] _allowedRanges;
    private readonly HashSet<string> _allowedHosts;

    /// <param name="allow">Host names, addresses or CIDR ranges the operator trusts (tests: their loopback listener).</param>
    public WebhookTargets(IEnumerable<string> allow)
    {
        var entries = allow.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        _allowedRanges = [.. entries.Where(IpRange.IsRange).Select(IpRange.Parse)];
        _allowedHosts = new HashSet<string>(entries.Where(e => !IpRange.IsRange(e)), StringComparer.OrdinalIgnoreCase);
    }

    public static WebhookTargets None { get; } = new([]);

    /// <summary>The URL as stored, or <see cref="WebhookRefusedException"/>: wrong scheme, credentials, or any resolved address not allowed.</summary>
    public async Task<string> CheckAsync(string url, CancellationToken cancellationToken)
    {
        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length > 0 || uri.IsFile || uri.IsUnc)
        {
            throw new WebhookRefusedException("not an http(s) URL");
        }

        var addresses = await ResolveAsync(uri.IdnHost, cancellationToken);
        if (addresses.Length == 0 || addresses.Any(a => !Allowed(uri.IdnHost, a)))
        {
            throw new WebhookRefusedException($"{uri.IdnHost} resolves to a refused address");
        }

        return uri.ToString();
    }

    /// <summary>For SocketsHttpHandler.ConnectCallback: resolves, keeps the allowed addresses, connects to the first that answers.</summary>
    public async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var allowed = (await ResolveAsync(endPoint.Host, cancellationToken)).Where(a => Allowed(endPoint.Host, a)).ToList();
        if (allowed.Count == 0)
        {
            throw new WebhookRefusedException($"{endPoint.Host} has no allowed address");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public bool Allowed(string host, IPAddress address)
    {
        if (_allowedHosts.Contains(host.Trim('[', ']')) || _allowedRanges.Any(r => r.Contains(address)))
        {
            return true;
        }

        return IsPublic(Embedded(address) ?? address);
    }

    private static bool IsPublic(IPAddress a) =>
        !Blocked.Any(r => r.Contains(a)) && (a.AddressFamily == AddressFamily.InterNetwork || IpRange.GlobalUnicast.Contains(a));

    /// <summary>
    /// The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4), or the address itself when IPv4: a
    /// wrapped address is judged by what it wraps (::ffff:127.0.0.1 is loopback).
    /// </summary>
    private static IPAddress? Embedded(IPAddress a)
    {
        if (a.AddressFamily == AddressFamily.InterNetwork)
        {
            return a;
        }

        if (a.IsIPv4MappedToIPv6)
        {
            return a.MapToIPv4();
        }

        var b = a.GetAddressBytes();
        if (IpRange.Nat64.Contains(a))
        {
            return new IPAddress(b[12..16]);
        }

        return b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b[2..6]) : null;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var literal))
        {
            return [literal];
        }

        try
        {
            return await Dns.GetHostAddressesAsync(bare, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}

/// <summary>An address range in CIDR notation; a bare address is a range of one.</summary>
internal sealed record IpRange(byte[] Prefix, int Bits)
{
    public static readonly IpRange GlobalUnicast = Parse("2000::/3");
    public static readonly IpRange Nat64 = Parse("64:ff9b::/96");

    public static bool IsRange(string s) => IPAddress.TryParse(s.Split('/')[0], out _) && (!s.Contains('/') || int.TryParse(s.Split('/')[1], out _));

    public static IpRange Parse(string s)
    {
        var parts = s.Split('/');
        var address = IPAddress.Parse(parts[0]).GetAddressBytes();
        var bits = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : address.Length * 8;
        return bits < 0 || bits > address.Length * 8 ? throw new FormatException($"ongeldig adresbereik \"{s}\"") : new IpRange(address, bits);
    }

    public bool Contains(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (bytes.Length != Prefix.Length)
        {
            return false;
        }

        for (var bit = 0; bit < Bits; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((bytes[bit / 8] & mask) != (Prefix[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
