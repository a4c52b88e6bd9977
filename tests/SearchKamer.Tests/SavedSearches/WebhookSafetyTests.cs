using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SearchKamer.SavedSearches;
using SearchKamer.Storage;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>Webhooks cannot be aimed at the host's own network (SSRF), and what users see of a delivery names no address.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class WebhookSafetyTests
{
    /// <summary>The operator's allow-list emptied: the rules as a production host has them.</summary>
    private static readonly Dictionary<string, string> NothingAllowed = new() { ["SearchKamer:Webhooks:Allow:0"] = "" };

    // Loopback, private, link-local and metadata, ULA, multicast, unspecified, IPv4-mapped IPv6, NAT64,
    // the other spellings of 127.0.0.1 (decimal, hex, octal, short), names that resolve to loopback, and non-http schemes.
    private static readonly string[] Inside =
    [
        "http://127.0.0.1:9/hook", "http://127.8.9.10/", "http://localhost/hook", "http://LOCALHOST./hook", "http://[::1]:8080/",
        "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/",
        "http://100.64.0.1/", "http://[fd12:3456::1]/", "http://[fc00::1]/", "http://[fe80::1]/", "http://224.0.0.1/", "http://[ff02::1]/",
        "http://0.0.0.0/", "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://[64:ff9b::7f00:1]/",
        "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/", "http://017700000001/",
        "http://user:pass@example.nl/", "ftp://example.nl/hook", "file:///etc/passwd", "gopher://127.0.0.1/",
    ];

    [Fact]
    public async Task A_webhook_to_an_inside_address_is_refused_at_registration_without_echoing_it()
    {
        using var host = new SavedSearchHost(NothingAllowed);
        var (api, _, _) = host.NewUser("ssrf@example.nl");

        foreach (var url in Inside)
        {
            var response = await api.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = url, emailAlerts = false });

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("afgewezen", body);
            var hostName = new Uri(url).Host.Trim('[', ']');
            Assert.True(hostName.Length == 0 || !body.Contains(hostName, StringComparison.OrdinalIgnoreCase), $"{url} echoed: {body}");
            Assert.Equal(JsonValueKind.Null, (await api.GetFromJsonAsync<JsonElement>("/api/account")).GetProperty("webhookUrl").ValueKind);
        }
    }

    [Fact]
    public async Task The_settings_page_refuses_an_inside_address_in_dutch_and_keeps_the_old_setting()
    {
        using var host = new SavedSearchHost(NothingAllowed);
        var (_, token, user) = host.NewUser("pagina@example.nl");
        var browser = await host.Browser(token);

        var response = await SavedSearchHost.PostForm(browser, "/mijn/instellingen", "/mijn/instellingen", ("webhook", "http://169.254.169.254/latest/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("afgewezen", await response.Content.ReadAsStringAsync());
        Assert.Null(host.Get<Users>().Get(user.Id)!.WebhookUrl);
    }

    [Fact]
    public async Task A_name_that_resolves_inside_by_delivery_time_is_refused_on_connect_and_the_user_sees_only_afgewezen()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.Up();
        using var host = new SavedSearchHost(NothingAllowed);
        var (api, _, user) = host.NewUser("rebind@example.nl");
        await SavedSearchHost.SaveSearch(api, "ontwikkelingshulp", "q=ontwikkelingshulp");
        // As if the name had resolved to a public address when it was registered and to loopback now (DNS rebinding):
        // the stored URL skips the registration check, so only the check on connect stands between it and the listener.
        var rebound = $"http://localhost:{receiver.Port}/hook";
        using (var c = host.Get<SqliteStore>().Open())
        using (var update = c.CreateCommand())
        {
            update.CommandText = $"UPDATE users SET webhook_url = '{rebound}', webhook_secret = 'geheim' WHERE id = {user.Id}";
            update.ExecuteNonQuery();
        }

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        var store = host.Get<AlertStore>();
        var alert = Assert.Single(store.ForUser(user.Id));
        await SavedSearchHost.Until(() => store.DeliveriesOf(user.Id, alert.Id).Single().Status == DeliveryStatus.Failed, "the delivery refused");

        Assert.Equal(0, receiver.Arrived);
        var listed = await api.GetStringAsync("/api/meldingen");
        Assert.Contains("\"afgewezen\"", listed);
        Assert.DoesNotContain("localhost", listed);
        Assert.DoesNotContain(receiver.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), listed);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_even_to_an_allowed_address_is_retried_and_shows_as_mislukt_with_its_status()
    {
        await using var target = new WebhookReceiver();
        await target.Up();
        await using var redirecting = new WebhookReceiver { RedirectTo = target.Url };
        await redirecting.Up();
        using var host = new SavedSearchHost(new() { ["SearchKamer:Alerts:MaxAttempts"] = "3" });
        var (api, token, user) = host.NewUser("redirect@example.nl");
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = redirecting.Url, emailAlerts = false })).StatusCode);
        await SavedSearchHost.SaveSearch(api, "ontwikkelingshulp", "q=ontwikkelingshulp");

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        var store = host.Get<AlertStore>();
        var alert = Assert.Single(store.ForUser(user.Id));
        await SavedSearchHost.Until(() => store.DeliveriesOf(user.Id, alert.Id).Single().Status == DeliveryStatus.Failed, "given up after three redirects");

        Assert.Equal(3, redirecting.Arrived);
        Assert.Equal(0, target.Arrived);
        var delivery = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/meldingen"))[0].GetProperty("deliveries")[0];
        Assert.Equal("mislukt", delivery.GetProperty("status").GetString());
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(307, delivery.GetProperty("httpStatus").GetInt32());
        // The status number is shown, never where the redirect pointed.
        Assert.DoesNotContain(target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), delivery.ToString());
        var browser = await host.Browser(token);
        var page = await browser.GetStringAsync("/mijn/meldingen");
        Assert.Contains("mislukt (opgegeven na 3 pogingen); de webhook antwoordde HTTP 307", page);
    }

    [Fact]
    public async Task Three_hanging_webhooks_do_not_hold_back_another_users_alert()
    {
        var slow = new[] { new WebhookReceiver { Hang = true }, new WebhookReceiver { Hang = true }, new WebhookReceiver { Hang = true } };
        await using var fast = new WebhookReceiver();
        try
        {
            foreach (var receiver in slow.Append(fast))
            {
                await receiver.Up();
            }

            using var host = new SavedSearchHost(new() { ["SearchKamer:Alerts:WebhookTimeout"] = "00:00:02" });
            // The fast hook's user comes last, so a one-by-one dispatcher would reach it only after the three timeouts.
            foreach (var (receiver, i) in slow.Append(fast).Select((r, i) => (r, i)))
            {
                var (api, _, _) = host.NewUser($"hook{i}@example.nl");
                Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = receiver.Url, emailAlerts = false })).StatusCode);
                await SavedSearchHost.SaveSearch(api, "ontwikkelingshulp", "q=ontwikkelingshulp");
            }

            await host.IngestViaInbox(SavedSearchHost.AnswerFile);
            await SavedSearchHost.Until(() => fast.Accepted.Count == 1 && slow.All(s => !s.EndedAt.IsEmpty), "the fast hook served and the slow ones timed out");

            var fastArrived = Assert.Single(fast.ArrivedAt);
            Assert.All(slow, s => Assert.True(fastArrived < s.EndedAt.Min(), "the fast hook was reached only after a slow one gave up"));
        }
        finally
        {
            foreach (var receiver in slow)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    [Fact]
    public void A_signature_verifies_within_the_replay_window_and_not_after_it_or_for_another_body()
    {
        var body = Encoding.UTF8.GetBytes("{\"alerts\":[]}");
        var signedAt = DateTimeOffset.UtcNow;
        var header = WebhookSignature.Sign("geheim", signedAt, body);

        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignature.Verify(header, "geheim", body, signedAt.AddMinutes(4)));
        Assert.False(WebhookSignature.Verify(header, "geheim", body, signedAt.AddMinutes(6)));
        Assert.False(WebhookSignature.Verify(header, "ander geheim", body, signedAt));
        Assert.False(WebhookSignature.Verify(header, "geheim", Encoding.UTF8.GetBytes("{\"alerts\":[1]}"), signedAt));
        // A replayed body with a fresh timestamp but the old MAC fails: the timestamp is inside the MAC.
        var fresh = $"t={signedAt.AddMinutes(10).ToUnixTimeSeconds()},{header.Split(',')[1]}";
        Assert.False(WebhookSignature.Verify(fresh, "geheim", body, signedAt.AddMinutes(10)));
    }
}
