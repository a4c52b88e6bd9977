using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>The document page's "Volg deze vragen" / "Niet meer volgen": its state, its round trip, and the alert it leads to.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class FollowButtonTests
{
    private const string Page = "/document/" + SavedSearchHost.QuestionSetKey;

    [Fact]
    public async Task Following_from_the_document_page_shows_the_state_and_alerts_when_the_answer_arrives()
    {
        using var host = new SavedSearchHost();
        var (api, token, user) = host.NewUser("volgknop@example.nl");
        var browser = await host.Browser(token);
        Assert.Equal("Volg deze vragen", Button(await browser.GetStringAsync(Page)));

        var follow = await PageForms.Submit(browser, Page, "div.follow form");
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.Equal(Page, follow.Headers.Location!.OriginalString);
        var followed = await browser.GetStringAsync(Page);
        Assert.Contains("U volgt deze vragen.", followed, StringComparison.Ordinal);
        Assert.Equal("Niet meer volgen", Button(followed));
        var zaak = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/volgen")).EnumerateArray());
        Assert.Equal(SavedSearchHost.Zaak, zaak.GetProperty("zaak").GetString());

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        var alert = Assert.Single(host.Get<AlertStore>().ForUser(user.Id));
        Assert.Equal(SavedSearchHost.AnswerKey, alert.DocumentKey);
        // Answered now: the page still says it is followed, and what a follow now waits for.
        Assert.Contains("zoals een nader antwoord", await browser.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unfollowing_from_the_document_page_removes_the_follow_and_shows_the_button_again()
    {
        using var host = new SavedSearchHost();
        var (api, token, _) = host.NewUser("ontvolg@example.nl");
        var browser = await host.Browser(token);
        await PageForms.Submit(browser, Page, "div.follow form");

        var unfollow = await PageForms.Submit(browser, Page, "div.follow form");
        Assert.Equal(HttpStatusCode.Redirect, unfollow.StatusCode);
        Assert.Equal("Volg deze vragen", Button(await browser.GetStringAsync(Page)));
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/volgen")).GetArrayLength());
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_led_to_sign_in_and_back_to_the_document()
    {
        using var host = new SavedSearchHost();
        var (_, token, _) = host.NewUser("nietingelogd@example.nl");
        var browser = host.Anonymous();
        var link = PageForms.Parse(await browser.GetStringAsync(Page)).QuerySelector("div.follow a")!;
        Assert.Equal("Volg deze vragen", link.TextContent);

        await browser.GetAsync(link.GetAttribute("href"));
        var signedIn = await SavedSearchHost.SignIn(browser, token);
        Assert.Equal(Page, signedIn.Headers.Location!.OriginalString);
        Assert.Equal("Volg deze vragen", Button(await browser.GetStringAsync(Page)));
    }

    private static string Button(string html) => PageForms.Parse(html).QuerySelector("div.follow form button")!.TextContent;
}
