using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>Per-user limits, rate limits, feed keys, no-store and the sign-in click.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class LimitsAndPrivacyTests
{
    [Fact]
    public async Task Saved_searches_beyond_the_limit_are_a_400_naming_it_and_a_list_counts_only_the_first_few()
    {
        using var host = new SavedSearchHost(new() { ["SearchKamer:Limits:MaxSavedSearches"] = "3", ["SearchKamer:Limits:CountedInList"] = "2" });
        var (api, _, _) = host.NewUser("veel@example.nl");
        for (var i = 0; i < 3; i++)
        {
            await SavedSearchHost.SaveSearch(api, $"zoek {i}", "q=ontwikkelingshulp");
        }

        var fourth = await api.PostAsJsonAsync("/api/zoekopdrachten", new { name = "zoek 3", state = "q=stikstof", interval = "daily" });

        Assert.Equal(HttpStatusCode.BadRequest, fourth.StatusCode);
        Assert.Contains("MaxSavedSearches", await fourth.Content.ReadAsStringAsync());
        var listed = (await api.GetFromJsonAsync<JsonElement>("/api/zoekopdrachten")).EnumerateArray().ToList();
        Assert.Equal(3, listed.Count);
        Assert.Equal([JsonValueKind.Number, JsonValueKind.Number, JsonValueKind.Null], listed.Select(s => s.GetProperty("newSinceVisit").ValueKind));
    }

    [Fact]
    public async Task An_alert_pass_spread_over_many_short_rounds_still_alerts_every_user_once()
    {
        // A round budget of zero: each round runs one saved search, and the pass needs several rounds.
        using var host = new SavedSearchHost(new() { ["SearchKamer:Limits:EvaluationRound"] = "00:00:00" });
        var users = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var (api, _, user) = host.NewUser($"ronde{i}@example.nl");
            await SavedSearchHost.SaveSearch(api, "ontwikkelingshulp", "q=ontwikkelingshulp");
            await SavedSearchHost.SaveSearch(api, "stikstof", "q=stikstof");
            users.Add(user.Id);
        }

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);

        var store = host.Get<SearchKamer.SavedSearches.AlertStore>();
        Assert.All(users, u => Assert.Equal(SavedSearchHost.AnswerKey, Assert.Single(store.ForUser(u)).DocumentKey));
    }

    [Fact]
    public async Task Following_faster_than_the_limit_is_a_429_with_retry_after_naming_it()
    {
        using var host = new SavedSearchHost(new() { ["SearchKamer:Limits:FollowsPerMinute"] = "2" });
        var (api, _, _) = host.NewUser("volger@example.nl");
        var (other, _, _) = host.NewUser("ander@example.nl");
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/volgen", new { zaak = "2024Z00001" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/volgen", new { zaak = "2024Z00002" })).StatusCode);

        var third = await api.PostAsJsonAsync("/api/volgen", new { zaak = "2024Z00003" });

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("FollowsPerMinute", await third.Content.ReadAsStringAsync());
        // The limit is per user.
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/api/volgen", new { zaak = "2024Z00003" })).StatusCode);
    }

    [Fact]
    public async Task Feeds_open_with_their_own_revocable_key_and_never_with_the_token()
    {
        using var host = new SavedSearchHost();
        var (api, token, _) = host.NewUser("feed@example.nl");
        var id = await SavedSearchHost.SaveSearch(api, "ontwikkelingshulp", "q=ontwikkelingshulp");
        var anonymous = host.Anonymous();
        var searchFeed = await SavedSearchHost.FeedPath(api, $"/api/zoekopdrachten/{id}");
        var myFeed = await SavedSearchHost.FeedPath(api, "/api/account");
        Assert.DoesNotContain(token, searchFeed + myFeed);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(searchFeed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(myFeed)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/feed/zoekopdracht/{id}?token={Uri.EscapeDataString(token)}")).StatusCode);
        // A feed key is no token: it opens nothing else.
        var key = Uri.UnescapeDataString(new Uri("https://x" + searchFeed).Query["?sleutel=".Length..]);
        var withKey = host.Anonymous();
        withKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withKey.GetAsync("/api/account")).StatusCode);

        var renewed = await (await api.PostAsync($"/api/zoekopdrachten/{id}/feedsleutel", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(searchFeed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(renewed.GetProperty("feed").GetString()!).PathAndQuery)).StatusCode);
        // The other feed keeps its own key.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(myFeed)).StatusCode);
    }

    [Fact]
    public async Task Every_private_response_says_no_store()
    {
        using var host = new SavedSearchHost();
        var (api, token, _) = host.NewUser("cache@example.nl");
        var id = await SavedSearchHost.SaveSearch(api, "ontwikkelingshulp", "q=ontwikkelingshulp");
        var browser = await host.Browser(token);
        var anonymous = host.Anonymous();
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("PUT kanalen (webhook secret)", await api.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = "http://127.0.0.1:9/hook", emailAlerts = false })),
            ("GET /api/account", await api.GetAsync("/api/account")),
            ("GET /api/zoekopdrachten", await api.GetAsync("/api/zoekopdrachten")),
            ("GET resultaten", await api.GetAsync($"/api/zoekopdrachten/{id}/resultaten")),
            ("GET /api/meldingen", await api.GetAsync("/api/meldingen")),
            ("GET /api/volgen", await api.GetAsync("/api/volgen")),
            ("feed of a search", await anonymous.GetAsync(await SavedSearchHost.FeedPath(api, $"/api/zoekopdrachten/{id}"))),
            ("feed of alerts", await anonymous.GetAsync(await SavedSearchHost.FeedPath(api, "/api/account"))),
            ("sign-in link", await anonymous.GetAsync("/inloggen?token=" + Uri.EscapeDataString(token))),
            ("/mijn/zoekopdrachten", await browser.GetAsync("/mijn/zoekopdrachten")),
            ("/mijn/instellingen", await browser.GetAsync("/mijn/instellingen")),
            ("/mijn/meldingen", await browser.GetAsync("/mijn/meldingen")),
            ("wrong token", await anonymous.GetAsync("/api/account")),
        };

        Assert.All(responses, r => Assert.True(r.Response.Headers.CacheControl?.NoStore == true, $"{r.What}: Cache-Control {r.Response.Headers.CacheControl}"));
    }

    [Fact]
    public async Task The_sign_in_link_names_the_account_and_signs_in_only_after_a_click_with_antiforgery()
    {
        using var host = new SavedSearchHost();
        var (_, token, _) = host.NewUser("klik@example.nl");
        var browser = host.Anonymous();

        var page = await browser.GetAsync("/inloggen?token=" + Uri.EscapeDataString(token));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("klik@example.nl", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain(page.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("sk_sessie=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/mijn/zoekopdrachten")).StatusCode);

        // A page elsewhere posting the form (login CSRF) has no antiforgery token.
        var forged = await browser.PostAsync("/inloggen", new FormUrlEncodedContent([new("token", token)]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/mijn/zoekopdrachten")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SavedSearchHost.SignIn(browser, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/mijn/zoekopdrachten")).StatusCode);
    }

    [Fact]
    public async Task Wrong_tokens_are_rate_limited_per_client_with_429_and_retry_after()
    {
        using var host = new SavedSearchHost(new() { ["SearchKamer:RateLimits:FailedTokenChecksPer10Minutes"] = "3" });
        var (_, token, _) = host.NewUser("raad@example.nl");
        var guesser = host.Anonymous();
        guesser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "geraden");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync("/api/account")).StatusCode);
        }

        foreach (var url in new[] { "/api/account", "/feed/mijn?sleutel=geraden", "/inloggen?token=geraden", "/inloggen?token=" + Uri.EscapeDataString(token) })
        {
            var refused = await guesser.GetAsync(url);
            Assert.True(refused.StatusCode == HttpStatusCode.TooManyRequests, $"{url}: {refused.StatusCode}");
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, url);
        }
    }

    [Fact]
    public async Task Sign_in_and_sign_up_are_rate_limited_with_429_and_retry_after()
    {
        using var smtp = new SmtpSink();
        using var host = new SavedSearchHost(new()
        {
            ["SearchKamer:RateLimits:SignInsPerMinute"] = "2",
            ["SearchKamer:RateLimits:SignUpsPerHour"] = "1",
            ["SearchKamer:Smtp:Host"] = "127.0.0.1",
            ["SearchKamer:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var (_, token, _) = host.NewUser("snel@example.nl");
        var browser = host.Anonymous();
        var link = "/inloggen?token=" + Uri.EscapeDataString(token);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);
        var third = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        Assert.Equal(HttpStatusCode.OK, (await SavedSearchHost.PostForm(browser, "/aanmelden", "/aanmelden", ("email", "een@example.nl"))).StatusCode);
        var second = await SavedSearchHost.PostForm(browser, "/aanmelden", "/aanmelden", ("email", "twee@example.nl"));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
