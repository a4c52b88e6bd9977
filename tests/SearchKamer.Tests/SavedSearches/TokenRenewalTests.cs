using System.Net;
using System.Net.Http.Headers;
using SearchKamer.SavedSearches;

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

        var response = await PageForms.Submit(browser, "/mijn", Form, ("feeds", null));
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
        // With the box unticked the feed keeps its own key.
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().GetAsync(feed)).StatusCode);
    }

    [Fact]
    public async Task The_feed_box_is_ticked_by_default_so_the_old_feed_addresses_stop_working_too()
    {
        using var host = new SavedSearchHost();
        var (oldApi, oldToken, _) = host.NewUser("feeds-ook@example.nl");
        var search = await SavedSearchHost.SaveSearch(oldApi, "stroom", "q=stroomaansluiting");
        var oldFeeds = new[] { await SavedSearchHost.FeedPath(oldApi, "/api/account"), await SavedSearchHost.FeedPath(oldApi, $"/api/zoekopdrachten/{search}") };
        var browser = await host.Browser(oldToken);
        var box = PageForms.Parse(await browser.GetStringAsync("/mijn")).QuerySelector(Form + " input[type=checkbox][name=feeds]") as AngleSharp.Html.Dom.IHtmlInputElement;
        Assert.True(box?.IsChecked, "the box 'Ook mijn feedadressen vervangen' is ticked when /mijn is shown");

        // The form as the page gives it, nothing changed.
        var response = await PageForms.Submit(browser, "/mijn", Form);
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
        AssertSentToSignIn(signedOut);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/account")).StatusCode);
    }

    [Fact]
    public async Task The_old_session_of_this_browser_replayed_after_renewal_is_signed_out_and_renews_nothing()
    {
        using var host = new SavedSearchHost();
        var (browser, jar, antiforgery) = await SignedIn(host, "naspelen@example.nl");
        var before = jar.Header;

        var renewed = await browser.PostAsync("/mijn/token", Fields(antiforgery));
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var newToken = ShownToken(await renewed.Content.ReadAsStringAsync());
        Assert.NotEqual(before, jar.Header);

        // The same browser again with its old cookie: a page, and the same form a second time (a double click).
        var replay = host.Bare();
        var page = await replay.SendAsync(WithCookie(HttpMethod.Get, "/mijn", before));
        AssertSentToSignIn(page);
        var again = await replay.SendAsync(WithCookie(HttpMethod.Post, "/mijn/token", before, Fields(antiforgery)));
        AssertSentToSignIn(again);

        Assert.Contains("naspelen@example.nl", await Api(host, newToken).GetStringAsync("/api/account"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/mijn")).StatusCode);
    }

    [Fact]
    public async Task Renewals_sent_at_once_with_one_session_renew_once_and_the_rest_get_a_dutch_refusal_not_a_500()
    {
        using var host = new SavedSearchHost();
        var (_, jar, antiforgery) = await SignedIn(host, "dubbelklik@example.nl");
        var cookie = jar.Header;

        var client = host.Bare();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(WithCookie(HttpMethod.Post, "/mijn/token", cookie, Fields(antiforgery, ("feeds", "on"))))));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Redirect }));
        var won = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.BadRequest))
        {
            var html = PageForms.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Contains("Er is geen nieuwe link gemaakt", html.QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Uitloggen", html.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        }

        // The one renewal that happened holds: its token signs in, its session is the one this browser keeps.
        var newToken = ShownToken(await won.Content.ReadAsStringAsync());
        Assert.Contains("dubbelklik@example.nl", await Api(host, newToken).GetStringAsync("/api/account"), StringComparison.Ordinal);
        var session = won.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sk_sessie=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WithCookie(HttpMethod.Get, "/mijn", session))).StatusCode);
    }

    [Fact]
    public void A_second_renewal_with_the_session_the_first_one_ended_is_refused_and_changes_nothing()
    {
        using var host = new SavedSearchHost();
        var users = host.Get<Users>();
        var keys = host.Get<FeedKeys>();
        var (_, token, user) = host.NewUser("tweemaal@example.nl");
        var feedKey = keys.ForUser(user.Id);
        var session = users.StartSession(token);

        var (first, firstSession) = users.RenewToken(user.Id, session, feeds: false);
        var refused = Assert.Throws<UserException>(() => users.RenewToken(user.Id, session, feeds: true));
        Assert.Contains("sessie", refused.Message, StringComparison.Ordinal);

        // The refused one touched nothing: the first renewal's token and session work, the feed key is the old one.
        Assert.Equal(user.Id, users.ByToken(first.Token)?.Id);
        Assert.Equal(user.Id, users.BySession(firstSession)?.Id);
        Assert.Null(users.BySession(session));
        Assert.Equal(feedKey, keys.ForUser(user.Id));
    }

    /// <summary>A browser whose cookies the test can read, signed in, with the antiforgery token of /mijn's forms.</summary>
    private static async Task<(HttpClient Browser, CookieJar Jar, string Antiforgery)> SignedIn(SavedSearchHost host, string email)
    {
        var (_, token, _) = host.NewUser(email);
        var jar = new CookieJar();
        var browser = host.Bare(jar);
        Assert.Equal(HttpStatusCode.Redirect, (await SavedSearchHost.SignIn(browser, token)).StatusCode);
        return (browser, jar, await SavedSearchHost.AntiforgeryToken(browser, "/mijn"));
    }

    private static FormUrlEncodedContent Fields(string antiforgery, params (string Name, string Value)[] more) =>
        new([new("__RequestVerificationToken", antiforgery), .. more.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    private static HttpRequestMessage WithCookie(HttpMethod method, string path, string cookie, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    /// <summary>The token as the page shows it for the API, the same one as in the shown sign-in link.</summary>
    internal static string ShownToken(string html)
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

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/aanmelden", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
