using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>
/// "Nieuwe persoonlijke link" on /mijn: a new token (the sign-in link and the API's Bearer token are the same
/// secret), shown once. Sessions end everywhere but here. Feed keys are separate capabilities; the box to replace
/// them too is ticked by default, because whoever had the old token could have read the feed addresses through
/// the API, and a renewal is mostly for a leaked link. Unticking it keeps feed readers working.
/// </summary>
public static class TokenRenewal
{
    public const string Action = "/mijn/token";

    public static void Map(WebApplication app) =>
        app.MapGroup("/mijn").RequireSession().MapPost("/token", (HttpContext ctx, IFormCollection form, Users users, Links links) =>
        {
            var user = Auth.Current(ctx);
            var feeds = form["feeds"] == "on";
            try
            {
                var (issued, session) = users.RenewToken(user.Id, ctx.Request.Cookies[Auth.SessionCookie], feeds);
                Auth.SetSession(ctx, session);
                return Html.Page("Nieuwe persoonlijke link", Shown(links, issued, feeds), issued.User);
            }
            catch (UserException e)
            {
                // The session is gone (another renewal won), so this browser is signed out: say so, and how to get a link again.
                Auth.SignOut(ctx);
                return Html.Page("Nieuwe persoonlijke link", Html.Error("Er is geen nieuwe link gemaakt: " + e.Message + ".") + AlreadyRenewed, null, 400);
            }
        });

    private const string AlreadyRenewed =
        "<p>Is er net een nieuwe link getoond, gebruik die dan om in te loggen. Heeft u hem niet gezien, dan vraagt u via "
        + "<a href=\"/aanmelden\">Aanmelden</a> met uw e-mailadres een nieuwe aan; u krijgt hem per e-mail.</p>";

    /// <summary>The button for the account section of /mijn.</summary>
    public static string Form(HttpContext ctx) => Html.Form(ctx, Action,
        """<label><input type="checkbox" name="feeds" checked> Ook mijn feedadressen vervangen</label>""",
        "Nieuwe persoonlijke link maken");

    private static string Shown(Links links, IssuedToken issued, bool feeds) =>
        """<p class="done" role="status">Uw nieuwe persoonlijke link is gemaakt. Hij wordt maar één keer getoond: bewaar hem nu, bijvoorbeeld in een wachtwoordbeheerder.</p>"""
        + AccountPages.TokenShown(links, issued.Token) + $"""
            <h2>Wat er is veranderd</h2>
            <ul>
            <li>Uw oude link en uw oude token werken niet meer, ook niet in de API.</li>
            <li>In deze browser blijft u ingelogd. Andere browsers en apparaten zijn uitgelogd; daar logt u in met de nieuwe link.</li>
            <li>{(feeds
                ? "Uw feedadressen zijn ook vervangen: de oude werken niet meer. Geef uw feedlezer de nieuwe adressen van <a href=\"/mijn#feeds\">Mijn SearchKamer</a>."
                : "Uw feedadressen zijn niet veranderd: ze hebben een eigen sleutel. Wie uw oude link had, kon ze ook zien; vervang ze dan alsnog met een nieuwe link en het vinkje aan.")}</li>
            <li>Uw webhook en het geheim ervan blijven zoals ze waren.</li>
            </ul>
            <p><a href="/mijn">Terug naar Mijn SearchKamer</a></p>
            """;
}
