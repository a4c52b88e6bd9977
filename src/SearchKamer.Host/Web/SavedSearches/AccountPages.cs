using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>Self-service sign-up, sign-in by link, sign-out and the alert channel settings.</summary>
public static class AccountPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/aanmelden", (HttpContext ctx, Users users) => Html.Page("Aanmelden", SignUpForm(ctx, null), Auth.FromCookie(ctx, users)));

        app.MapPost("/aanmelden", (HttpContext ctx, IFormCollection form, Users users, Links links) =>
        {
            try
            {
                // Never renews: that would hand an existing account to whoever types its address.
                var issued = users.Add(form["email"].ToString(), renew: false);
                var link = SignInLink(links, issued.Token);
                return Html.Page("Uw persoonlijke link", $"""
                    <p>Bewaar deze link: hij is uw wachtwoord en wordt niet opnieuw getoond.</p>
                    <p><a href="{Html.E(link)}">{Html.E(link)}</a></p>
                    <p>Voor de API: <code>Authorization: Bearer {Html.E(issued.Token)}</code></p>
                    """, null);
            }
            catch (UserException e)
            {
                return Html.Page("Aanmelden", SignUpForm(ctx, e.Message), null, 400);
            }
        });

        app.MapGet("/inloggen", (HttpContext ctx, string? token, Users users) =>
        {
            if (users.StartSession(token) is not { } session)
            {
                return Html.Page("Inloggen mislukt", "<p>Deze link is ongeldig of vervangen.</p>", null, 401);
            }

            Auth.SetSession(ctx, session);
            ctx.Response.Headers.CacheControl = "no-store";
            return Results.Redirect("/mijn/zoekopdrachten");
        });

        app.MapPost("/uitloggen", (HttpContext ctx, IFormCollection _, Users users) =>
        {
            users.EndSession(ctx.Request.Cookies[Auth.SessionCookie]);
            ctx.Response.Cookies.Delete(Auth.SessionCookie);
            return Results.Redirect("/");
        });

        var mine = app.MapGroup("/mijn").RequireSession();
        mine.MapGet("/instellingen", (HttpContext ctx) => Html.Page("Instellingen", Settings(ctx, Auth.Current(ctx), null, null), Auth.Current(ctx)));
        mine.MapPost("/instellingen", (HttpContext ctx, IFormCollection form, Users users) =>
        {
            var user = Auth.Current(ctx);
            try
            {
                var updated = users.UpdateChannels(user.Id, form["webhook"].ToString(), form["email_alerts"] == "on");
                var secret = updated.WebhookSecret != user.WebhookSecret ? updated.WebhookSecret : null;
                return Html.Page("Instellingen", Settings(ctx, updated, null, secret), updated);
            }
            catch (UserException e)
            {
                return Html.Page("Instellingen", Settings(ctx, user, e.Message, null), user, 400);
            }
        });
    }

    public static string SignInLink(Links links, string token) => links.Path("/inloggen?token=" + Uri.EscapeDataString(token)).ToString();

    private static string SignUpForm(HttpContext ctx, string? error) => Html.Error(error) + Html.Form(ctx, "/aanmelden",
        """<label>E-mailadres <input type="email" name="email" required maxlength="254" autocomplete="email"></label>""", "Account maken");

    private static string Settings(HttpContext ctx, User user, string? error, string? newSecret) =>
        Html.Error(error)
        + (newSecret is null ? "" : $"<p>Nieuw webhook-geheim (wordt niet opnieuw getoond): <code>{Html.E(newSecret)}</code></p>")
        + Html.Form(ctx, "/mijn/instellingen",
            $"""<label><input type="checkbox" name="email_alerts"{(user.EmailAlerts ? " checked" : "")}> Meldingen per e-mail naar {Html.E(user.Email)}</label> """
            + $"""<label>Webhook-adres <input type="url" name="webhook" maxlength="2000" value="{Html.E(user.WebhookUrl)}"></label>""", "Opslaan")
        + Html.Form(ctx, "/uitloggen", "", "Uitloggen");
}
