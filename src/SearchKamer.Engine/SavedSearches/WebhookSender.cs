using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SearchKamer.SavedSearches;

/// <summary>
/// POSTs alerts as JSON to the user's webhook, signed so the receiver can check it came from us and is
/// fresh: <c>X-SearchKamer-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" with the user's webhook secret&gt;</c>
/// (docs/security.md has a verification example). The client follows no redirects and dials only
/// addresses <see cref="WebhookTargets"/> allows; both are set where the client is built.
/// </summary>
public sealed class WebhookSender(HttpClient http, Links links, TimeProvider clock) : IAlertSender
{
    public const string SignatureHeader = "X-SearchKamer-Signature";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Channel => AlertChannels.Webhook;

    public async Task SendAsync(User user, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        if (user.WebhookUrl is not { } url || user.WebhookSecret is not { } secret)
        {
            throw new InvalidOperationException("geen webhook ingesteld");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookPayload(alerts.Select(a => new WebhookAlert(a.Id, a.DocumentKey, a.Kind, a.Subject,
            a.DocumentDate, AlertText.Plain(a.SnippetHtml), a.SnippetHtml, a.Reason, links.Document(a.DocumentKey).ToString(), a.CreatedAt)).ToList()), Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, WebhookSignature.Sign(secret, clock.GetUtcNow(), body));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // A redirect lands here too: it is not followed, so it is not a delivery.
            throw new WebhookStatusException((int)response.StatusCode);
        }
    }
}

/// <summary>The webhook answered, but not with 2xx (a redirect included): not delivered; the status may be shown to its owner.</summary>
public sealed class WebhookStatusException(int status) : HttpRequestException($"webhook antwoordde {status}")
{
    public int Status { get; } = status;

    /// <summary>What the delivery records, and the owner sees: the number only, never the other side's text.</summary>
    public string Recorded => $"HTTP {Status}";
}

/// <summary>Stripe-style signing: the timestamp is inside the MAC, so a captured request cannot be replayed later.</summary>
public static class WebhookSignature
{
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, DateTimeOffset at, byte[] body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Mac(secret, t, body)}";
    }

    /// <summary>What a receiver does: the MAC matches and the timestamp is within <see cref="ReplayWindow"/> of now.</summary>
    public static bool Verify(string? header, string secret, byte[] body, DateTimeOffset now)
    {
        var parts = (header ?? "").Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > ReplayWindow)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(secret, t, body)), Encoding.ASCII.GetBytes(v1));
    }

    private static string Mac(string secret, string t, byte[] body) =>
        Secrets.HmacSha256Hex(secret, [.. Encoding.UTF8.GetBytes(t + "."), .. body]);
}

/// <param name="Alerts">Each alert once; <see cref="WebhookAlert.Id"/> is stable, so a receiver can drop a repeat after a restart.</param>
public sealed record WebhookPayload(IReadOnlyList<WebhookAlert> Alerts);

public sealed record WebhookAlert(long Id, string Document, string Kind, string? Subject, DateOnly? Date, string Snippet, string SnippetHtml,
    string Reason, string Link, DateTimeOffset CreatedAt);
