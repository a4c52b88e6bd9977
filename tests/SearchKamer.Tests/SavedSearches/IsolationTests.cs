using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.SavedSearches;

[Collection(SavedSearchHost.Collection)]
public sealed class IsolationTests
{
    [Fact]
    public async Task Another_user_gets_404_on_every_endpoint_and_never_the_data()
    {
        using var host = new SavedSearchHost();
        var (a, tokenA, userA) = host.NewUser("a@example.nl");
        var (b, tokenB, _) = host.NewUser("b@example.nl");
        var search = await SavedSearchHost.SaveSearch(a, "Geheime naam A", "q=ontwikkelingshulp");
        var follow = (await (await a.PostAsJsonAsync("/api/volgen", new { zaak = SavedSearchHost.Zaak })).Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetInt64();
        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        Assert.Single(host.Get<AlertStore>().ForUser(userA.Id));

        // API, with B's token.
        var body = new { name = "overgenomen", state = "q=x", interval = "daily" };
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/zoekopdrachten/{search}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PutAsJsonAsync($"/api/zoekopdrachten/{search}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/zoekopdrachten/{search}/resultaten")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/api/zoekopdrachten/{search}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/api/volgen/{follow}")).StatusCode);
        foreach (var list in new[] { "/api/zoekopdrachten", "/api/volgen", "/api/meldingen" })
        {
            Assert.Equal("[]", (await b.GetStringAsync(list)).Trim());
        }

        Assert.Contains("b@example.nl", await b.GetStringAsync("/api/account"));

        // Feeds, with B's feed key (and B's token, which opens no feed).
        var anonymous = host.Anonymous();
        var feedKeyB = new Uri("https://x" + await SavedSearchHost.FeedPath(b, "/api/account")).Query;
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/feed/zoekopdracht/{search}{feedKeyB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/feed/zoekopdracht/{search}?token={tokenB}")).StatusCode);
        var feedB = await anonymous.GetStringAsync(await SavedSearchHost.FeedPath(b, "/api/account"));
        Assert.DoesNotContain(SavedSearchHost.AnswerKey, feedB, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SavedSearchHost.AnswerKey, await anonymous.GetStringAsync(await SavedSearchHost.FeedPath(a, "/api/account")), StringComparison.OrdinalIgnoreCase);

        // Pages, with B's session cookie and a valid antiforgery token.
        var browserB = await host.Browser(tokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await browserB.GetAsync($"/mijn/zoekopdrachten/{search}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browserB.GetAsync($"/mijn/zoekopdrachten/{search}/uitvoeren")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SavedSearchHost.PostForm(browserB, "/mijn/zoekopdrachten/nieuw", $"/mijn/zoekopdrachten/{search}",
            ("name", "overgenomen"), ("state", "q=x"), ("interval", "daily"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SavedSearchHost.PostForm(browserB, "/mijn/zoekopdrachten/nieuw", $"/mijn/zoekopdrachten/{search}/verwijderen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SavedSearchHost.PostForm(browserB, "/mijn/volgen", $"/mijn/volgen/{follow}/verwijderen")).StatusCode);
        foreach (var page in new[] { "/mijn/zoekopdrachten", "/mijn/volgen", "/mijn/meldingen" })
        {
            var html = await browserB.GetStringAsync(page);
            Assert.DoesNotContain("Geheime naam A", html);
            Assert.DoesNotContain(SavedSearchHost.Zaak, html);
        }

        // A's things are untouched and visible to A.
        var mine = await a.GetFromJsonAsync<JsonElement>($"/api/zoekopdrachten/{search}");
        Assert.Equal("Geheime naam A", mine.GetProperty("name").GetString());
        Assert.Equal(1, (await a.GetFromJsonAsync<JsonElement>("/api/volgen")).GetArrayLength());
        Assert.Contains("Geheime naam A", await (await host.Browser(tokenA)).GetStringAsync("/mijn/zoekopdrachten"));
    }

    [Fact]
    public async Task Without_a_token_or_session_nothing_is_served_and_forms_need_the_antiforgery_token()
    {
        using var host = new SavedSearchHost();
        var (_, token, _) = host.NewUser("c@example.nl");
        var anonymous = host.Anonymous();
        foreach (var url in new[] { "/api/zoekopdrachten", "/api/volgen", "/api/meldingen", "/api/account", "/feed/mijn", "/feed/zoekopdracht/1", "/feed/mijn?sleutel=fout", $"/feed/mijn?token={Uri.EscapeDataString(token)}" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        }

        var page = await anonymous.GetAsync("/mijn/zoekopdrachten");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/aanmelden?terug=%2Fmijn%2Fzoekopdrachten", page.Headers.Location?.OriginalString);

        // The session cookie is HttpOnly and SameSite; a form post without the antiforgery token is refused.
        var signIn = await SavedSearchHost.SignIn(anonymous, token);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sk_sessie=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var forged = await anonymous.PostAsync("/mijn/zoekopdrachten/nieuw", new FormUrlEncodedContent([new("name", "x"), new("state", "q=x"), new("interval", "daily")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var saved = await SavedSearchHost.PostForm(anonymous, "/mijn/zoekopdrachten/nieuw?q=stikstof", "/mijn/zoekopdrachten/nieuw", ("name", "stikstof"), ("state", "q=stikstof"), ("interval", "weekly"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The public feed needs nothing and is Atom.
        var feed = await anonymous.GetAsync("/feed?q=ontwikkelingshulp");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<entry>", await feed.Content.ReadAsStringAsync());
    }
}
