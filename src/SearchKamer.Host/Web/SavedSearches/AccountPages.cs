using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>
/// Sign-up with double opt-in, sign-in by link (with a click, so a link planted by someone else cannot sign a
/// visitor into the wrong account), sign-out and the alert channel settings.
/// </summary>
public static class AccountPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/aanmelden", (HttpContext ctx, string? terug, Users users, SmtpSettings smtp) =>
        {
            Auth.RememberReturn(ctx, terug);
            return Html.Page("Inloggen of aanmelden", SignIn(terug) + "<h2>Nog geen account?</h2>" + (smtp.Configured ? SignUpForm(ctx, null) : NoSelfService),
                Auth.Visitor(ctx, users));
        });
        app.MapPost("/aanmelden", StartSignUp).RequireRateLimiting(RateLimits.SignUp);

        app.MapGet("/bevestigen", (HttpContext ctx, string? code, SignUps signUps, FailedTokenChecks checks) =>
            Checked(ctx, checks, signUps.Peek(code), user => Html.Page("Aanmelding bevestigen",
                $"<p>U bevestigt het adres <strong>{Html.E(user.Email)}</strong> en krijgt daarna uw persoonlijke link.</p>"
                + Html.Form(ctx, "/bevestigen", Hidden("code", code), "Bevestigen en mijn link tonen"), null)))
            .RequireRateLimiting(RateLimits.SignIn);
        app.MapPost("/bevestigen", (HttpContext ctx, IFormCollection form, SignUps signUps, FailedTokenChecks checks, Links links) =>
            Checked(ctx, checks, signUps.Confirm(form["code"].ToString()), issued => ShowToken(links, issued, "Uw account is bevestigd.")))
            .RequireRateLimiting(RateLimits.SignIn);

        app.MapGet("/inloggen", (HttpContext ctx, string? token, Users users, FailedTokenChecks checks) =>
            Checked(ctx, checks, users.ByToken(token = TokenOf(token)), user => Html.Page("Inloggen",
                $"<p>Met deze link logt u in als <strong>{Html.E(user.Email)}</strong>. Is dat niet uw adres, log dan niet in.</p>"
                + Html.Form(ctx, "/inloggen", Hidden("token", token), $"Inloggen als {user.Email}"), null)))
            .RequireRateLimiting(RateLimits.SignIn);
        app.MapPost("/inloggen", (HttpContext ctx, IFormCollection form, Users users, FailedTokenChecks checks) =>
            Checked(ctx, checks, users.StartSession(form["token"].ToString()), session =>
            {
                Auth.SetSession(ctx, session);
                return Results.Redirect(Auth.TakeReturn(ctx));
            }))
            .RequireRateLimiting(RateLimits.SignIn);

        app.MapPost("/uitloggen", (HttpContext ctx, IFormCollection _, Users users) =>
        {
            users.EndSession(ctx.Request.Cookies[Auth.SessionCookie]);
            ctx.Response.Cookies.Delete(Auth.SessionCookie);
            return Results.Redirect("/");
        });

        AccountSettingsPages.Map(app);
    }

    public static string SignInLink(Links links, string token) => links.Path("/inloggen?token=" + Uri.EscapeDataString(token)).ToString();

    /// <summary>How to sign in: the personal link is the password, so the page only says where to find it and takes a pasted one.</summary>
    private static string SignIn(string? back) =>
        (Auth.LocalPath(back) is null ? "" : "<p class=\"notice\">Log eerst in; daarna gaat u verder waar u was.</p>")
        + "<p>U logt in met de persoonlijke link die u na uw aanmelding kreeg (ook in de e-mail van de bevestiging). Open die link in deze browser, "
        + "of plak hem hieronder.</p>"
        + """<form class="account" method="get" action="/inloggen"><label>Persoonlijke link <input type="text" name="token" required maxlength="2000" autocomplete="off"></label><button type="submit">Verder</button></form>""";

    /// <summary>The token itself, or the token inside a pasted personal link (…/inloggen?token=…).</summary>
    private static string? TokenOf(string? pasted)
    {
        var text = pasted?.Trim();
        if (text is null || !text.Contains("token=", StringComparison.Ordinal))
        {
            return text;
        }

        var query = text[(text.IndexOf('?', StringComparison.Ordinal) + 1)..];
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + query).TryGetValue("token", out var t) ? t.LastOrDefault() : text;
    }

    private const string NoSelfService =
        "<p>Zelf een account maken kan op deze site niet: er is geen e-mailserver ingesteld om uw adres te bevestigen. Vraag de beheerder om een account.</p>";

    /// <summary>A new address and a known one get the same page; what differs is only the mail, which goes to the address's owner.</summary>
    private static IResult StartSignUp(HttpContext ctx, IFormCollection form, SignUps signUps, SmtpSettings smtp, AccountMail mail, Links links,
        ILogger<SignUps> log)
    {
        if (!smtp.Configured)
        {
            return Html.Page("Aanmelden", NoSelfService, null, 400);
        }

        SignUp signUp;
        try
        {
            signUp = signUps.Start(form["email"].ToString());
        }
        catch (UserException e)
        {
            return Html.Page("Aanmelden", SignUpForm(ctx, e.Message), null, 400);
        }

        if (signUp.Code is { } code)
        {
            // Sent after the answer, not before it: the page must not take longer for one kind of address, nor hang on the mail server.
            var link = links.Path("/bevestigen?code=" + Uri.EscapeDataString(code)).ToString();
            _ = Task.Run(async () =>
            {
                try
                {
                    await mail.SendAsync(signUp.Email, signUp.Existing ? "SearchKamer: aanmelding met uw adres" : "SearchKamer: bevestig uw aanmelding",
                        signUp.Existing ? OwnerMail(link) : ConfirmationMail(link), CancellationToken.None);
                }
                catch (Exception e) when (e is System.Net.Mail.SmtpException or IOException or InvalidOperationException)
                {
                    log.LogError("Bevestigingsmail niet verzonden: {Error}", e.Message);
                }
            }, CancellationToken.None);
        }

        return Html.Page("Controleer uw e-mail", $"""
            <p>Als {Html.E(signUp.Email)} een werkend adres is, staat daar binnen enkele minuten een e-mail met een link.
            Pas na het volgen van die link krijgt u uw persoonlijke link en ontvangt u meldingen.</p>
            """, null);
    }

    private static string ConfirmationMail(string link) => $"""
        Iemand, hopelijk u, heeft met dit adres een account aangevraagd bij SearchKamer.

        Bevestig uw aanmelding via deze link (24 uur geldig):
        {link}

        Heeft u dit niet aangevraagd? Negeer dan deze e-mail: er wordt geen account gemaakt en u ontvangt niets meer.
        """;

    private static string OwnerMail(string link) => $"""
        Iemand heeft zich bij SearchKamer aangemeld met dit adres, maar u heeft hier al een account.

        Wilt u een nieuwe persoonlijke link (de oude werkt dan niet meer), volg dan deze link (24 uur geldig):
        {link}

        Was u dit niet? Negeer dan deze e-mail: er verandert niets aan uw account.
        """;

    private static IResult ShowToken(Links links, IssuedToken issued, string intro) => Html.Page("Uw persoonlijke link",
        $"<p>{Html.E(intro)} Bewaar deze link: hij is uw wachtwoord voor {Html.E(issued.User.Email)} en wordt niet opnieuw getoond.</p>"
        + TokenShown(links, issued.Token), null);

    /// <summary>
    /// A token that is shown once (after confirming a sign-up, after a renewal): the sign-in link and the API header,
    /// both marked <c>token</c>. The one place that writes it, so the two pages cannot drift apart.
    /// </summary>
    public static string TokenShown(Links links, string token)
    {
        var link = SignInLink(links, token);
        return $"""
            <h2>Persoonlijke link</h2>
            <p><a class="token" href="{Html.E(link)}">{Html.E(link)}</a></p>
            <h2>Voor de API</h2>
            <p><code class="token">Authorization: Bearer {Html.E(token)}</code></p>
            """;
    }

    /// <summary>Runs <paramref name="ok"/> for a valid token or code; a wrong one counts against the client, and too many get a 429.</summary>
    private static IResult Checked<T>(HttpContext ctx, FailedTokenChecks checks, T? found, Func<T, IResult> ok)
    {
        if (checks.Refusal(ctx) is { } tooMany)
        {
            return tooMany;
        }

        if (found is null)
        {
            checks.Failed(ctx);
            return Html.Page("Link ongeldig", "<p>Deze link is ongeldig, verlopen of vervangen door een nieuwere.</p>", null, 401);
        }

        return ok(found);
    }

    private static string Hidden(string name, string? value) => $"""<input type="hidden" name="{name}" value="{Html.E(value)}">""";

    private static string SignUpForm(HttpContext ctx, string? error) => Html.Error(error)
        + "<p>U krijgt een e-mail met een link om uw adres te bevestigen; daarna ziet u uw persoonlijke link.</p>"
        + Html.Form(ctx, "/aanmelden", """<label>E-mailadres <input type="email" name="email" required maxlength="254" autocomplete="email"></label>""", "Account aanvragen");
}
