using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>/mijn/instellingen: alert channels (e-mail, one webhook), the private feed's address and its renewal.</summary>
public static class AccountSettingsPages
{
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
