using System.Net.Http.Json;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>"Test de webhook" on /mijn: one signed test delivery through the same sender, its outcome in Dutch.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class WebhookTestButtonTests
{
    [Fact]
    public async Task The_test_button_sends_one_signed_delivery_and_says_verzonden()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.Up();
        using var host = new SavedSearchHost();
        var (api, token, user) = host.NewUser("test-hook@example.nl");
        await api.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = receiver.Url, emailAlerts = false });
        var browser = await host.Browser(token);

        var response = await PageForms.Submit(browser, "/mijn", "form[action='/mijn/webhook/test']");
        var page = PageForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("verzonden", page.QuerySelector("main .test-result")!.TextContent, StringComparison.Ordinal);
        var (body, signature) = Assert.Single(receiver.Accepted);
        // Without the form's antiforgery token nothing goes out.
        var forged = await browser.PostAsync("/mijn/webhook/test", new FormUrlEncodedContent([]));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Single(receiver.Accepted);
        var secret = host.Get<Users>().All().Single(u => u.Id == user.Id).WebhookSecret!;
        Assert.True(WebhookSignature.Verify(signature, secret, System.Text.Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_webhook_answering_with_a_redirect_is_shown_as_mislukt_with_the_status()
    {
        await using var receiver = new WebhookReceiver { RedirectTo = "https://example.org/" };
        await receiver.Up();
        using var host = new SavedSearchHost();
        var (api, token, _) = host.NewUser("omleiding@example.nl");
        await api.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = receiver.Url, emailAlerts = false });
        var browser = await host.Browser(token);

        var response = await PageForms.Submit(browser, "/mijn", "form[action='/mijn/webhook/test']");
        var text = PageForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("main .test-result")!.TextContent;
        Assert.StartsWith("mislukt", text, StringComparison.Ordinal);
        Assert.Contains("HTTP 3", text, StringComparison.Ordinal);
        Assert.Empty(receiver.Accepted);
    }

    [Fact]
    public async Task A_webhook_whose_address_is_no_longer_allowed_is_refused_at_connect_and_shown_as_afgewezen()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.Up();
        // The operator once allowed the loopback listener and has since taken that allowance away.
        using var host = new SavedSearchHost(new Dictionary<string, string> { ["SearchKamer:Webhooks:Allow:0"] = "webhooks.example.nl" });
        var (_, token, user) = host.NewUser("ingetrokken@example.nl");
        await host.Get<Users>().UpdateChannelsAsync(user.Id, receiver.Url, emailAlerts: false, new WebhookTargets(["127.0.0.1"]), CancellationToken.None);
        var browser = await host.Browser(token);

        var response = await PageForms.Submit(browser, "/mijn", "form[action='/mijn/webhook/test']");
        var text = PageForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("main .test-result")!.TextContent;
        Assert.StartsWith("afgewezen", text, StringComparison.Ordinal);
        Assert.Contains(WebhookRefusedException.UserMessage, text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.Equal(0, receiver.Arrived);
    }

    [Fact]
    public async Task Pressing_the_test_button_too_often_is_refused_per_user_with_te_vaak_and_sign_in_is_not_affected()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.Up();
        // Every client of the test server is the same address: only a per-user limit lets the second user through.
        using var host = new SavedSearchHost(new Dictionary<string, string>
        {
            ["SearchKamer:RateLimits:WebhookTestsPerMinute"] = "3",
            ["SearchKamer:RateLimits:SignInsPerMinute"] = "6",
        });
        var (api, token, _) = host.NewUser("vaak@example.nl");
        var (otherApi, otherToken, _) = host.NewUser("ander@example.nl");
        foreach (var client in new[] { api, otherApi })
        {
            await client.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = receiver.Url, emailAlerts = false });
        }

        var browser = await host.Browser(token); // a sign-in is two requests (link page, button): 2 of 6
        var other = await host.Browser(otherToken); // 4 of 6
        for (var press = 1; press <= 3; press++)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await PageForms.Submit(browser, "/mijn", "form[action='/mijn/webhook/test']")).StatusCode);
        }

        var refused = await PageForms.Submit(browser, "/mijn", "form[action='/mijn/webhook/test']");
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("te vaak getest", PageForms.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, receiver.Accepted.Count);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await PageForms.Submit(other, "/mijn", "form[action='/mijn/webhook/test']")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await SavedSearchHost.SignIn(host.Anonymous(), token)).StatusCode); // 6 of 6
    }
}
