using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.SavedSearches;

[Collection(SavedSearchHost.Collection)]
public sealed class DeliveryTests
{
    [Fact]
    public async Task A_webhook_that_is_down_is_retried_with_backoff_and_gets_the_alert_once_it_is_up_signed_with_the_users_secret()
    {
        await using var receiver = new WebhookReceiver();
        using var host = new SavedSearchHost();
        var (api, _, user) = host.NewUser("hook@example.nl");
        var account = await (await api.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = receiver.Url, emailAlerts = true })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = account.GetProperty("webhookSecret").GetString()!;
        await api.PostAsJsonAsync("/api/volgen", new { zaak = SavedSearchHost.Zaak });

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        var store = host.Get<AlertStore>();
        var alert = Assert.Single(store.ForUser(user.Id));
        await SavedSearchHost.Until(() => store.DeliveriesOf(user.Id, alert.Id).Single().Attempts >= 2, "two failed attempts");
        var failing = store.DeliveriesOf(user.Id, alert.Id).Single();
        Assert.Equal(DeliveryStatus.Pending, failing.Status);
        Assert.NotNull(failing.LastError);

        await receiver.Up();
        await SavedSearchHost.Until(() => store.DeliveriesOf(user.Id, alert.Id).Single().Status == DeliveryStatus.Sent, "delivered after the receiver came up");
        await Task.Delay(1000);

        var (body, signature) = Assert.Single(receiver.Accepted);
        // t=…,v1=HMAC(secret, "t.body"), computed here from the header's own t.
        var t = signature!.Split(',')[0]["t=".Length..];
        Assert.Equal($"t={t},v1=" + Secrets.HmacSha256Hex(secret, Encoding.UTF8.GetBytes(t + "." + body)), signature);
        Assert.InRange(long.Parse(t, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var sent = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("alerts").EnumerateArray());
        Assert.Equal(SavedSearchHost.AnswerKey, sent.GetProperty("document").GetString());
        // The human page at the configured public address, not the JSON.
        Assert.Equal("https://zoek.example.nl/document/" + Uri.EscapeDataString(SavedSearchHost.AnswerKey), sent.GetProperty("link").GetString());
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_delivery_neither_loses_nor_repeats_the_alert()
    {
        await using var receiver = new WebhookReceiver { Hang = true };
        await receiver.Up();
        using var host = new SavedSearchHost();
        var (api, _, user) = host.NewUser("restart@example.nl");
        await api.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = receiver.Url, emailAlerts = false });
        await SavedSearchHost.SaveSearch(api, "ontwikkelingshulp", "q=ontwikkelingshulp");

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        await SavedSearchHost.Until(() => receiver.Arrived == 1, "the webhook POST is in flight");
        host.Stop();

        receiver.Hang = false;
        host.Start();
        var store = host.Get<AlertStore>();
        var alert = Assert.Single(store.ForUser(user.Id));
        await SavedSearchHost.Until(() => store.DeliveriesOf(user.Id, alert.Id).Single().Status == DeliveryStatus.Sent, "delivered after restart");

        // Another restart and evaluation round: the sent alert stays sent and nothing new is made.
        host.Stop();
        host.Start();
        await Task.Delay(1500);
        Assert.Single(host.Get<AlertStore>().ForUser(user.Id));
        var (body, _) = Assert.Single(receiver.Accepted);
        Assert.Equal(alert.Id, JsonDocument.Parse(body).RootElement.GetProperty("alerts")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task An_alert_goes_out_by_email_through_a_real_smtp_server()
    {
        using var smtp = new SmtpSink();
        using var host = new SavedSearchHost(new()
        {
            ["SearchKamer:Smtp:Host"] = "127.0.0.1",
            ["SearchKamer:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SearchKamer:Smtp:From"] = "meldingen@zoek.example.nl",
        });
        var (api, _, user) = host.NewUser("lezer@example.nl");
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/volgen", new { document = SavedSearchHost.QuestionSetKey })).StatusCode);

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        await SavedSearchHost.Until(() => smtp.Messages().Count > 0, "an e-mail in the SMTP server's maildir");

        var mail = Assert.Single(smtp.Messages());
        Assert.Contains("To: lezer@example.nl", mail);
        Assert.Contains("From: meldingen@zoek.example.nl", mail);
        var body = SmtpSink.Body(mail);
        Assert.Contains("https://zoek.example.nl/document/" + Uri.EscapeDataString(SavedSearchHost.AnswerKey), body);
        Assert.DoesNotContain("file:", mail, StringComparison.Ordinal);
        Assert.Contains("beantwoord", body);
        var store = host.Get<AlertStore>();
        var alert = Assert.Single(store.ForUser(user.Id));
        await SavedSearchHost.Until(() => store.DeliveriesOf(user.Id, alert.Id).Single().Status == DeliveryStatus.Sent, "marked sent");
    }
}
