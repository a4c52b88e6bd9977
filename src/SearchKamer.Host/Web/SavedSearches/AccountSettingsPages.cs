using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>/mijn/instellingen: alert channels (e-mail, one webhook), the private feed's address and its renewal.</summary>
public static class AccountSettingsPages
{
    /// <summary>One signed test alert through the same sender (and its address checks) as real alerts; nothing is stored.</summary>
    private static async Task<(string Title, string Text, int Status)> TestDelivery(WebhookSender sender, User user, DateTimeOffset now, CancellationToken cancel)
    {
        if (user.WebhookUrl is not { Length: > 0 })
        {
            return ("mislukt", "u heeft geen webhook ingesteld", 400);
        }

        var test = new Alert(0, user.Id, "test", "test", "Testmelding van SearchKamer", null, "Dit is een test van uw webhook.", "test", now);
        try
        {
            await sender.SendAsync(user, [test], cancel);
            return ("verzonden", "de webhook antwoordde met 2xx", 200);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or WebhookRefusedException)
        {
            return Refused(e) ? ("afgewezen", WebhookRefusedException.UserMessage, 200)
                : ("mislukt", e is WebhookStatusException w ? $"de webhook antwoordde {w.Recorded}" : "de webhook was niet bereikbaar", 200);
        }
    }

    // The address guard may refuse at connect time, inside the HTTP client's exception.
    private static bool Refused(Exception? e) => e is not null && (e is WebhookRefusedException || Refused(e.InnerException));

    public static void Map(WebApplication app)
    {
        var mine = app.MapGroup("/mijn").RequireSession();
        mine.MapGet("/instellingen", (HttpContext ctx, FeedKeys keys, Links links) =>
            Html.Page("Instellingen", Settings(ctx, Auth.Current(ctx), FeedUrls.Mine(keys, links, Auth.Current(ctx).Id), null, null), Auth.Current(ctx)));
        mine.MapPost("/instellingen", async (HttpContext ctx, IFormCollection form, Users users, WebhookTargets targets, FeedKeys keys, Links links) =>
        {
            var user = Auth.Current(ctx);
            var feed = FeedUrls.Mine(keys, links, user.Id);
            try
            {
                var updated = await users.UpdateChannelsAsync(user.Id, form["webhook"].ToString(), form["email_alerts"] == "on", targets, ctx.RequestAborted);
                var secret = updated.WebhookSecret != user.WebhookSecret ? updated.WebhookSecret : null;
                return Html.Page("Instellingen", Settings(ctx, updated, feed, null, secret), updated);
            }
            catch (WebhookRefusedException)
            {
                return Html.Page("Instellingen", Settings(ctx, user, feed, WebhookRefusedException.UserMessage, null), user, 400);
            }
        });
        mine.MapPost("/webhook/test", async (HttpContext ctx, IFormCollection _, WebhookSender sender, TimeProvider clock) =>
        {
            var user = Auth.Current(ctx);
            var (title, text, status) = await TestDelivery(sender, user, clock.GetUtcNow(), ctx.RequestAborted);
            return Html.Page("Webhook testen", $"<h1>Webhook testen</h1><p role=\"status\" class=\"test-result\"><strong>{Html.E(title)}</strong>: {Html.E(text)}</p><p><a href=\"/mijn#kanalen\">Terug naar Mijn SearchKamer</a></p>", user, status);
        }).RequireRateLimiting(RateLimits.WebhookTest);
        mine.MapPost("/feedsleutel", (HttpContext ctx, IFormCollection _, FeedKeys keys, Links links) =>
        {
            var user = Auth.Current(ctx);
            return Html.Page("Instellingen", Settings(ctx, user, FeedUrls.Mine(keys, links, user.Id, renew: true), null, null), user);
        });
    }

    private static string Settings(HttpContext ctx, User user, string feed, string? error, string? newSecret) =>
        Html.Error(error)
        + (newSecret is null ? "" : $"<p>Nieuw webhook-geheim (wordt niet opnieuw getoond): <code>{Html.E(newSecret)}</code></p>")
        + Html.Form(ctx, "/mijn/instellingen",
            $"""<label><input type="checkbox" name="email_alerts"{(user.EmailAlerts ? " checked" : "")}> Meldingen per e-mail naar {Html.E(user.Email)}</label> """
            + (user.Confirmed ? "" : "<p>Dit adres is nog niet bevestigd: er gaat geen e-mail heen.</p>")
            + $"""<label>Webhook-adres (alleen openbare adressen) <input type="url" name="webhook" maxlength="2000" value="{Html.E(user.WebhookUrl)}"></label>""", "Opslaan")
        + $"""<h2>Feed van al mijn meldingen</h2><p>Dit adres geeft alleen deze feed te lezen; deel het niet. <a href="{Html.E(feed)}">{Html.E(feed)}</a></p>"""
        + Html.Form(ctx, "/mijn/feedsleutel", "", "Nieuw feedadres (het oude werkt dan niet meer)")
        + Html.Form(ctx, "/uitloggen", "", "Uitloggen");
}
