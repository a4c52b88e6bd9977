using System.Net.Http.Headers;
using System.Text.Json;

namespace SearchKamer.SavedSearches;

/// <summary>
/// POSTs alerts as JSON to the user's webhook, signed so the receiver can check it came from us:
/// <c>X-SearchKamer-Signature: sha256=&lt;hex HMAC-SHA256 of the body with the user's webhook secret&gt;</c>.
/// </summary>
public sealed class WebhookSender(HttpClient http, Links links) : IAlertSender
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
        request.Headers.Add(SignatureHeader, "sha256=" + Secrets.HmacSha256Hex(secret, body));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"webhook antwoordde {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }
}

/// <param name="Alerts">Each alert once; <see cref="WebhookAlert.Id"/> is stable, so a receiver can drop a repeat after a restart.</param>
public sealed record WebhookPayload(IReadOnlyList<WebhookAlert> Alerts);

public sealed record WebhookAlert(long Id, string Document, string Kind, string? Subject, DateOnly? Date, string Snippet, string SnippetHtml,
    string Reason, string Link, DateTimeOffset CreatedAt);
