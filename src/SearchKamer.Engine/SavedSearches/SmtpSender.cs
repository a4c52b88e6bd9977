using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;

namespace SearchKamer.SavedSearches;

/// <summary>The SearchKamer:Smtp section. No host means no e-mail channel.</summary>
public sealed record SmtpSettings
{
    public string? Host { get; init; }
    public int Port { get; init; } = 25;
    public string? User { get; init; }
    public string? Password { get; init; }
    public string From { get; init; } = "searchkamer@localhost";
    public bool EnableSsl { get; init; }

    public bool Configured => !string.IsNullOrEmpty(Host);

    internal SmtpClient Client()
    {
        var client = new SmtpClient(Host, Port) { EnableSsl = EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(User))
        {
            client.Credentials = new NetworkCredential(User, Password);
        }

        return client;
    }
}

/// <summary>Account mail (confirmation links): plain text, our own words plus a link.</summary>
public sealed class AccountMail(SmtpSettings settings)
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        using var client = settings.Client();
        using var message = new MailMessage(settings.From, to)
        {
            Subject = subject,
            Body = body,
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(message, cancellationToken);
    }
}

/// <summary>E-mails alerts as plain text (every line is our own text or decoded document text, never markup).</summary>
public sealed class SmtpSender(SmtpSettings settings, Links links) : IAlertSender
{
    public string Channel => AlertChannels.Email;

    public async Task SendAsync(User user, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        using var client = settings.Client();
        using var message = new MailMessage(settings.From, user.Email)
        {
            Subject = alerts.Count == 1 ? $"SearchKamer: {OneLine(alerts[0].Subject ?? "Kamervragen")}" : $"SearchKamer: {alerts.Count} nieuwe documenten",
            Body = Body(alerts),
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        message.Headers.Add("X-SearchKamer-Alerts", string.Join(",", alerts.Select(a => a.Id.ToString(CultureInfo.InvariantCulture))));
        await client.SendMailAsync(message, cancellationToken);
    }

    private string Body(IReadOnlyList<Alert> alerts)
    {
        var text = new StringBuilder();
        foreach (var a in alerts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{OneLine(a.Subject ?? "Kamervragen")} ({a.Kind}{(a.DocumentDate is { } d ? ", " + d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")) : "")})");
            text.AppendLine(CultureInfo.InvariantCulture, $"Waarom: {a.Reason}");
            text.AppendLine(AlertText.Plain(a.SnippetHtml));
            text.AppendLine(links.Document(a.DocumentKey).ToString());
            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Uw zoekopdrachten en meldingen: {links.Path("/mijn/zoekopdrachten")}");
        return text.ToString();
    }

    // A subject taken from a document must not smuggle in header lines.
    private static string OneLine(string s) => string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
