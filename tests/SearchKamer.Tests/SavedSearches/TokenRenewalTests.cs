using System.Net;
using System.Net.Http.Headers;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>"Nieuwe persoonlijke link maken" on /mijn: the old token stops working everywhere, the new one is shown once, this browser stays signed in.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class TokenRenewalTests
{
    private const string Form = "form[action='/mijn/token']";

    [Fact]
    public async Task Renewing_on_mijn_retires_the_old_token_and_shows_a_working_new_one_while_this_browser_stays_signed_in()
    {
        using var host = new SavedSearchHost();
        var (oldApi, oldToken, user) = host.NewUser("vernieuwen@example.nl");
        var feed = await SavedSearchHost.FeedPath(oldApi, "/api/account");
        var browser = await host.Browser(oldToken);
        var elsewhere = await host.Browser(oldToken);

        var response = await PageForms.Submit(browser, "/mijn", Form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var newToken = ShownToken(html);
        Assert.NotEqual(oldToken, newToken);
        // The answer itself already comes with the new session: its header shows the visitor signed in.
        Assert.Contains("Uitloggen", PageForms.Parse(html).QuerySelector("header")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await oldApi.GetAsync("/api/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/inloggen?token=" + Uri.EscapeDataString(oldToken))).StatusCode);
        Assert.Contains(user.Email, await Api(host, newToken).GetStringAsync("/api/account"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SavedSearchHost.SignIn(host.Anonymous(), newToken)).StatusCode);

        // This browser got a new session; the other one (or whoever used the old token) is signed out.
        var mine = await browser.GetAsync("/mijn");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.DoesNotContain(newToken, await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/mijn")).StatusCode);
        // Without the box ticked the feed keeps its own key.
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().GetAsync(feed)).StatusCode);
    }

    [Fact]
    public async Task With_the_feed_box_ticked_the_old_feed_addresses_stop_working_too()
    {
        using var host = new SavedSearchHost();
        var (oldApi, oldToken, _) = host.NewUser("feeds-ook@example.nl");
        var search = await SavedSearchHost.SaveSearch(oldApi, "stroom", "q=stroomaansluiting");
        var oldFeeds = new[] { await SavedSearchHost.FeedPath(oldApi, "/api/account"), await SavedSearchHost.FeedPath(oldApi, $"/api/zoekopdrachten/{search}") };
        var browser = await host.Browser(oldToken);

        var response = await PageForms.Submit(browser, "/mijn", Form, ("feeds", "on"));
        var newApi = Api(host, ShownToken(await response.Content.ReadAsStringAsync()));

        var anonymous = host.Anonymous();
        foreach (var old in oldFeeds)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(old)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(await SavedSearchHost.FeedPath(newApi, "/api/account"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(await SavedSearchHost.FeedPath(newApi, $"/api/zoekopdrachten/{search}"))).StatusCode);
    }

    [Fact]
    public async Task Without_the_forms_antiforgery_token_or_a_session_nothing_is_renewed()
    {
        using var host = new SavedSearchHost();
        var (api, token, _) = host.NewUser("vervalst@example.nl");
        var browser = await host.Browser(token);

        var forged = await browser.PostAsync("/mijn/token", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // A tab left open after signing out: the form's antiforgery token is valid, the session is not.
        var antiforgery = await SavedSearchHost.AntiforgeryToken(browser, "/mijn");
        Assert.Equal(HttpStatusCode.Redirect, (await SavedSearchHost.PostForm(browser, "/mijn", "/uitloggen")).StatusCode);
        var signedOut = await browser.PostAsync("/mijn/token", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/aanmelden", signedOut.Headers.Location!.OriginalString, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/account")).StatusCode);
    }

    /// <summary>The token as the page shows it for the API, the same one as in the shown sign-in link.</summary>
    private static string ShownToken(string html)
    {
        var page = PageForms.Parse(html);
        var bearer = page.QuerySelector("main code.token")!.TextContent;
        var token = bearer["Authorization: Bearer ".Length..];
        var link = new Uri(page.QuerySelector("main a.token")!.GetAttribute("href")!);
        Assert.Equal("?token=" + Uri.EscapeDataString(token), link.Query);
        return token;
    }

    private static HttpClient Api(SavedSearchHost host, string token)
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
